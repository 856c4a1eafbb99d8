package se.socialfund.domain.document;

/**
 * What the virus scanner said about a file: clean, flagged (with the scanner's name for what it found), or not
 * scanned because no scanner is configured. Recorded with the document, so that "not scanned" is never mistaken for
 * "clean".
 */
public record ScanVerdict(Result result, String finding) {
    public enum Result { CLEAN, FLAGGED, NOT_SCANNED }

    public static final ScanVerdict CLEAN = new ScanVerdict(Result.CLEAN, null);
    public static final ScanVerdict NOT_SCANNED = new ScanVerdict(Result.NOT_SCANNED, null);

    public static ScanVerdict flagged(String finding) {
        return new ScanVerdict(Result.FLAGGED, finding);
    }

    public boolean flagged() {
        return result == Result.FLAGGED;
    }
}
