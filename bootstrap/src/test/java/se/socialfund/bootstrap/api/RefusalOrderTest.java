package se.socialfund.bootstrap.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The order in which a request is refused, as the README promises: another office's application is 404, then a role
 * without the right 403, then a missing or stale If-Match 428/412, then a wrong stage 409, and only then broken
 * content 422. Every request here carries a body that breaks the step's rules (an empty object), so a check made
 * too early shows as a 422 where a 403, 412 or 409 is due. None of them changes anything.
 */
@QuarkusTest
class RefusalOrderTest {
    private static final Map<String, Object> BROKEN = Map.of();

    @Test
    void a_broken_body_is_judged_only_after_the_office_the_role_the_version_and_the_stage() {
        UUID withdrawn = Steps.applicationIn("WITHDRAWN");
        List<String> wrong = new ArrayList<>();
        for (Action action : Action.values()) {
            Steps.Step step = Steps.ALL.get(action.name());
            UUID id = inAStageThatAllows(action);
            long version = Api.version(id);
            String before = Database.footprint();
            String stale = "\"" + (version - 1) + "\"";
            String current = "\"" + version + "\"";
            expect(wrong, action + " by another office's applicant", 404,
                    Steps.take(id, action.name(), "applicant", Api.OTHER_OFFICE, stale, BROKEN));
            expect(wrong, action + " by an auditor, with a stale If-Match", 403,
                    Steps.take(id, action.name(), "auditor", null, stale, BROKEN));
            expect(wrong, action + " without If-Match", 428,
                    Steps.take(id, action.name(), step.role(), step.office(), null, BROKEN));
            expect(wrong, action + " with a stale If-Match", 412,
                    Steps.take(id, action.name(), step.role(), step.office(), stale, BROKEN));
            expect(wrong, action + " in a stage that does not allow it", 409,
                    Steps.take(withdrawn, action.name(), step.role(), step.office(),
                            "\"" + Api.version(withdrawn) + "\"", BROKEN));
            expect(wrong, action + " with everything right but the body", 422,
                    Steps.take(id, action.name(), step.role(), step.office(), current, BROKEN));
            if (!before.equals(Database.footprint())) {
                wrong.add(action + ": a refusal changed the database");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_submission_by_a_role_that_does_not_submit_is_403_whatever_its_body() {
        String before = Database.footprint();
        Response auditor = Api.asUnchecked("auditor", null).body(BROKEN).post("/api/v1/applications");
        Response advisor = Api.asUnchecked("scientific-advisor", null).body(BROKEN).post("/api/v1/applications");
        Response applicant = Api.asUnchecked("applicant", Api.OWN_OFFICE).body(BROKEN).post("/api/v1/applications");
        assertThat(List.of(auditor.statusCode(), advisor.statusCode(), applicant.statusCode()))
                .as("auditor, advisor, applicant").containsExactly(403, 403, 422);
        assertThat(applicant.jsonPath().getList("violations.field", String.class))
                .as("the domain names the missing sections as JSON pointers").contains("/title", "/goals", "/budget");
        assertThat(Database.footprint()).isEqualTo(before);
    }

    private static UUID inAStageThatAllows(Action action) {
        if (action == Action.SET_REPAYMENT_PLAN) {
            return Steps.investmentStartedIn2019();
        }
        Stage stage = action.from().stream().filter(s -> Steps.PATH_TO.containsKey(s.name())).sorted()
                .findFirst().orElseThrow();
        return Steps.applicationIn(stage.name());
    }

    private static void expect(List<String> wrong, String what, int status, Response response) {
        if (response.statusCode() != status) {
            wrong.add(what + ": " + response.statusCode() + " instead of " + status + " "
                    + response.body().asString());
        } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            wrong.add(what + ": answered " + response.contentType());
        }
    }
}
