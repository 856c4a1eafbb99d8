package se.socialfund.bootstrap.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Fund;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * One application walks the whole lifecycle over HTTP, each step taken by the role that owns it; after each step
 * the stage, the history and what every kind of caller may do next are checked.
 */
@QuarkusTest
class LifecycleWalkTest {
    private final List<String> history = new ArrayList<>();
    private UUID id;

    @Test
    void an_application_goes_from_receipt_to_the_implementation_decision() {
        Fund.ensureAvailable(new BigDecimal("100000.00"));
        BigDecimal availableBefore = Fund.available();
        id = Api.submit();
        history.add("RECEIVED");
        expect("RECEIVED", Map.of("applicant", List.of("WITHDRAW"), "fund-officer", List.of("ASSESS_CRITERIA"),
                "scientific-advisor", List.of("ADD_REVIEW"), "auditor", List.of(), "other-office", List.of()));

        step("ASSESS_CRITERIA", "CRITERIA_ASSESSED", "CRITERIA_CHECKED");
        expect("CRITERIA_CHECKED", Map.of("fund-officer", List.of("REQUEST_COMPLETION", "ADD_MUNICIPAL_PERSPECTIVE"),
                "applicant", List.of("WITHDRAW")));
        Api.fundOfficer().get("/api/v1/applications/" + id).then()
                .body("criteriaAssessment.allMet", equalTo(true))
                .body("criteriaAssessment.remarks", equalTo(List.of(
                        "indicator 'return-to-school' has no baseline measurement (basmätning)",
                        "indicator 'return-to-school' has no control group (kontrollgrupp)")));

        // komplettering, twice: every revision stays readable
        for (int round = 2; round <= 3; round++) {
            step("REQUEST_COMPLETION", "COMPLETION_REQUESTED", "COMPLETION_REQUESTED");
            expect("COMPLETION_REQUESTED", Map.of("applicant", List.of("SUBMIT_REVISION", "WITHDRAW"),
                    "office-head", List.of("SUBMIT_REVISION", "WITHDRAW"), "fund-officer", List.of()));
            step("SUBMIT_REVISION", "REVISION_SUBMITTED", "CRITERIA_CHECKED");
            Api.fundOfficer().get("/api/v1/applications/" + id).then().body("revision.number", equalTo(round))
                    .body("completionRequests[" + (round - 2) + "].answeredByRevision", equalTo(round));
        }
        Api.applicant().get("/api/v1/applications/" + id + "/revisions").then().statusCode(200)
                .body("items.number", equalTo(List.of(1, 2, 3)));
        Api.applicant().get("/api/v1/applications/" + id + "/revisions/1").then().statusCode(200)
                .body("content.currentSituation", equalTo(Api.sampleApplication().get("currentSituation").asText()));

        step("ADD_REVIEW", "REVIEW_ADDED", "CRITERIA_CHECKED");
        step("ADD_MUNICIPAL_PERSPECTIVE", "MUNICIPAL_PERSPECTIVE_ADDED", "READY_FOR_DECISION");
        expect("READY_FOR_DECISION", Map.of("fund-officer", List.of("REQUEST_COMPLETION", "RECORD_BOARD_DECISION"),
                "applicant", List.of("WITHDRAW")));

        step("RECORD_BOARD_DECISION", "BOARD_DECISION_RECORDED", "GRANTED");
        assertThat(Fund.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("1000.00")));
        expect("GRANTED", Map.of("applicant", List.of("START_PROJECT"), "fund-officer", List.of(),
                "scientific-advisor", List.of("ADD_REVIEW")));

        step("START_PROJECT", "PROJECT_STARTED", "IN_IMPLEMENTATION");
        expect("IN_IMPLEMENTATION", Map.of("applicant", List.of("REPORT_COSTS", "SUBMIT_FOLLOW_UP"),
                "fund-officer", List.of("TERMINATE"), "auditor", List.of()));
        step("REPORT_COSTS", "COSTS_REPORTED", "IN_IMPLEMENTATION");
        step("SUBMIT_FOLLOW_UP", "FOLLOW_UP_SUBMITTED", "FOLLOWED_UP");
        Api.applicant().get("/api/v1/applications/" + id).then()
                .body("attainment[0].indicator", equalTo("absence-rate"))
                .body("attainment[0].change", equalTo(-3.0f))
                .body("spentAmount.amount", equalTo("400.00"));
        expect("FOLLOWED_UP", Map.of("applicant", List.of("REPORT_COSTS", "SUBMIT_EVALUATION"),
                "fund-officer", List.of("TERMINATE")));

        step("SUBMIT_EVALUATION", "EVALUATION_SUBMITTED", "EVALUATED");
        expect("EVALUATED", Map.of("fund-officer", List.of("RECORD_IMPLEMENTATION_DECISION"),
                "office-head", List.of("RECORD_IMPLEMENTATION_DECISION"), "applicant", List.of()));

        step("RECORD_IMPLEMENTATION_DECISION", "IMPLEMENTATION_DECISION_RECORDED", "CLOSED");
        expect("CLOSED", Map.of("fund-officer", List.of(), "applicant", List.of(), "office-head", List.of(),
                "scientific-advisor", List.of()));
        // 1,000.00 granted, 400.00 spent: 600.00 went back to the fund when the investment closed
        assertThat(Fund.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("400.00")));
        Api.fundOfficer().get("/api/v1/applications/" + id).then().body("releasedAmount.amount", equalTo("600.00"));
        Fund.assertLedgerInvariant();
    }

    private void step(String action, String event, String stage) {
        Response r = Steps.take(id, action);
        r.then().statusCode(200).body("stage", equalTo(stage));
        history.add(event);
        assertThat(r.header("ETag")).isEqualTo("\"" + history.size() + "\"");
        Api.fundOfficer().get("/api/v1/applications/" + id + "/history").then().statusCode(200)
                .body("items.type", equalTo(history))
                .body("items[" + (history.size() - 1) + "].stageAfter", equalTo(stage));
    }

    /** What each kind of caller is offered in this stage. */
    private void expect(String stage, Map<String, List<String>> allowed) {
        allowed.forEach((who, actions) -> {
            var spec = switch (who) {
                case "other-office" -> Api.as("applicant", Api.OTHER_OFFICE);
                case "fund-officer" -> Api.fundOfficer();
                case "applicant", "office-head" -> Api.as(who, Api.OWN_OFFICE);
                default -> Api.as(who, null);
            };
            Response r = spec.get("/api/v1/applications/" + id);
            if (who.equals("other-office")) {
                r.then().statusCode(404);
                return;
            }
            r.then().statusCode(200).body("stage", equalTo(stage));
            assertThat(r.jsonPath().getList("allowedActions.action", String.class)).as(who + " in " + stage)
                    .containsExactlyElementsOf(actions);
        });
    }
}
