package se.socialfund.application.port.in.document;

/**
 * The file's content is not of an accepted format (whatever its name or declared type says): answered 415. An
 * exception of the upload's intake, beside {@link se.socialfund.application.port.in.StoreUnavailable}.
 */
public final class UnsupportedContent extends RuntimeException {
    private final String detected;

    public UnsupportedContent(String detected) {
        super("the file's content is " + detected + "; only PDF, DOCX, XLSX, ODT and ODS files are accepted", null,
                false, false);
        this.detected = detected;
    }

    public String detected() {
        return detected;
    }
}
