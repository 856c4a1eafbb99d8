package se.socialfund.application.usecase.event;

import java.util.Locale;

import se.socialfund.domain.application.Stage;

/**
 * The type of a change event: {@code se.socialfund.application.<what happened>.v1}. A step that decides the
 * stage is named by the stage it led to (granted, declined, criteria-checked, rejected, ...); a step that leaves the
 * stage as it was is named by what it did (reviewed, costs-reported, ...); an operation not named here (one added
 * later) is {@code changed}, so a new operation never goes unannounced.
 */
public final class EventTypes {
    public static final String PREFIX = "se.socialfund.application.";
    public static final String SUFFIX = ".v1";

    private EventTypes() {
    }

    /** The event type of a successful operation (the audit trail's action, an operationId) that left this stage. */
    public static String of(String action, Stage stageAfter) {
        String name = switch (action) {
            case "submitApplication" -> "received";
            case "startProject" -> "started";
            case "submitRevision" -> "revised";
            case "addReview" -> "reviewed";
            case "reportCosts" -> "costs-reported";
            case "setRepaymentPlan" -> "repayment-plan-set";
            case "assessCriteria", "requestCompletion", "addMunicipalPerspective", "recordBoardDecision",
                 "recordBoardDecisions",
                 "submitFollowUp", "submitEvaluation", "recordImplementationDecision", "withdrawApplication",
                 "terminateProject" -> stageAfter.name().toLowerCase(Locale.ROOT).replace('_', '-');
            default -> "changed";
        };
        return PREFIX + name + SUFFIX;
    }
}
