package se.socialfund.bootstrap.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stage x every action x every role (own office and another office): each illegal step gets 409 (wrong
 * stage), 403 (wrong role) or 404 (another office's application), and changes nothing in the database. The legal
 * steps are the lifecycle walk's.
 */
@QuarkusTest
class IllegalStepsTest {
    private static final Set<String> SEE_ALL = Set.of("fund-officer", "auditor", "scientific-advisor");

    /** A caller: a role at an office. */
    record Caller(String role, String office) {
        boolean officeRole() {
            return role.equals("applicant") || role.equals("office-head");
        }
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller("applicant", Api.OWN_OFFICE), new Caller("office-head", Api.OWN_OFFICE),
            new Caller("applicant", Api.OTHER_OFFICE), new Caller("office-head", Api.OTHER_OFFICE),
            new Caller("fund-officer", Api.FUND_OFFICE), new Caller("scientific-advisor", null),
            new Caller("auditor", null), new Caller("form-integration", null));

    @Test
    void every_illegal_step_is_refused_with_the_right_status_and_changes_nothing() {
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        int legal = 0;
        for (Stage stage : Stage.values()) {
            UUID id = Steps.applicationIn(stage.name());
            String ifMatch = Api.ifMatch(id);
            // each refusal's "after" is the next one's "before": nothing else writes in between, and it halves the
            // footprints taken (their counts grow with the suite's data: 25 ms each late in a run)
            String before = Database.footprint();
            for (Action action : Action.values()) {
                for (Caller caller : CALLERS) {
                    int expected = expected(stage, action, caller);
                    if (expected == 200) {
                        legal++;
                        continue;
                    }
                    Response r = Steps.take(id, action.name(), caller.role(), caller.office(), ifMatch);
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    String after = Database.footprint();
                    if (r.statusCode() != expected || !before.equals(after)
                            || !r.contentType().startsWith("application/problem+json")) {
                        wrong.add(stage + " " + action + " by " + caller + ": expected " + expected + ", got "
                                + r.statusCode() + (before.equals(after) ? "" : " AND THE DATABASE CHANGED"));
                    }
                    before = after;
                }
            }
        }
        assertThat(wrong).as("illegal steps answered wrongly").isEmpty();
        assertThat(statuses.keySet()).containsExactlyInAnyOrder(403, 404, 409, 422);
        assertThat(legal).as("legal combinations skipped").isGreaterThan(20);
    }

    /** What the API must answer: 404 before 403 before 409; 200 where the step is legal. */
    private static int expected(Stage stage, Action action, Caller caller) {
        boolean visible = SEE_ALL.contains(caller.role()) || Api.OWN_OFFICE.equals(caller.office());
        if (!visible) {
            return 404;
        }
        if (!action.roles().stream().anyMatch(r -> r.claim().equals(caller.role()))) {
            return 403;
        }
        if (!action.allowedIn(stage) || action == Action.SUBMIT_EVALUATION && stage == Stage.EVALUATED) {
            return 409;
        }
        if (action == Action.SET_REPAYMENT_PLAN) {
            // the right stage, but these projects started this year: the repayment model was abolished for them
            return 422;
        }
        return 200;
    }
}
