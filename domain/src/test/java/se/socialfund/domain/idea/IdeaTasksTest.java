package se.socialfund.domain.idea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.application.TaskScope.Where;
import se.socialfund.domain.idea.IdeaContent.Organisation;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static se.socialfund.domain.idea.IdeaTest.actor;
import static se.socialfund.domain.idea.IdeaTest.step;

/**
 * Ideas in the work queue: what the store selects by (an idea's places, a caller's scopes) is exactly "visible, with
 * a step waiting for the caller", and a waiting step is always an allowed one; who is waited for in each stage.
 */
class IdeaTasksTest {
    private static final Actor FORM = actor("form-client", null, Role.FORM_INTEGRATION);

    /** An idea (sent by {@link #FORM}, concerning socialkontoret and utbildningskontoret) in each state. */
    private static Map<String, IdeaSnapshot> states() {
        Actor officer = actor("officer", "kommunstyrelsens-kontor", Role.FUND_OFFICER);
        Actor head = actor("head", "socialkontoret", Role.OFFICE_HEAD);
        Map<String, IdeaSnapshot> states = new LinkedHashMap<>();
        Idea idea = IdeaTest.received();
        states.put("received", idea.snapshot());
        idea.startScreening(step(officer, 1));
        states.put("screening", idea.snapshot());
        idea.askQuestion("Hur?", step(officer, 2));
        states.put("question open", idea.snapshot());
        idea.answerQuestion("Så.", step(FORM, 3));
        idea.sponsor("Ja", step(head, 4));
        states.put("sponsored", idea.snapshot());
        List<Organisation> partners = idea.beginConversion(List.of(), step(head, 5));
        idea.converted(UUID.randomUUID(), "KS 2026/0013", partners, step(head, 5));
        states.put("converted", idea.snapshot());
        Idea declined = IdeaTest.received();
        declined.decline(List.of("Nej"), step(officer, 1));
        states.put("declined", declined.snapshot());
        Idea withdrawn = IdeaTest.received();
        withdrawn.withdraw("Tillbaka", step(FORM, 1));
        states.put("withdrawn", withdrawn.snapshot());
        return states;
    }

    private static Map<String, Actor> callers() {
        Map<String, Actor> callers = new LinkedHashMap<>();
        callers.put("officer", actor("officer", "kommunstyrelsens-kontor", Role.FUND_OFFICER));
        callers.put("auditor", actor("auditor", null, Role.AUDITOR));
        callers.put("advisor", actor("advisor", null, Role.SCIENTIFIC_ADVISOR));
        callers.put("form", FORM);
        callers.put("other form", actor("other-form", null, Role.FORM_INTEGRATION));
        for (String office : List.of("socialkontoret", "utbildningskontoret", "kulturkontoret")) {
            callers.put("head " + office, actor("head-" + office, office, Role.OFFICE_HEAD));
            callers.put("applicant " + office, actor("applicant-" + office, office, Role.APPLICANT));
            callers.put("both " + office, actor("both-" + office, office, Role.APPLICANT, Role.OFFICE_HEAD));
        }
        callers.put("officer and head", actor("oh", "socialkontoret", Role.FUND_OFFICER, Role.OFFICE_HEAD));
        return callers;
    }

    /** The store's selection: a place of the idea in one of the caller's scopes, with one of its steps there. */
    private static boolean selected(IdeaSnapshot s, Actor actor) {
        Map<String, Set<IdeaAction>> places = IdeaTasks.places(s);
        for (IdeaTasks.Scope scope : IdeaTasks.scopes(actor)) {
            String place = scope.where() == Where.OWN_OFFICE ? actor.office().orElseThrow() : IdeaTasks.EVERY;
            if (scope.where() == Where.OWN_SUBMISSIONS && !actor.subject().equals(s.submittedBy())) {
                continue;
            }
            Set<IdeaAction> there = places.getOrDefault(place, Set.of());
            if (there.stream().anyMatch(scope.actions()::contains)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void the_stores_selection_is_exactly_the_ideas_with_a_step_waiting_for_the_caller() {
        List<String> wrong = new ArrayList<>();
        int tasks = 0;
        for (var state : states().entrySet()) {
            for (var caller : callers().entrySet()) {
                IdeaSnapshot s = state.getValue();
                List<IdeaAction> waiting = IdeaTasks.waitingFor(s, caller.getValue());
                assertThat(Idea.allowedActions(s, caller.getValue())).containsAll(waiting);
                if (selected(s, caller.getValue()) != !waiting.isEmpty()) {
                    wrong.add(state.getKey() + " / " + caller.getKey() + ": waiting " + waiting);
                }
                tasks += waiting.isEmpty() ? 0 : 1;
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(tasks).isGreaterThan(8);
    }

    @Test
    void who_is_waited_for_in_each_stage() {
        Map<String, IdeaSnapshot> states = states();
        Map<String, Actor> callers = callers();
        Map<String, String> found = new LinkedHashMap<>();
        for (var state : states.entrySet()) {
            for (String who : List.of("officer", "form", "head socialkontoret", "applicant socialkontoret",
                    "head utbildningskontoret", "auditor")) {
                List<IdeaAction> waiting = IdeaTasks.waitingFor(state.getValue(), callers.get(who));
                if (!waiting.isEmpty()) {
                    found.put(state.getKey() + " / " + who, waiting.toString());
                }
            }
        }
        assertThat(found).containsExactly(
                Map.entry("received / officer", "[START_SCREENING, DECLINE]"),
                Map.entry("screening / officer", "[ASK_QUESTION, DECLINE]"),
                Map.entry("screening / head socialkontoret", "[SPONSOR]"),
                Map.entry("screening / head utbildningskontoret", "[SPONSOR]"),
                Map.entry("question open / form", "[ANSWER_QUESTION]"),
                Map.entry("question open / head socialkontoret", "[SPONSOR]"),
                Map.entry("question open / head utbildningskontoret", "[SPONSOR]"),
                Map.entry("sponsored / head socialkontoret", "[CONVERT]"),
                Map.entry("sponsored / applicant socialkontoret", "[CONVERT]"));
    }
}
