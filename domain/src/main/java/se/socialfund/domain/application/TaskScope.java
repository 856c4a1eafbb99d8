package se.socialfund.domain.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

/**
 * Where an actor's tasks (arbetskö) can lie, and which steps to look for there: the work queue's query reads
 * applications whose {@link Application#possibleActions() possible steps} meet {@code actions} in this place. It is
 * computed from the same rule as {@code allowedActions} ({@link StepRules#mayTake}, over the {@link Action} table)
 * and from the rule of {@link Application#isVisibleTo}, never written a second time: an application is a task of
 * the actor exactly when it lies in one of the actor's scopes with one of that scope's actions possible.
 *
 * @param where   every application, the actor's own office's, or what the actor submitted
 * @param actions the steps this actor may take on an application in that place (never empty)
 */
public record TaskScope(Where where, Set<Action> actions) {
    public enum Where {
        /** Every application (the actor sees every office's). */
        EVERY_APPLICATION,
        /** The applications in which the actor's office takes part. */
        OWN_OFFICE,
        /** The applications the actor submitted (the application form). */
        OWN_SUBMISSIONS
    }

    public TaskScope {
        actions = Set.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a scope without actions holds no task");
        }
    }

    /**
     * The actor's scopes, of one step if {@code only} is given; empty when the actor can take no step anywhere.
     * A step the actor may take on any application it sees is looked for wherever it sees applications; a step that
     * needs the actor's office among the application's offices only at its own office.
     */
    public static List<TaskScope> of(Actor actor, Action only) {
        List<Action> wanted = only == null ? Arrays.asList(Action.values()) : List.of(only);
        Set<Action> anywhere = EnumSet.noneOf(Action.class);
        Set<Action> atOwnOffice = EnumSet.noneOf(Action.class);
        for (Action action : wanted) {
            if (StepRules.mayTake(action, actor, List.of())) {
                anywhere.add(action);
            }
            if (actor.office().isPresent() && StepRules.mayTake(action, actor, List.of(actor.office().get()))) {
                atOwnOffice.add(action);
            }
        }
        List<TaskScope> scopes = new ArrayList<>();
        if (actor.seesAllOffices()) {
            if (!anywhere.isEmpty()) {
                scopes.add(new TaskScope(Where.EVERY_APPLICATION, anywhere));
            }
            atOwnOffice.removeAll(anywhere);
        } else if (actor.has(Role.FORM_INTEGRATION) && !anywhere.isEmpty()) {
            scopes.add(new TaskScope(Where.OWN_SUBMISSIONS, anywhere));
        }
        if (!atOwnOffice.isEmpty()) {
            scopes.add(new TaskScope(Where.OWN_OFFICE, atOwnOffice));
        }
        return List.copyOf(scopes);
    }
}
