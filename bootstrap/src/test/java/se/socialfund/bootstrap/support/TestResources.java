package se.socialfund.bootstrap.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL and the signing key for every @QuarkusTest of the module: one app, one database. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(FakeClamd.class)
public final class TestResources {
    private TestResources() {
    }
}
