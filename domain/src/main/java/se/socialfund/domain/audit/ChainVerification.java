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

        /**
         * The result, held also against the chain's head: the sequence and hash of the last event as recorded when
         * it was appended. Events removed from the end of the chain leave no gap for the walk to find; the head
         * still names them. Feed the walker the events up to the head's sequence only: later ones were appended
         * after the head was read.
         *
         * @param headSequence the sequence the head records as the last one written (0: none yet)
         * @param headHash     the hash the head records for it
         */
        public ChainVerification resultAgainstHead(long headSequence, String headHash) {
            long last = expectedSequence - 1;
            if (brokenAt == null && last < headSequence) {
                fail(last + 1, (last + 1 == headSequence ? "event " + headSequence + " is missing"
                        : "events " + (last + 1) + " to " + headSequence + " are missing")
                        + " at the end of the chain: its head records event " + headSequence + " as written");
            } else if (brokenAt == null && last == headSequence && !previousHash.equals(headHash)) {
                fail(headSequence, "its hash does not match the one the chain's head recorded for it");
            }
            return result();
        }
    }
}
