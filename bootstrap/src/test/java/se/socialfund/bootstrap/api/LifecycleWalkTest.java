package se.socialfund.bootstrap.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Fund;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Applications walk the lifecycle over HTTP, each step taken by the role that owns it: the main path from receipt
 * to closing, and the ways out of it (withdrawal, rejection, a declined decision, termination). After every step
 * the stage, the history (in the API and in PostgreSQL) and what every kind of caller may do next are checked.
 */
@QuarkusTest
class LifecycleWalkTest {
    /**
     * What each kind of caller is offered in each stage, written out by hand from the rules (DOMAIN.md): the
     * applications of these walks started this year, so the repayment plan of older investments is never offered.
     */
    private static final Map<String, Map<String, List<String>>> OFFERED = new LinkedHashMap<>();

    static {
        offered("RECEIVED", List.of("WITHDRAW"), List.of("ASSESS_CRITERIA"), List.of("ADD_REVIEW"));
        offered("CRITERIA_CHECKED", List.of("WITHDRAW"), List.of("REQUEST_COMPLETION", "ADD_MUNICIPAL_PERSPECTIVE"),
                List.of("ADD_REVIEW"));
        offered("COMPLETION_REQUESTED", List.of("SUBMIT_REVISION", "WITHDRAW"), List.of(), List.of("ADD_REVIEW"));
        offered("READY_FOR_DECISION", List.of("WITHDRAW"), List.of("REQUEST_COMPLETION", "RECORD_BOARD_DECISION"),
                List.of("ADD_REVIEW"));
        offered("GRANTED", List.of("START_PROJECT"), List.of(), List.of("ADD_REVIEW"));
        offered("IN_IMPLEMENTATION", List.of("REPORT_COSTS", "SUBMIT_FOLLOW_UP"), List.of("TERMINATE"),
                List.of("ADD_REVIEW"));
        offered("FOLLOWED_UP", List.of("REPORT_COSTS", "SUBMIT_EVALUATION"), List.of("TERMINATE"),
                List.of("ADD_REVIEW"));
        offered("TERMINATED", List.of("SUBMIT_EVALUATION"), List.of(), List.of("ADD_REVIEW"));
        // the committee's implementation decision: the office head's or the fund officer's, not the applicant's
        OFFERED.put("EVALUATED", Map.of("applicant", List.of(),
                "office-head", List.of("RECORD_IMPLEMENTATION_DECISION"),
                "fund-officer", List.of("RECORD_IMPLEMENTATION_DECISION"),
                "scientific-advisor", List.of("ADD_REVIEW"), "auditor", List.of()));
        for (String last : List.of("CLOSED", "WITHDRAWN", "REJECTED", "DECLINED")) {
            offered(last, List.of(), List.of(), List.of());
        }
    }

    /** The office's roles (applicant and office head alike), the fund officer, the advisor; auditors only read. */
    private static void offered(String stage, List<String> office, List<String> fundOfficer, List<String> advisor) {
        OFFERED.put(stage, Map.of("applicant", office, "office-head", office, "fund-officer", fundOfficer,
                "scientific-advisor", advisor, "auditor", List.of()));
    }

    private final List<String> history = new ArrayList<>();
    private String stage;
    private UUID id;

    @Test
    void an_application_goes_from_receipt_to_the_implementation_decision() {
        Fund.ensureAvailable(new BigDecimal("100000.00"));
        BigDecimal availableBefore = Fund.available();
        submit();

        step("ASSESS_CRITERIA", "CRITERIA_ASSESSED", "CRITERIA_CHECKED");
        Api.fundOfficer().get("/api/v1/applications/" + id).then()
                .body("criteriaAssessment.allMet", equalTo(true))
                .body("criteriaAssessment.remarks", equalTo(List.of(
                        "indicator 'return-to-school' has no baseline measurement (basmätning)",
                        "indicator 'return-to-school' has no control group (kontrollgrupp)")));

        // komplettering, twice: every revision stays readable
        for (int round = 2; round <= 3; round++) {
            step("REQUEST_COMPLETION", "COMPLETION_REQUESTED", "COMPLETION_REQUESTED");
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

        step("RECORD_BOARD_DECISION", "BOARD_DECISION_RECORDED", "GRANTED");
        assertThat(Fund.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("1000.00")));

        step("START_PROJECT", "PROJECT_STARTED", "IN_IMPLEMENTATION");
        step("REPORT_COSTS", "COSTS_REPORTED", "IN_IMPLEMENTATION");
        step("SUBMIT_FOLLOW_UP", "FOLLOW_UP_SUBMITTED", "FOLLOWED_UP");
        Api.applicant().get("/api/v1/applications/" + id).then()
                .body("attainment[0].indicator", equalTo("absence-rate"))
                .body("attainment[0].change", equalTo(-3.0f))
                .body("spentAmount.amount", equalTo("400.00"));

        step("SUBMIT_EVALUATION", "EVALUATION_SUBMITTED", "EVALUATED");
        step("RECORD_IMPLEMENTATION_DECISION", "IMPLEMENTATION_DECISION_RECORDED", "CLOSED");
        // 1,000.00 granted, 400.00 spent: 600.00 went back to the fund when the investment closed
        assertThat(Fund.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("400.00")));
        Api.fundOfficer().get("/api/v1/applications/" + id).then().body("releasedAmount.amount", equalTo("600.00"));
        assertReleases("600.00");
        Fund.assertLedgerInvariant();
    }

    @Test
    void the_office_withdraws_its_application_before_the_board_decides_and_nothing_further_is_possible() {
        submit();
        step("ASSESS_CRITERIA", "CRITERIA_ASSESSED", "CRITERIA_CHECKED");
        step("ADD_MUNICIPAL_PERSPECTIVE", "MUNICIPAL_PERSPECTIVE_ADDED", "READY_FOR_DECISION");
        // the last moment: the board's decision is next
        step("WITHDRAW", "WITHDRAWN", "WITHDRAWN");
        Api.applicant().get("/api/v1/applications/" + id).then()
                .body("withdrawal.reason", equalTo("Insatsen finansieras inom ordinarie budget."));
        assertNoMoney();
    }

    @Test
    void an_application_that_fails_a_basic_criterion_is_rejected() {
        submit();
        step("ADD_REVIEW", "REVIEW_ADDED", "RECEIVED");
        step("ASSESS_CRITERIA", Steps.criteriaOneNotMet(), "CRITERIA_ASSESSED", "REJECTED");
        Api.applicant().get("/api/v1/applications/" + id).then()
                .body("criteriaAssessment.allMet", equalTo(false))
                .body("criteriaAssessment.criteria.find { it.criterion == 'REDUCES_LONG_TERM_COSTS' }.met",
                        equalTo(false));
        assertNoMoney();
    }

    @Test
    void a_declined_board_decision_commits_no_money_and_ends_the_application() {
        Fund.ensureAvailable(new BigDecimal("100000.00"));
        BigDecimal availableBefore = Fund.available();
        submit();
        step("ASSESS_CRITERIA", "CRITERIA_ASSESSED", "CRITERIA_CHECKED");
        step("ADD_MUNICIPAL_PERSPECTIVE", "MUNICIPAL_PERSPECTIVE_ADDED", "READY_FOR_DECISION");
        step("RECORD_BOARD_DECISION", Steps.decline(), "BOARD_DECISION_RECORDED", "DECLINED");
        Api.applicant().get("/api/v1/applications/" + id).then()
                .body("boardDecision.outcome", equalTo("DECLINED"))
                .body("boardDecision.reasons", equalTo(List.of("Andra ansökningar prioriterades.")));
        assertNoMoney();
        assertThat(Fund.available()).isEqualByComparingTo(availableBefore);
    }

    @Test
    void a_terminated_project_releases_its_unspent_money_and_still_owes_its_evaluation_and_decision() {
        Fund.ensureAvailable(new BigDecimal("100000.00"));
        BigDecimal availableBefore = Fund.available();
        BigDecimal returnedBefore = Database.decimal("SELECT returned FROM fund");
        submit();
        step("ASSESS_CRITERIA", "CRITERIA_ASSESSED", "CRITERIA_CHECKED");
        step("ADD_MUNICIPAL_PERSPECTIVE", "MUNICIPAL_PERSPECTIVE_ADDED", "READY_FOR_DECISION");
        step("RECORD_BOARD_DECISION", "BOARD_DECISION_RECORDED", "GRANTED");
        step("START_PROJECT", "PROJECT_STARTED", "IN_IMPLEMENTATION");
        step("REPORT_COSTS", "COSTS_REPORTED", "IN_IMPLEMENTATION");
        assertThat(Fund.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("1000.00")));

        step("TERMINATE", "TERMINATED", "TERMINATED");
        // 1,000.00 granted, 400.00 spent: the other 600.00 goes back to the fund with the termination, not later
        assertThat(Fund.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("400.00")));
        assertThat(Database.decimal("SELECT returned FROM fund").subtract(returnedBefore))
                .isEqualByComparingTo("600.00");
        Api.fundOfficer().get("/api/v1/applications/" + id).then()
                .body("releasedAmount.amount", equalTo("600.00"))
                .body("termination.reason", equalTo("Projektet kunde inte bemannas."))
                .body("termination.endedOn", equalTo(Api.today().toString()));
        assertReleases("600.00");
        Fund.assertLedgerInvariant();

        step("SUBMIT_EVALUATION", "EVALUATION_SUBMITTED", "EVALUATED");
        Api.fundOfficer().get("/api/v1/applications/" + id + "/history").then()
                .body("items[-1].details.terminatedEarly", equalTo("true"));
        step("RECORD_IMPLEMENTATION_DECISION", "IMPLEMENTATION_DECISION_RECORDED", "CLOSED");
        // closing releases only what is still unspent: nothing, the money went back at the termination
        assertThat(Fund.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("400.00")));
        Api.fundOfficer().get("/api/v1/applications/" + id).then().body("releasedAmount.amount", equalTo("600.00"));
        assertReleases("600.00");
        Fund.assertLedgerInvariant();
    }

    // ---- walking -----------------------------------------------------------------------------------------------

    /** Submits the sample application as its office: RECEIVED at version 1. */
    private void submit() {
        id = Api.submit();
        history.add("RECEIVED");
        stage = "RECEIVED";
        assertStoredEvent("RECEIVED", null, "RECEIVED", "applicant");
        expectOffered();
    }

    /** Takes a step with its usual body. */
    private void step(String action, String event, String next) {
        step(action, Steps.ALL.get(action).body().get(), event, next);
    }

    /**
     * Takes a step as its owner and checks: the answer (stage, ETag, what the acting role may do now), the history
     * with its new event (in the API and in PostgreSQL), and what every kind of caller is offered now.
     */
    private void step(String action, Object body, String event, String next) {
        Steps.Step owner = Steps.ALL.get(action);
        Response r = Steps.take(id, action, history.size(), body);
        r.then().statusCode(200).body("stage", equalTo(next));
        String before = stage;
        stage = next;
        history.add(event);
        int version = history.size();
        assertThat(r.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(r.jsonPath().getList("allowedActions.action", String.class))
                .as("what %s may do after %s", owner.role(), action)
                .containsExactlyElementsOf(OFFERED.get(next).get(owner.role()));

        Response events = Api.fundOfficer().get("/api/v1/applications/" + id + "/history");
        events.then().statusCode(200).body("items.type", equalTo(history));
        Map<String, Object> last = events.jsonPath().getMap("items[-1]");
        assertThat(last).as("the event of " + action)
                .containsEntry("type", event).containsEntry("stageBefore", before).containsEntry("stageAfter", next)
                .containsEntry("actorRole", owner.role()).containsEntry("version", version);
        if (owner.office() != null && !owner.office().equals(Api.FUND_OFFICE)) {
            assertThat(last).containsEntry("actorOffice", owner.office());
        }
        assertStoredEvent(event, before, next, owner.role());
        expectOffered();
    }

    /** PostgreSQL holds the application at this stage and version, and the step's event with it. */
    private void assertStoredEvent(String event, String before, String after, String role) {
        assertThat(Database.string("SELECT stage || '/' || version FROM application WHERE id = ?", id))
                .isEqualTo(stage + "/" + history.size());
        assertThat(Database.number("SELECT count(*) FROM application_event WHERE application_id = ?", id))
                .isEqualTo(history.size());
        assertThat(Database.string("SELECT type || '/' || coalesce(stage_before, '-') || '/' || stage_after || '/' "
                + "|| actor_role FROM application_event WHERE application_id = ? AND version = ?", id, history.size()))
                .isEqualTo(event + "/" + (before == null ? "-" : before) + "/" + after + "/" + role);
    }

    /** What each kind of caller is offered in the current stage; another office does not see the application. */
    private void expectOffered() {
        OFFERED.get(stage).forEach((who, actions) -> {
            var spec = switch (who) {
                case "fund-officer" -> Api.fundOfficer();
                case "applicant", "office-head" -> Api.as(who, Api.OWN_OFFICE);
                default -> Api.as(who, null);
            };
            Response r = spec.get("/api/v1/applications/" + id);
            r.then().statusCode(200).body("stage", equalTo(stage));
            assertThat(r.jsonPath().getList("allowedActions.action", String.class)).as(who + " in " + stage)
                    .containsExactlyElementsOf(actions);
        });
        Api.as("applicant", Api.OTHER_OFFICE).get("/api/v1/applications/" + id).then().statusCode(404);
    }

    // ---- money -------------------------------------------------------------------------------------------------

    /** The application's ledger: its commitment of the grant and exactly one release of this amount. */
    private void assertReleases(String amount) {
        Api.as("auditor", null).queryParam("applicationId", id.toString()).get("/api/v1/fund/ledger").then()
                .statusCode(200)
                .body("items.kind", equalTo(List.of("COMMITMENT", "RELEASE")))
                .body("items[0].amount.amount", equalTo(Steps.GRANT_AMOUNT))
                .body("items[1].amount.amount", equalTo(amount))
                .body("items[1].applicationId", equalTo(id.toString()))
                .body("items[1].entryDate", equalTo(Api.today().toString()));
        Api.fundOfficer().queryParam("applicationId", id.toString()).queryParam("kind", "RELEASE")
                .get("/api/v1/fund/ledger").then().statusCode(200)
                .body("items.amount.amount", equalTo(List.of(amount)));
        assertThat(Database.string("SELECT count(*) || '/' || sum(amount) FROM fund_ledger_entry "
                + "WHERE application_id = ? AND kind = 'RELEASE'", id)).isEqualTo("1/" + amount);
        assertThat(Database.string("SELECT sum(amount)::text FROM fund_ledger_entry "
                + "WHERE application_id = ? AND kind = 'COMMITMENT'", id)).isEqualTo(Steps.GRANT_AMOUNT);
    }

    /** An application that ended before a grant moved no money: no ledger entry names it. */
    private void assertNoMoney() {
        assertThat(Database.number("SELECT count(*) FROM fund_ledger_entry WHERE application_id = ?", id)).isZero();
        Api.fundOfficer().queryParam("applicationId", id.toString()).get("/api/v1/fund/ledger").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }
}
