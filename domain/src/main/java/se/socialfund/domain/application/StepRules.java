package se.socialfund.domain.application;

import java.util.ArrayList;
import java.util.List;

import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;

/**
 * Who may take which step when: the {@link Action} table read against an application's state. One place for the
 * order of refusals (403, then 412, then 409) and for the steps shown as allowed, so the two never disagree.
 */
final class StepRules {
    /** Every action, in the table's order (Action.values() copies its array on every call). */
    private static final List<Action> ACTIONS = List.of(Action.values());

    private StepRules() {
    }

    /** The right role, and for an office role one of the application's offices where the step requires it. */
    static boolean mayTake(Action action, Actor actor, List<String> offices) {
        // loops, not streams: every read of an application asks this for each action (its allowed actions)
        for (Role role : action.roles()) {
            if (actor.has(role)
                    && (!action.requiresOwnOffice() || !role.isOfficeRole() || belongsToOne(actor, offices))) {
                return true;
            }
        }
        return false;
    }

    private static boolean belongsToOne(Actor actor, List<String> offices) {
        for (String office : offices) {
            if (actor.belongsTo(office)) {
                return true;
            }
        }
        return false;
    }

    /** The stage allows the step, and nothing in the state blocks it. */
    static boolean isPossible(Action action, ApplicationSnapshot s) {
        if (!action.allowedIn(s.stage())) {
            return false;
        }
        return switch (action) {
            case SET_REPAYMENT_PLAN -> s.project().underRepaymentModel() && s.repaymentPlan() == null;
            case SUBMIT_EVALUATION -> s.evaluation() == null;
            default -> true;
        };
    }

    static List<Action> possible(ApplicationSnapshot s) {
        return ACTIONS.stream().filter(a -> isPossible(a, s)).toList();
    }

    static List<Action> allowed(ApplicationSnapshot s, Actor actor) {
        List<String> offices = s.offices(); // read from the content once, not once per action
        List<Action> allowed = new ArrayList<>();
        for (Action action : ACTIONS) {
            if (mayTake(action, actor, offices) && isPossible(action, s)) {
                allowed.add(action);
            }
        }
        return List.copyOf(allowed);
    }

    /**
     * A repayment plan for a project started after the model was abolished is broken content (422), not a wrong
     * stage: the step is otherwise one this caller could take now.
     */
    static void refuseAbolishedRepaymentModel(Step step, ApplicationSnapshot s) {
        if (mayTake(Action.SET_REPAYMENT_PLAN, step.by(), s.offices()) && step.expectedVersion() == s.version()
                && Action.SET_REPAYMENT_PLAN.allowedIn(s.stage()) && !s.project().underRepaymentModel()) {
            throw new RuleViolation("installments", "the repayment model (återföringsmodellen) was abolished for "
                    + "investments started from " + RepaymentPlan.ABOLISHED_FROM_YEAR + "; this one started on "
                    + s.projectStart().startDate());
        }
    }

    /** Refuses the step: a role without the right (403), then a stale version (412), then a wrong stage (409). */
    static void begin(Action action, Step step, ApplicationSnapshot s) {
        if (!mayTake(action, step.by(), s.offices())) {
            throw new AccessDenied("your role does not allow '" + action.resource() + "' on this application");
        }
        if (step.expectedVersion() != s.version()) {
            throw new StaleVersion(step.expectedVersion(), s.version());
        }
        if (!isPossible(action, s)) {
            throw new IllegalTransition(action.name(), s.stage().name(), possible(s).stream().map(Action::name)
                    .toList());
        }
    }
}
