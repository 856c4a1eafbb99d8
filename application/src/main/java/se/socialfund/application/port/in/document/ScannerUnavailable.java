package se.socialfund.application.port.in.document;

/**
 * The configured virus scanner could not say whether the file is clean: it could not be reached, did not answer in
 * time, or answered something it should not. Nothing was stored (a configured scanner never lets a file through
 * unscanned); the upload may be retried later: answered 503 with Retry-After.
 */
public final class ScannerUnavailable extends RuntimeException {
    public ScannerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
