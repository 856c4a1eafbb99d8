package se.socialfund.bootstrap.api;

import java.util.ArrayList;
import java.util.List;
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

/** For every step: no If-Match is 428, a stale one is 412, and neither changes anything. */
@QuarkusTest
class PreconditionsTest {

    @Test
    void every_step_needs_a_current_if_match() {
        List<String> wrong = new ArrayList<>();
        for (Action action : Action.values()) {
            Steps.Step step = Steps.ALL.get(action.name());
            UUID id;
            Object body;
            if (action == Action.SET_REPAYMENT_PLAN) {
                // only an investment started before 2021 may get a plan: on a later one the step is a 422 anyway
                id = Steps.investmentStartedIn2019();
                body = Steps.fiveYearPlan();
            } else {
                Stage stage = action.from().stream().filter(s -> Steps.PATH_TO.containsKey(s.name())).sorted()
                        .findFirst().orElseThrow();
                id = Steps.applicationIn(stage.name());
                body = step.body().get();
            }
            long version = Api.version(id);
            String before = Database.footprint();
            String rowBefore = row(id);
            Response missing = Steps.take(id, action.name(), step.role(), step.office(), null, body);
            Response stale = Steps.take(id, action.name(), step.role(), step.office(), "\"" + (version - 1) + "\"",
                    body);
            Response future = Steps.take(id, action.name(), step.role(), step.office(), "\"" + (version + 5) + "\"",
                    body);
            if (missing.statusCode() != 428) {
                wrong.add(action + " without If-Match: " + missing.statusCode());
            }
            if (stale.statusCode() != 412 || future.statusCode() != 412) {
                wrong.add(action + " with a stale If-Match: " + stale.statusCode() + "/" + future.statusCode());
            }
            for (Response refused : List.of(missing, stale, future)) {
                if (!String.valueOf(refused.contentType()).startsWith("application/problem+json")) {
                    wrong.add(action + ": a " + refused.statusCode() + " answered " + refused.contentType());
                }
            }
            if (!("\"" + version + "\"").equals(stale.header("ETag"))) {
                wrong.add(action + ": the 412 does not name the current version");
            }
            if (!before.equals(Database.footprint()) || !rowBefore.equals(row(id))) {
                wrong.add(action + ": the database changed");
            }
            Response taken = Steps.take(id, action.name(), step.role(), step.office(), "\"" + version + "\"", body);
            if (taken.statusCode() != 200) {
                wrong.add(action + " with the current If-Match: " + taken.statusCode());
            } else if (rowBefore.equals(row(id))) {
                wrong.add(action + ": the step itself left the application's row as it was");
            } else if (action == Action.SET_REPAYMENT_PLAN
                    && !"1000.00".equals(taken.path("repaymentPlan.total.amount"))) {
                wrong.add(action + ": the plan set is not the five-year plan sent");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The application's row as stored: version, stage and the whole aggregate document. */
    private static String row(UUID id) {
        return Database.string("SELECT version || '/' || stage || '/' || state::text FROM application WHERE id = ?",
                id);
    }

    @Test
    void two_officers_acting_on_the_same_version_one_wins_and_the_other_gets_412() {
        UUID id = Steps.applicationIn("CRITERIA_CHECKED");
        String version = Api.ifMatch(id);
        Steps.take(id, "ADD_MUNICIPAL_PERSPECTIVE", "fund-officer", Api.FUND_OFFICE, version).then().statusCode(200);
        Steps.take(id, "REQUEST_COMPLETION", "fund-officer", Api.FUND_OFFICE, version).then().statusCode(412)
                .contentType("application/problem+json");
    }
}
