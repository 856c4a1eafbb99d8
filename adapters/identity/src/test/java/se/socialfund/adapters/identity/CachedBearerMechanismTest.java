package se.socialfund.adapters.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token is taken from the header exactly as quarkus-oidc takes it, so that the cache is asked the same. */
class CachedBearerMechanismTest {
    @Test
    void theTokenIsEverythingAfterTheFirstSpaceOfABearerHeader() {
        assertThat(CachedBearerMechanism.bearerToken("Bearer a.b.c")).isEqualTo("a.b.c");
        assertThat(CachedBearerMechanism.bearerToken("bearer a.b.c")).isEqualTo("a.b.c");
        assertThat(CachedBearerMechanism.bearerToken("BEARER a.b.c")).isEqualTo("a.b.c");
        // as it is: a token with a space before it is another token, and not found
        assertThat(CachedBearerMechanism.bearerToken("Bearer  a.b.c")).isEqualTo(" a.b.c");
        assertThat(CachedBearerMechanism.bearerToken("Bearer a.b.c ")).isEqualTo("a.b.c ");
    }

    @Test
    void otherSchemesAndEmptyTokensAreNotBearerTokens() {
        assertThat(CachedBearerMechanism.bearerToken(null)).isNull();
        assertThat(CachedBearerMechanism.bearerToken("Bearer")).isNull();
        assertThat(CachedBearerMechanism.bearerToken("Bearer ")).isNull();
        assertThat(CachedBearerMechanism.bearerToken("BearerX a.b.c")).isNull();
        assertThat(CachedBearerMechanism.bearerToken("Basic YTpi")).isNull();
        assertThat(CachedBearerMechanism.bearerToken("DPoP a.b.c")).isNull();
    }
}
