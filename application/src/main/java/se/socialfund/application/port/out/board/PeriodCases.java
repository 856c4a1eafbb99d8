package se.socialfund.application.port.out.board;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The board matter of an application period: its registration number (from the applications' gapless series, taken
 * the first time the period's decision memo is frozen) and the memos frozen as documents of the period.
 */
public interface PeriodCases {
    /** The period's registration number, if it has one. */
    Optional<String> numberOf(UUID periodId);

    /**
     * Locks the period's board matter until the transaction ends (one freeze of a period at a time: a second waits
     * and then sees what the first made) and answers its registration number, if it has one.
     */
    Optional<String> lockForFreeze(UUID periodId);

    void number(UUID periodId, String registrationNumber, Instant at);

    /**
     * A memo frozen as a document: which document, the memo's version (its priority order's) and the fingerprint
     * of what it showed.
     */
    record FrozenMemo(UUID documentId, long memoVersion, String fingerprint) {
    }

    /** The period's most recently frozen memo. */
    Optional<FrozenMemo> latestFrozen(UUID periodId);

    void addFrozen(UUID periodId, FrozenMemo frozen, Instant at);
}
