package se.socialfund.application.port.out;

/**
 * The database cannot be reached or did not answer in time (down, restarting, every connection busy, a statement
 * timed out). Nothing was changed; the request may be retried later.
 */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
