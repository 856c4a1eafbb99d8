package se.socialfund.bootstrap.api;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The HTTP conventions of API.md, held in one place and answered as problems. */
@QuarkusTest
class HttpConventionsTest {

    @Test
    void api_info_needs_no_sign_in_and_names_the_contract() {
        Api.anonymous().get("/api/v1/api-info").then().statusCode(200)
                .body("name", equalTo("socialfund-api")).body("apiSpecification", equalTo("/q/openapi"))
                .body("version", notNullValue()).body("contact.email", notNullValue());
    }

    @Test
    void the_service_serves_the_contract_of_the_repository() throws Exception {
        String served = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        OpenAPI servedSpec = new OpenAPIV3Parser().readContents(served).getOpenAPI();
        OpenAPI fileSpec = new OpenAPIV3Parser().readContents(Files.readString(Contract.SPEC)).getOpenAPI();
        assertThat(servedSpec.getPaths().keySet()).isEqualTo(fileSpec.getPaths().keySet());
        assertThat(servedSpec.getInfo().getVersion()).isEqualTo(fileSpec.getInfo().getVersion());
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void an_unknown_path_a_wrong_method_and_a_wrong_media_type_are_problems() {
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:socialfund:problem:not-found"));
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).delete("/api/v1/applications").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", notNullValue());
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).accept("application/xml").get("/api/v1/fund").then()
                .statusCode(406).contentType("application/problem+json");
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).contentType("text/plain").body("hello")
                .post("/api/v1/application-periods").then().statusCode(415).contentType("application/problem+json");
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).post("/api/v1/application-periods").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("/"));
    }

    @Test
    void a_wrong_method_on_any_path_of_the_contract_is_405_naming_the_methods_the_path_takes() {
        OpenAPI spec = new OpenAPIV3Parser().read(Contract.SPEC.toString());
        spec.getPaths().forEach((path, item) -> {
            java.util.Set<String> methods = new java.util.TreeSet<>();
            item.readOperationsMap().keySet().forEach(m -> methods.add(m.name()));
            String concrete = concrete(path);
            String wrong = methods.contains("PUT") ? "PATCH" : "PUT";
            String allow = Api.asUnchecked("fund-officer", Api.FUND_OFFICE).body("{}").request(wrong, concrete)
                    .then().statusCode(405).contentType("application/problem+json").extract().header("Allow");
            assertThat(new java.util.TreeSet<>(java.util.Arrays.asList(allow.split(",\\s*")))).as(path)
                    .isEqualTo(methods);
        });
    }

    /**
     * Every POST of the contract, with or without a body of its own, answers a body over 1 MiB with the 413 the
     * contract lists for it (the responses are checked against the contract). A document's upload has a limit of
     * its own (the file), tried in the documents' tests.
     */
    @Test
    void a_body_over_the_limit_is_413_on_every_post_of_the_contract() {
        OpenAPI spec = new OpenAPIV3Parser().read(Contract.SPEC.toString());
        String overLimit = "\"" + "x".repeat(1024 * 1024) + "\"";
        java.util.List<String> tried = new java.util.ArrayList<>();
        spec.getPaths().forEach((path, item) -> {
            if (item.getPost() == null || path.equals("/api/v1/applications/{id}/documents")) {
                return;
            }
            String concrete = concrete(path);
            Api.asUnchecked("fund-officer", Api.FUND_OFFICE).body(overLimit).post(concrete).then().statusCode(413)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:socialfund:problem:payload-too-large"));
            tried.add(path);
        });
        assertThat(tried).as("POST operations tried").hasSizeGreaterThan(40);
    }

    /** A path of the contract with its parameters filled in. */
    static String concrete(String path) {
        return path.replace("{id}", "00000000-0000-0000-0000-000000000000").replace("{number}", "1")
                .replace("{code}", "ltu").replace("{year}", "2025").replace("{indicatorCode}", "absence-rate");
    }

    @Test
    void list_limits_outside_one_to_two_hundred_and_foreign_cursors_are_400() {
        for (String query : Set.of("limit=0", "limit=201", "limit=ten", "cursor=not-ours", "stage=LOST",
                "period=not-a-uuid", "registrationNumber=12")) {
            Api.asUnchecked("fund-officer", Api.FUND_OFFICE).get("/api/v1/applications?" + query).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", notNullValue());
        }
        Api.fundOfficer().get("/api/v1/applications?limit=200").then().statusCode(200);
    }

    @Test
    void every_response_carries_a_request_id_and_api_responses_are_not_cached() {
        Api.fundOfficer().header("X-Request-Id", "trace-123").get("/api/v1/fund").then().statusCode(200)
                .header("X-Request-Id", "trace-123").header("Cache-Control", "no-store");
        String generated = Api.fundOfficer().header("X-Request-Id", "bad id with spaces").get("/api/v1/fund")
                .header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
    }

    @Test
    void a_request_without_an_id_gets_a_new_random_uuid_each_time() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String id = Api.anonymous().get("/api/v1/api-info").then().statusCode(200).extract()
                    .header("X-Request-Id");
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(40);
    }

    @Test
    void problems_quote_the_request_and_never_a_stack_trace() {
        String body = Api.asUnchecked("applicant", Api.OWN_OFFICE).header("X-Request-Id", "problem-1")
                .get("/api/v1/applications/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("requestId", equalTo("problem-1"))
                .body("instance", equalTo("/api/v1/applications/00000000-0000-0000-0000-000000000000"))
                .extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("at se.").doesNotContain("SELECT");
    }

    @Test
    void health_and_metrics_are_served_for_operations() {
        RestAssured.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database"));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"));
    }
}
