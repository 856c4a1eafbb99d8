package se.socialfund.bootstrap.faults;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.adapters.identity.CachedTokenIdentityProvider;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's signature is verified once: the same token again is answered from the cache of verified tokens, with
 * the same caller; anything made from a cached token (another signature, changed claims, a changed header, one
 * character more) is a different token, verified in full and refused.
 */
@QuarkusTest
class TokenCacheTest {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @Inject
    CachedTokenIdentityProvider cache;

    private static Response read(String token) {
        return Api.withToken(token, Contract.responses()).get("/api/v1/audit-events?limit=1");
    }

    @Test
    void a_token_is_verified_once_and_nothing_made_from_it_passes() {
        String token = Tokens.sign(Tokens.claims("cache-" + UUID.randomUUID(), null, "auditor"));
        long before = cache.verifications();
        long hits = cache.answeredFromCache();
        long early = cache.answeredBeforeOidc();

        Response first = Api.withToken(token, Contract.full()).get("/api/v1/audit-events?limit=1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cache.verifications()).as("the first request verifies the token").isEqualTo(before + 1);
        for (int i = 0; i < 3; i++) {
            assertThat(Api.withToken(token, Contract.full()).get("/api/v1/audit-events?limit=1").statusCode())
                    .isEqualTo(200);
        }
        assertThat(cache.verifications()).as("the next requests with the same token are not verified again")
                .isEqualTo(before + 1);
        assertThat(cache.answeredFromCache()).as("they are answered from the cache").isEqualTo(hits + 3);
        assertThat(cache.answeredBeforeOidc()).as("... before the OIDC extension's mechanism reads them")
                .isEqualTo(early + 3);
        // the cached identity keeps the caller's roles: an auditor may not mark capital (403, not 200 or 401)
        assertThat(Api.withToken(token, Contract.responses()).body(Map.of("amount", Map.of("amount", "1.00",
                "currency", "SEK"), "closingYear", 2020, "reference", "cache")).post("/api/v1/fund/capital-markings")
                .statusCode()).isEqualTo(403);

        String[] parts = token.split("\\.");
        String claims = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
        String header = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("another signature", parts[0] + "." + parts[1] + "." + new String(signature));
        forged.put("claims changed, the cached token's signature",
                parts[0] + "." + b64(claims.replace("\"auditor\"", "\"fund-officer\"")) + "." + parts[2]);
        forged.put("header changed (alg none), the cached token's signature",
                b64(header.replace("RS256", "none")) + "." + parts[1] + "." + parts[2]);
        forged.put("no signature", parts[0] + "." + parts[1] + ".");
        forged.put("one character more", token + "A");
        forged.put("one character less", token.substring(0, token.length() - 1));
        long verifications = cache.verifications();
        long answered = cache.answeredFromCache();
        for (var f : forged.entrySet()) {
            Response r = read(f.getValue());
            assertThat(r.statusCode()).as(f.getKey()).isEqualTo(401);
            assertThat(cache.answeredFromCache()).as(f.getKey() + " was not answered from the cache")
                    .isEqualTo(answered);
        }
        assertThat(cache.verifications()).as("the forgeries were verified in full (one may be refused earlier)")
                .isGreaterThanOrEqualTo(verifications + forged.size() - 1);

        assertThat(read(token).statusCode()).as("the genuine token still passes, from the cache").isEqualTo(200);
        assertThat(cache.answeredFromCache()).isEqualTo(answered + 1);
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
