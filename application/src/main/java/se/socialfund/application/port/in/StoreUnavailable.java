package se.socialfund.application.port.in;

/**
 * The database cannot be reached or did not answer in time (down, restarting, every connection busy, a statement
 * timed out): nothing was changed, and the request may be retried later. When the connection went away during the
 * commit itself, the outcome is unknown: the change may have been saved, so the client should read before it
 * retries.
 */
public final class StoreUnavailable extends RuntimeException {
    private final boolean outcomeUnknown;

    public StoreUnavailable(String message, Throwable cause) {
        this(message, cause, false);
    }

    public StoreUnavailable(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Whether the commit may have taken effect although it was not confirmed. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
