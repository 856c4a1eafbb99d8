package se.socialfund.domain.shared;

/** The caller acted on a version that is no longer current (someone else changed it first). */
public final class StaleVersion extends DomainException {
    private final long currentVersion;

    public StaleVersion(long expected, long currentVersion) {
        super("the request was made against version " + expected + ", but the current version is " + currentVersion
                + "; read the resource again and retry");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
