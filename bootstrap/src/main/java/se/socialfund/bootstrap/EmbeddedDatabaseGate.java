package se.socialfund.bootstrap;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * The migrations are the first to connect at start: they wait here for the local default's embedded PostgreSQL,
 * which starts in parallel with the framework's boot (see {@link LocalDatabase}). Against a configured database
 * there is nothing to wait for.
 */
@Singleton
public class EmbeddedDatabaseGate implements FlywayConfigurationCustomizer {
    @Override
    public void customize(FluentConfiguration configuration) {
        LocalDatabase.awaitReady();
    }
}
