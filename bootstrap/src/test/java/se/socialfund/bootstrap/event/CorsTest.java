package se.socialfund.bootstrap.event;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser access, turned on by configuration only (as an operator would, with QUARKUS_HTTP_CORS_ENABLED and
 * QUARKUS_HTTP_CORS_ORIGINS): the intranet's origin may call the API with the headers the API uses and read the
 * headers it answers with; any other origin may not. Preflights are not operations of the contract, so only the
 * actual request below is checked against openapi.yaml. Off by default: every other test runs without it.
 */
@QuarkusTest
@TestProfile(CorsTest.IntranetOrigin.class)
class CorsTest {
    static final String INTRANET = "https://intranet.norrkoping.se";

    public static class IntranetOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", INTRANET);
        }
    }

    static Response preflight(String origin) {
        return RestAssured.given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,if-match,idempotency-key,content-type")
                .options("/api/v1/applications");
    }

    @Test
    void a_preflight_from_the_intranet_passes_for_the_headers_the_api_uses() {
        Response r = preflight(INTRANET);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(INTRANET);
        assertThat(r.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(r.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "if-match", "idempotency-key", "content-type");
    }

    @Test
    void a_preflight_from_another_origin_does_not() {
        Response r = preflight("https://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void the_intranet_can_read_the_etag_location_and_request_id_headers() {
        Response r = Api.anonymous().header("Origin", INTRANET).get("/api/v1/api-info");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(INTRANET);
        assertThat(r.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "X-Request-Id",
                "Idempotent-Replayed");
    }
}
