package se.socialfund.bootstrap.api.outcomes;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.OutcomesContractSeed;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Concurrently;
import se.socialfund.bootstrap.support.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static se.socialfund.bootstrap.api.outcomes.OutcomesContracts.*;

/**
 * Outcomes contracts over HTTP with real signed tokens and real PostgreSQL, every exchange checked against
 * openapi.yaml: the lifecycle with example B's exact payments, 50 concurrent approvals against the cap, refusals
 * that change nothing, and the seeded Team Nystart contract's INDIGO export against INDIGO's schema.
 */
@QuarkusTest
class OutcomesContractTest {
    private static final String BASE = "/api/v1/outcomes-contracts/";

    @Inject
    OutcomesContractSeed seed;

    @Test
    void example_b_walks_the_lifecycle_with_exact_payments_refusals_in_order_and_every_step_audited()
            throws Exception {
        UUID id = create(essex(5));
        String path = BASE + id;
        // who reads it: the providing office and the reading roles; another office 404; a role without it 403
        Api.applicant().get(path).then().statusCode(200).body("state", equalTo("DRAFTED"))
                .body("allowedActions.size()", equalTo(0));
        Api.as("applicant", Api.OTHER_OFFICE).get(path).then().statusCode(404);
        Api.as("scientific-advisor", null).get(path).then().statusCode(403);
        Api.as("auditor", null).get(path).then().statusCode(200);
        // If-Match: none 428, stale 412; the wrong role 403 (before the version)
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).body(Map.of("signedOn", "2024-01-01",
                "decisionReference", "KS")).post(path + "/signature").then().statusCode(428);
        Api.fundOfficer().header("If-Match", "\"7\"").body(Map.of("signedOn", "2024-01-01", "decisionReference",
                "KS")).post(path + "/signature").then().statusCode(412).header("ETag", "\"1\"");
        Api.as("evaluator", null).header("If-Match", "\"1\"").body(Map.of("signedOn", "2024-01-01",
                "decisionReference", "KS")).post(path + "/signature").then().statusCode(403);
        sign(id).then().statusCode(200).body("state", equalTo("SIGNED")).header("ETag", "\"2\"");

        String[][] quarters = {{"1100", "1500"}, {"900", "1500"}, {"1450", "1400"}, {"200", "1600"}, {"1000", "1500"}};
        String[] expected = {"480000.00", "720000.00", "0.00", "1620000.00", "180000.00"};
        for (int q = 1; q <= 5; q++) {
            measure(id, q, quarters[q - 1][0], quarters[q - 1][1]).then().statusCode(200)
                    .body("state", equalTo("IN_DELIVERY"));
            if (q == 1) {
                Response early = approve(id, 1, etag(id));
                early.then().statusCode(409).body("type", equalTo("urn:socialfund:problem:period-not-validated"));
                // the provider's own staff cannot validate, and a fund officer is not the evaluator
                Api.as("office-head", PROVIDER_OFFICE).header("If-Match", etag(id)).body(Map.of("statement", "x"))
                        .post(path + "/periods/1/validation").then().statusCode(403);
                Api.as("evaluator", PROVIDER_OFFICE).header("If-Match", etag(id)).body(Map.of("statement", "x"))
                        .post(path + "/periods/1/validation").then().statusCode(403);
            }
            validate(id, q).then().statusCode(200);
            Response approved = approve(id, q, etag(id));
            approved.then().statusCode(200);
            assertThat(approved.jsonPath().getString("periods[" + (q - 1) + "].approval.payments[0].amount.amount"))
                    .isEqualTo(expected[q - 1]);
            if (q == 1) {
                approve(id, 1, etag(id)).then().statusCode(409)
                        .body("type", equalTo("urn:socialfund:problem:payment-already-approved"));
            }
        }
        Response settlement = Api.as("auditor", null).get(path + "/settlement");
        settlement.then().statusCode(200).body("totals.paidTotal.amount", equalTo("3000000.00"))
                .body("totals.heldBackByCaps.amount", equalTo("420000.00"))
                .body("periods[4].payments[0].formula", equalTo("price-per-unit"))
                .body("periods[4].payments[0].formulaVersion", equalTo(1))
                .body("finalSettlement", equalTo(false));
        List<Map<String, String>> inputs = settlement.jsonPath().getList("periods[4].payments[0].inputs");
        assertThat(inputs).contains(Map.of("name", "cumulativeOutcome", "value", "2850"),
                Map.of("name", "pricePerUnit", "value", "1200.00"), Map.of("name", "paidBefore", "value", "2820000.00"));
        Api.fundOfficer().header("If-Match", etag(id)).post(path + "/final-settlement").then().statusCode(200)
                .body("state", equalTo("FINAL_SETTLEMENT"));
        Api.fundOfficer().header("If-Match", etag(id)).post(path + "/closure").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("paidTotal.amount", equalTo("3000000.00"));

        // the ledger of payments and the row agree, and every change is in the audit chain, which is intact
        assertThat(Database.decimal("SELECT sum(amount) FROM outcomes_payment WHERE contract_id = ?::uuid",
                id.toString())).isEqualByComparingTo("3000000.00");
        assertThat(Database.decimal("SELECT paid_total FROM outcomes_contract WHERE id = ?::uuid", id.toString()))
                .isEqualByComparingTo("3000000.00");
        // create, sign, 5 x (measure, validate, approve), final settlement, closure = 19 changes
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE object_id = ? AND outcome = 'SUCCEEDED'",
                id.toString())).isEqualTo(19);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE object_id = ? AND outcome = 'DENIED'",
                id.toString())).as("the 403s and the other office's 404").isGreaterThanOrEqualTo(5);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE object_id = ? "
                + "AND action = 'approveOutcomesPayment' AND version_after IS NOT NULL", id.toString())).isEqualTo(5);
        // the closed contract's INDIGO export is a valid INDIGO project too, with what was paid
        JsonNode export = indigo(id);
        assertThat(IndigoProjectSchema.problems(export)).isEmpty();
        assertThat(export.at("/stage_development/value").asText()).isEqualTo("Complete");
        assertThat(export.at("/overall_project_finance/total_outcome_payments_made/amount/value").decimalValue())
                .isEqualByComparingTo("3000000.00");
        Api.as("auditor", null).get("/api/v1/audit-events/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void fifty_concurrent_approvals_pay_once_and_never_pass_the_cap_which_the_database_also_guards() throws Exception {
        UUID id = create(essex(2));
        sign(id).then().statusCode(200);
        // 2 600 days avoided are worth 3 120 000: the cap of 3 000 000 must hold it
        measure(id, 1, "400", "3000").then().statusCode(200);
        validate(id, 1).then().statusCode(200);
        String ifMatch = etag(id);
        List<Integer> statuses = Concurrently.run(50, i -> Api.asUnchecked("fund-officer", Api.FUND_OFFICE)
                .header("If-Match", ifMatch).post(BASE + id + "/periods/1/payment-approval").statusCode());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(Set.copyOf(statuses)).isSubsetOf(200, 409, 412);
        assertThat(Database.number("SELECT count(*) FROM outcomes_payment WHERE contract_id = ?::uuid",
                id.toString())).isEqualTo(1);
        BigDecimal paid = Database.decimal("SELECT sum(amount) FROM outcomes_payment WHERE contract_id = ?::uuid",
                id.toString());
        assertThat(paid).isEqualByComparingTo("3000000.00");
        assertThat(Database.decimal("SELECT paid_total FROM outcomes_contract WHERE id = ?::uuid", id.toString()))
                .isEqualByComparingTo(paid);
        // the second period pays nothing more: the cap is used up
        measure(id, 2, "0", "1000").then().statusCode(200);
        validate(id, 2).then().statusCode(200);
        approve(id, 2, etag(id)).then().statusCode(200).body("periods[1].approval.payments[0].amount.amount",
                equalTo("0.00")).body("periods[1].approval.payments[0].heldBack.amount", equalTo("1320000.00"));
        assertThat(Database.decimal("SELECT sum(amount) FROM outcomes_payment WHERE contract_id = ?::uuid",
                id.toString())).isEqualByComparingTo("3000000.00");
        // behind the code: the row's check constraint refuses a total over the cap, and payments are append-only
        try (Connection c = Database.serviceRole(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE outcomes_contract SET paid_total = payment_cap + 0.01 "
                    + "WHERE id = '" + id + "'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("outcomes_contract_within_");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE outcomes_payment SET amount = 0 WHERE contract_id = '"
                    + id + "'")).isInstanceOf(SQLException.class);
        }
        // in delivery, its cap used up: still a valid INDIGO project
        assertThat(IndigoProjectSchema.problems(indigo(id))).isEmpty();
    }

    @Test
    void a_cohort_of_four_or_a_wrong_check_digit_is_refused_and_nothing_is_stored() {
        long before = Database.number("SELECT count(*) FROM outcomes_contract");
        Map<String, Object> four = new java.util.HashMap<>(essex(1));
        four.put("cohort", Map.of("description", "Fyra barn", "size", 4));
        Api.fundOfficer().body(four).post("/api/v1/outcomes-contracts").then().statusCode(422)
                .body("violations[0].field", equalTo("/cohort/size"));
        Map<String, Object> wrongDigit = new java.util.HashMap<>(essex(1));
        wrongDigit.put("parties", parties("556000-0028"));
        Api.fundOfficer().body(wrongDigit).post("/api/v1/outcomes-contracts").then().statusCode(422)
                .body("violations[0].field", equalTo("/parties/3/organisationNumber"));
        Map<String, Object> sameAsProvider = new java.util.HashMap<>(essex(1));
        sameAsProvider.put("parties", parties("556000-0019"));
        Api.fundOfficer().body(sameAsProvider).post("/api/v1/outcomes-contracts").then().statusCode(422);
        Api.applicant().body(essex(1)).post("/api/v1/outcomes-contracts").then().statusCode(403);
        // the body is judged after the role: an empty one is 403 for an applicant, 422 only for a fund officer
        Api.asUnchecked("applicant", Api.OWN_OFFICE).body(Map.of()).post("/api/v1/outcomes-contracts").then()
                .statusCode(403);
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).body(Map.of()).post("/api/v1/outcomes-contracts").then()
                .statusCode(422).body("violations.field", org.hamcrest.Matchers.hasItems("/title", "/parties"));
        assertThat(Database.number("SELECT count(*) FROM outcomes_contract")).isEqualTo(before);
        // a measured group of four is refused too
        UUID id = create(essex(1));
        sign(id).then().statusCode(200);
        // a step's broken body too: 403 for the evaluator before the version (stale) and the body, 412 for the
        // fund officer at a stale version, 422 at the current one
        Api.asUnchecked("evaluator", null).header("If-Match", "\"1\"").body(Map.of())
                .post(BASE + id + "/amendments").then().statusCode(403);
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).header("If-Match", "\"1\"").body(Map.of())
                .post(BASE + id + "/amendments").then().statusCode(412);
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).header("If-Match", etag(id)).body(Map.of())
                .post(BASE + id + "/amendments").then().statusCode(422);
        Api.fundOfficer().header("If-Match", etag(id)).body(Map.of("measurements", List.of(Map.of(
                        "metricCode", "CARE_DAYS", "cohort", Map.of("n", 4, "value", 10),
                        "comparison", Map.of("n", 60, "value", 20)))))
                .post(BASE + id + "/periods/1/measurements").then().statusCode(422)
                .body("violations[0].field", equalTo("/measurements/0/cohort/n"));
        Api.fundOfficer().get(BASE + id).then().body("state", equalTo("SIGNED"));
    }

    @Test
    void the_seeded_team_nystart_contract_keeps_its_amendment_and_exports_as_a_valid_indigo_project() throws Exception {
        UUID id = seed.seedTeamNystart();
        Response contract = Api.as("auditor", null).get(BASE + id);
        contract.then().statusCode(200).body("state", equalTo("IN_DELIVERY")).body("periods.size()", equalTo(3))
                .body("amendments.size()", equalTo(1)).body("amendments[0].periods.size()", equalTo(3))
                .body("finance.investorCap.amount", equalTo("12000000.00"))
                // period 1: 40 % of 10 MSEK over the two periods then agreed, and 60 % of 3.5 MSEK of savings
                .body("periods[0].approval.payments[0].amount.amount", equalTo("2000000.00"))
                .body("periods[0].approval.payments[1].amount.amount", equalTo("2100000.00"));
        assertThat(contract.jsonPath().getList("parties.note", String.class)).allMatch(n -> n.contains("illustrativt"));
        Api.as("office-head", "socialkontoret").get(BASE + id).then().statusCode(200);
        JsonNode document = indigo(id);
        assertThat(IndigoProjectSchema.problems(document)).isEmpty();
        assertThat(document.at("/stage_development/value").asText()).isEqualTo("Implementation");
        assertThat(document.at("/outcome_metrics/1/outcome_validation_method/value").asText())
                .isEqualTo("Historical comparison");
        assertThat(document.at("/outcome_payments/0/money/amount/value").decimalValue())
                .isEqualByComparingTo("2100000.00");
        // the published schema does bite: a stage INDIGO does not know fails it
        ObjectNode unknownStage = document.deepCopy();
        ((ObjectNode) unknownStage.get("stage_development")).put("value", "Running");
        assertThat(IndigoProjectSchema.validate(unknownStage)).isNotEmpty();
        // through its shared definitions too ($ref): a date not in INDIGO's YYYY[-MM[-DD]] form fails it
        ObjectNode swedishDate = document.deepCopy();
        ((ObjectNode) swedishDate.at("/dates/start_date_of_service_provision")).put("value", "1/1 2017");
        assertThat(IndigoProjectSchema.validate(swedishDate)).hasSize(1)
                .allMatch(m -> m.contains("start_date_of_service_provision") && m.contains("pattern"));
        // INDIGO allows additional properties, so a misspelt field name passes the schema alone, but not the
        // second check: every property the export writes must be one the schema declares
        ObjectNode misspelt = document.deepCopy();
        ((ObjectNode) misspelt.at("/outcome_metrics/0")).set("defintion",
                misspelt.at("/outcome_metrics/0/definition"));
        misspelt.set("stage_developement", misspelt.get("stage_development"));
        assertThat(IndigoProjectSchema.validate(misspelt)).isEmpty();
        assertThat(IndigoProjectSchema.undeclared(misspelt))
                .containsExactlyInAnyOrder("/outcome_metrics/0/defintion", "/stage_developement");
        Api.as("auditor", null).get("/api/v1/audit-events/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    /** The contract's INDIGO export, as the auditor reads it. */
    private static JsonNode indigo(UUID id) throws Exception {
        Response indigo = Api.as("auditor", null).get(BASE + id + "/indigo");
        indigo.then().statusCode(200);
        return Api.JSON.readTree(indigo.asString());
    }
}
