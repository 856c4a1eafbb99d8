package se.socialfund.bootstrap.api;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds openapi.yaml states for what clients send (maxLength of dates, times, ids and cursors, the
 * range of a year) are the ones the service enforces: a value just over each bound is a 400 problem, although the
 * parsers underneath (LocalDate, Instant, UUID, base64) would take it, and a value at the bound still passes.
 */
@QuarkusTest
class ContractBoundsTest {

    @Test
    void a_date_or_id_in_a_body_only_in_the_contracts_form() {
        long periods = Database.number("SELECT count(*) FROM application_period");
        // LocalDate alone reads +10000-01-01 (12 characters); the contract says format date, maxLength 10
        for (String opensOn : new String[] {"+10000-01-01", "+2026-01-01", "2026-1-1"}) {
            Response r = Api.asUnchecked("fund-officer", Api.FUND_OFFICE)
                    .body(Map.of("name", "Gränser " + opensOn, "opensOn", opensOn, "closesOn", "2026-12-31"))
                    .post("/api/v1/application-periods");
            assertThat(r.statusCode()).as(opensOn).isEqualTo(400);
            assertThat(r.<String>path("type")).isEqualTo("urn:socialfund:problem:wrong-type");
        }
        // UUID alone reads a 24-character base64 id; the contract says format uuid, maxLength 36
        Response r = Api.asUnchecked("fund-officer", Api.FUND_OFFICE).body(Map.of("applicationId",
                        "AAAAAAAAAAAAAAAAAAAAAA==", "committee", "Barn- och ungdomsnämnden", "year", 2020,
                        "amount", Map.of("amount", "1.00", "currency", "SEK"), "paidOn", "2026-01-02",
                        "reference", "Gränsprov"))
                .post("/api/v1/fund/repayments");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.<String>path("type")).isEqualTo("urn:socialfund:problem:wrong-type");
        assertThat(Database.number("SELECT count(*) FROM application_period")).isEqualTo(periods);
    }

    @Test
    void a_problem_quoting_a_long_request_stays_within_its_own_bounds() {
        // the unknown field's name is quoted in the detail and the violation: 5 000 characters, cut to the bounds
        String name = "x".repeat(5_000);
        Response r = Api.asUnchecked("fund-officer", Api.FUND_OFFICE)
                .body("{\"name\":\"Vår\",\"opensOn\":\"2026-01-01\",\"closesOn\":\"2026-02-01\",\"" + name + "\":1}")
                .post("/api/v1/application-periods");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.<String>path("type")).isEqualTo("urn:socialfund:problem:unknown-field");
        assertThat(r.<String>path("detail")).hasSize(4000).endsWith("…");
        assertThat(r.<String>path("violations[0].field")).hasSize(1000).startsWith("/xxx");
    }

    @Test
    void query_and_header_values_only_within_the_contracts_bounds() {
        String tooLongCursor = "a".repeat(33);
        Map<String, Response> over = Map.of(
                "asOf", Api.asUnchecked("auditor", null).queryParam("asOf", "+10000-01-01").get("/api/v1/fund"),
                "cursor", Api.asUnchecked("auditor", null).queryParam("cursor", tooLongCursor)
                        .get("/api/v1/fund/ledger"),
                "from", Api.asUnchecked("auditor", null).queryParam("from", "+100000-01-31T00:00:00.000000000+01:00:00")
                        .get("/api/v1/audit-events"),
                "to", Api.asUnchecked("auditor", null).queryParam("to", "+1000000000-01-01T00:00:00Z")
                        .get("/api/v1/audit-events"),
                "year", Api.asUnchecked("auditor", null).queryParam("year", 10000).get("/api/v1/application-periods"),
                "applicationId", Api.asUnchecked("auditor", null).queryParam("applicationId", "1-2-3-4-5")
                        .get("/api/v1/fund/ledger"));
        over.forEach((parameter, r) -> {
            assertThat(r.statusCode()).as(parameter).isEqualTo(400);
            assertThat(r.<String>path("type")).as(parameter).isEqualTo("urn:socialfund:problem:bad-request");
            assertThat(r.<String>path("violations[0].field")).as(parameter).isEqualTo(parameter);
        });
        // at the bound: still accepted
        Api.as("auditor", null).queryParam("asOf", "9999-12-31").get("/api/v1/fund").then().statusCode(200);
        Api.as("auditor", null).queryParam("year", 9999).get("/api/v1/application-periods").then().statusCode(200);
    }
}
