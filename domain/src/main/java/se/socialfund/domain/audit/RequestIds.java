package se.socialfund.domain.audit;

/**
 * The id that ties an audit record, a log line and a response to one request: the client's, when it sent a
 * well-formed one, or one the REST adapter makes. One rule for its form, for the REST adapter, which answers with the
 * id, and the identity adapter, which hands it to the audit trail.
 */
public final class RequestIds {
    /** The longest request id kept (the contract's X-Request-Id and the audit event's requestId). */
    public static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    /**
     * Whether a client's request id can be kept as it is: 1 to {@value #MAX_LENGTH} of {@code A-Z a-z 0-9 . _ : -},
     * nothing a log line or a header could be split by. A loop, not a pattern: it runs on every request.
     */
    public static boolean isWellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
