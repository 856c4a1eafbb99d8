package se.socialfund.domain.shared;

import java.util.List;

/** A business step asked for in a stage that does not allow it; names the stage and the steps that are allowed. */
public final class IllegalTransition extends DomainException {
    private final String currentStage;
    private final List<String> allowedActions;

    public IllegalTransition(String action, String currentStage, List<String> allowedActions) {
        super("'" + action + "' is not possible while the application is " + currentStage
                + (allowedActions.isEmpty() ? "; no further steps are possible" : "; possible now: " + String.join(", ", allowedActions)));
        this.currentStage = currentStage;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public String currentStage() {
        return currentStage;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }
}
