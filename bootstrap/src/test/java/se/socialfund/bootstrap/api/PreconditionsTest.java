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
            if (action == Action.SET_REPAYMENT_PLAN) {
                continue; // needs a project from before 2021: covered by the fund's repayment tests
            }
            Stage stage = action.from().stream().filter(s -> Steps.PATH_TO.containsKey(s.name())).sorted()
                    .findFirst().orElseThrow();
            UUID id = Steps.applicationIn(stage.name());
            long version = Api.version(id);
            Steps.Step step = Steps.ALL.get(action.name());
            String before = Database.footprint();
            Response missing = Steps.take(id, action.name(), step.role(), step.office(), null);
            Response stale = Steps.take(id, action.name(), step.role(), step.office(), "\"" + (version - 1) + "\"");
            Response future = Steps.take(id, action.name(), step.role(), step.office(), "\"" + (version + 5) + "\"");
            if (missing.statusCode() != 428) {
                wrong.add(action + " without If-Match: " + missing.statusCode());
            }
            if (stale.statusCode() != 412 || future.statusCode() != 412) {
                wrong.add(action + " with a stale If-Match: " + stale.statusCode() + "/" + future.statusCode());
            }
            if (!("\"" + version + "\"").equals(stale.header("ETag"))) {
                wrong.add(action + ": the 412 does not name the current version");
            }
            if (!before.equals(Database.footprint())) {
                wrong.add(action + ": the database changed");
            }
            Steps.take(id, action.name(), step.role(), step.office(), "\"" + version + "\"").then().statusCode(200);
        }
        assertThat(wrong).isEmpty();
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
