package se.socialfund.adapters.rest.problem;

/** A state-changing request without If-Match (428). */
public final class PreconditionRequired extends RuntimeException {
    public PreconditionRequired(String message) {
        super(message, null, false, false);
    }
}
