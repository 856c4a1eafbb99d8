package se.socialfund.domain.audit;

/**
 * The outcome of walking the audit chain: intact, or the first event where it breaks and how.
 *
 * @param checked       how many events were checked
 * @param firstBrokenAt the sequence of the first event that does not verify, or null when intact
 * @param problem       what is wrong there (content altered, link broken, event missing)
 */
public record ChainVerification(long checked, Long firstBrokenAt, String problem, String lastHash) {
    public boolean intact() {
        return firstBrokenAt == null;
    }

    /** Walks events in sequence order; feed them one at a time and stop at the first break. */
    public static final class Walker {
        private long checked;
        private long expectedSequence = 1;
        private String previousHash = AuditEvent.GENESIS;
        private Long brokenAt;
        private String problem;

        /** @return false once the chain is broken (further events are not checked) */
        public boolean accept(AuditEvent event) {
            if (brokenAt != null) {
                return false;
            }
            checked++;
            if (event.sequence() != expectedSequence) {
                return fail(expectedSequence, "event " + expectedSequence + " is missing (next found: "
                        + event.sequence() + ")");
            }
            if (!event.previousHash().equals(previousHash)) {
                return fail(event.sequence(), "its link to the previous event does not match that event's hash");
            }
            if (!event.isIntact()) {
                return fail(event.sequence(), "its content does not match its hash: it was altered after writing");
            }
            previousHash = event.hash();
            expectedSequence++;
            return true;
        }

        private boolean fail(long at, String why) {
            brokenAt = at;
            problem = why;
            return false;
        }

        public ChainVerification result() {
            return new ChainVerification(checked, brokenAt, problem, previousHash);
        }
    }
}
