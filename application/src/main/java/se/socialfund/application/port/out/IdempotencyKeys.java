package se.socialfund.application.port.out;

import java.util.Optional;

import se.socialfund.application.port.in.SubmitApplicationUseCase.Receipt;

/**
 * Remembers, per caller and key, what a submission carried and what it answered, so that a retry gets the first
 * answer and never makes a second application.
 */
public interface IdempotencyKeys {
    /** What an earlier request with this key carried and answered. */
    record Earlier(String fingerprint, Receipt receipt) {
    }

    /**
     * Claims the key inside the current transaction. If another transaction holds it and has not finished, waits
     * for it (briefly) and then reports what it answered; raises {@code Conflict("idempotency-in-progress")} when it
     * takes too long.
     *
     * @return empty when this request now owns the key, or the earlier request's record
     */
    Optional<Earlier> claim(String caller, String key, String fingerprint);

    /** Records the answer for a key this transaction claimed. */
    void complete(String caller, String key, Receipt receipt);
}
