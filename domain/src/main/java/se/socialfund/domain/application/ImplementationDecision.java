package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * Beslut om implementering: the responsible committee decides whether the method becomes ordinary work, and how it
 * is financed: by reprioritising within its budget frame (omprioritering) or by a budget request (äskande) in the
 * next budget process.
 */
public record ImplementationDecision(Outcome outcome, Financing financing, String committee, LocalDate decidedOn,
                                     String reference, String motivation, Instant recordedAt, String recordedBy) {
    public enum Outcome { IMPLEMENT, IMPLEMENT_IN_PART, NOT_IMPLEMENTED }

    public enum Financing { REPRIORITISATION, BUDGET_REQUEST }

    /** The committee's decision; implementing names its financing, not implementing names none. */
    public record Draft(Outcome outcome, Financing financing, String committee, LocalDate decidedOn,
                        String reference, String motivation) {
        void validate(Violations v) {
            v.requirePresent(outcome, "outcome");
            v.require(outcome == null || (outcome == Outcome.NOT_IMPLEMENTED) == (financing == null), "financing",
                    "implementing names its financing (REPRIORITISATION or BUDGET_REQUEST); not implementing names "
                            + "none");
            v.requireText(committee, "committee", Limits.NAME);
            v.requirePresent(decidedOn, "decidedOn");
            v.requireText(reference, "reference", Limits.NAME);
            v.maxLength(motivation, "motivation", Limits.TEXT);
        }

        /** The facts the history records: the outcome and, when implementing, the financing. */
        Map<String, String> eventDetails() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("outcome", outcome.name());
            if (financing != null) {
                details.put("financing", financing.name());
            }
            return details;
        }

        ImplementationDecision record(Instant at, String by) {
            return new ImplementationDecision(outcome, financing, committee, decidedOn, reference, motivation, at,
                    by);
        }
    }
}
