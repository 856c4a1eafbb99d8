package se.socialfund.domain.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static se.socialfund.domain.application.Fixtures.*;

/**
 * The work queue's query selects applications by {@link TaskScope}s and the stored {@code possibleActions}; this
 * holds that selection (modelled here as the SQL applies it) equal to "visible, with a non-empty
 * {@code allowedActions}" for every stage, both repayment models, single and combined roles, and every step filter.
 */
class TaskScopeTest {
    static final LocalDate BEFORE_2021 = LocalDate.of(2019, 3, 4);

    static Map<String, Application> applications() {
        Map<String, Supplier<Journey>> walks = new LinkedHashMap<>();
        walks.put("received", Journey::received);
        walks.put("criteria checked", () -> Journey.received().criteriaChecked());
        walks.put("completion requested", () -> Journey.received().criteriaChecked().completionRequested());
        walks.put("ready for decision", () -> Journey.received().criteriaChecked().readyForDecision());
        walks.put("granted", () -> Journey.received().criteriaChecked().readyForDecision().granted());
        walks.put("in implementation", () -> Journey.received().criteriaChecked().readyForDecision().granted()
                .started());
        walks.put("followed up", () -> Journey.received().criteriaChecked().readyForDecision().granted().started()
                .followedUp());
        walks.put("evaluated", () -> Journey.received().criteriaChecked().readyForDecision().granted().started()
                .followedUp().evaluated());
        walks.put("closed", () -> Journey.received().criteriaChecked().readyForDecision().granted().started()
                .followedUp().evaluated().closed());
        walks.put("terminated", () -> Journey.received().criteriaChecked().readyForDecision().granted().started()
                .terminated());
        walks.put("terminated, evaluated", () -> Journey.received().criteriaChecked().readyForDecision().granted()
                .started().terminated().evaluated());
        walks.put("withdrawn", () -> Journey.received().withdrawn());
        // the repayment model (before 2021): a repayment plan is possible from the start
        walks.put("in implementation, repayment model", () -> Journey.receivedOn(BEFORE_2021).criteriaChecked()
                .readyForDecision().granted().started());
        walks.put("terminated, repayment model", () -> Journey.receivedOn(BEFORE_2021).criteriaChecked()
                .readyForDecision().granted().started().terminated());
        Map<String, Application> apps = new LinkedHashMap<>();
        walks.forEach((name, walk) -> apps.put(name, walk.get().app));
        return apps;
    }

    static Map<String, Actor> actors(Application app) {
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (String office : List.of(LEAD, PARTNER, OTHER)) {
            actors.put("applicant at " + office, applicant(office));
            actors.put("office head at " + office, officeHead(office));
        }
        actors.put("fund officer", fundOfficer());
        actors.put("scientific advisor", advisor());
        actors.put("auditor", auditor());
        actors.put("form", form());
        actors.put("form that submitted it", new Actor(app.submittedBy(), "Form", Set.of(Role.FORM_INTEGRATION),
                Optional.empty(), Optional.empty()));
        actors.put("office head without an office", actor(Role.OFFICE_HEAD, null));
        actors.put("fund officer and office head at " + LEAD, new Actor("both@" + LEAD, "Both",
                Set.of(Role.FUND_OFFICER, Role.OFFICE_HEAD), Optional.of(LEAD), Optional.empty()));
        actors.put("fund officer and applicant at " + OTHER, new Actor("both@" + OTHER, "Both",
                Set.of(Role.FUND_OFFICER, Role.APPLICANT), Optional.of(OTHER), Optional.empty()));
        actors.put("advisor and applicant at " + PARTNER, new Actor("both@" + PARTNER, "Both",
                Set.of(Role.SCIENTIFIC_ADVISOR, Role.APPLICANT), Optional.of(PARTNER), Optional.empty()));
        actors.put("auditor and office head at " + LEAD, new Actor("audit@" + LEAD, "Both",
                Set.of(Role.AUDITOR, Role.OFFICE_HEAD), Optional.of(LEAD), Optional.empty()));
        return actors;
    }

    /** What the query selects: the application lies in one of the scopes with one of its actions possible. */
    static boolean selected(Application app, Actor actor, List<TaskScope> scopes) {
        return scopes.stream().anyMatch(scope -> lies(app, actor, scope.where())
                && app.possibleActions().stream().anyMatch(scope.actions()::contains));
    }

    static boolean lies(Application app, Actor actor, TaskScope.Where where) {
        return switch (where) {
            case EVERY_APPLICATION -> true;
            case OWN_OFFICE -> app.offices().contains(actor.office().orElseThrow());
            case OWN_SUBMISSIONS -> app.submittedBy().equals(actor.subject());
        };
    }

    @Test
    void the_scopes_select_exactly_the_applications_with_allowed_actions() {
        List<Action> filters = new ArrayList<>(Arrays.asList(Action.values()));
        filters.add(null);
        int cells = 0;
        int tasks = 0;
        for (var app : applications().entrySet()) {
            for (var actor : actors(app.getValue()).entrySet()) {
                for (Action only : filters) {
                    List<Action> allowed = app.getValue().allowedActions(actor.getValue());
                    boolean task = app.getValue().isVisibleTo(actor.getValue()) && !allowed.isEmpty()
                            && (only == null || allowed.contains(only));
                    assertThat(selected(app.getValue(), actor.getValue(), TaskScope.of(actor.getValue(), only)))
                            .as("%s on %s, step %s", actor.getKey(), app.getKey(), only).isEqualTo(task);
                    cells++;
                    tasks += task ? 1 : 0;
                }
            }
        }
        assertThat(cells).isEqualTo(14 * 16 * 15);
        assertThat(tasks).isGreaterThan(100);
    }

    @Test
    void an_actor_who_can_take_no_step_has_no_scope() {
        assertThat(TaskScope.of(auditor(), null)).isEmpty();
        assertThat(TaskScope.of(form(), null)).isEmpty();
        assertThat(TaskScope.of(actor(Role.APPLICANT, null), null)).isEmpty();
        assertThat(TaskScope.of(fundOfficer(), Action.SUBMIT_REVISION)).isEmpty();
    }

    @Test
    void office_steps_are_looked_for_at_the_own_office_and_the_rest_everywhere() {
        assertThat(TaskScope.of(applicant(LEAD), null)).containsExactly(new TaskScope(TaskScope.Where.OWN_OFFICE,
                Set.of(Action.SUBMIT_REVISION, Action.START_PROJECT, Action.REPORT_COSTS, Action.SUBMIT_FOLLOW_UP,
                        Action.SUBMIT_EVALUATION, Action.WITHDRAW)));
        assertThat(TaskScope.of(fundOfficer(), null)).singleElement().satisfies(s -> {
            assertThat(s.where()).isEqualTo(TaskScope.Where.EVERY_APPLICATION);
            assertThat(s.actions()).contains(Action.ASSESS_CRITERIA, Action.RECORD_IMPLEMENTATION_DECISION)
                    .doesNotContain(Action.ADD_REVIEW, Action.WITHDRAW);
        });
        Actor both = new Actor("both", "Both", Set.of(Role.SCIENTIFIC_ADVISOR, Role.OFFICE_HEAD), Optional.of(LEAD),
                Optional.empty());
        assertThat(TaskScope.of(both, null)).extracting(TaskScope::where)
                .containsExactly(TaskScope.Where.EVERY_APPLICATION, TaskScope.Where.OWN_OFFICE);
    }
}
