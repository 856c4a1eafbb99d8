package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Beslut om implementering: the responsible committee decides whether the method becomes ordinary work, and how it
 * is financed: by reprioritising within its budget frame (omprioritering) or by a budget request (äskande) in the
 * next budget process.
 */
public record ImplementationDecision(Outcome outcome, Financing financing, String committee, LocalDate decidedOn,
                                     String reference, String motivation, Instant recordedAt, String recordedBy) {

    public enum Outcome { IMPLEMENT, IMPLEMENT_IN_PART, NOT_IMPLEMENTED }

    public enum Financing { REPRIORITISATION, BUDGET_REQUEST }
}
