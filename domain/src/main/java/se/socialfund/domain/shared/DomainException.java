package se.socialfund.domain.shared;

/**
 * The small, closed family of errors the domain raises. Each kind means one thing to a caller, so an adapter can
 * map each to one response without inspecting messages.
 */
public abstract sealed class DomainException extends RuntimeException
        permits IllegalTransition, RuleViolation, NotFound, StaleVersion, AccessDenied, FundExhausted, Conflict {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
