package se.socialfund.bootstrap.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import se.socialfund.bootstrap.EmbeddedDatabase;
import se.socialfund.bootstrap.SigningKeys;

/**
 * The tests' real parts: a real PostgreSQL (embedded, on a free loopback port, in a fresh directory) with the same
 * two roles as production, and a signing key the service trusts as it would an identity provider's.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
    public static final String JDBC_URL = "socialfund.test.jdbc-url";
    public static final String KEYS = "socialfund.test.keys";

    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        try {
            Path base = Files.createDirectories(Path.of("target", "test-runtime")).toAbsolutePath();
            Path keys = base.resolve("keys");
            SigningKeys.ensure(keys);
            db = EmbeddedDatabase.start(base.resolve("postgres"), 0, true,
                    Map.of("max_connections", "200", "fsync", "off", "synchronous_commit", "off"));
            System.setProperty(JDBC_URL, db.jdbcUrl());
            System.setProperty(KEYS, keys.toString());
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            config.put("quarkus.datasource.username", EmbeddedDatabase.SERVICE);
            config.put("quarkus.datasource.password", "embedded");
            config.put("quarkus.flyway.jdbc-url", db.jdbcUrl());
            config.put("quarkus.flyway.username", EmbeddedDatabase.OWNER);
            config.put("quarkus.flyway.password", "embedded");
            config.put("quarkus.oidc.public-key", SigningKeys.publicKeyText(keys));
            config.put("quarkus.oidc.token.issuer", SigningKeys.ISSUER);
            config.put("quarkus.oidc.token.audience", SigningKeys.AUDIENCE);
            // short enough for the slow-database tests to wait them out, long enough for a hundred concurrent grants
            config.put("socialfund.db.lock-timeout-ms", "8000");
            config.put("socialfund.db.statement-timeout-ms", "9000");
            return config;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}
