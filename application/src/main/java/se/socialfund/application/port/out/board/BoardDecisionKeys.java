package se.socialfund.application.port.out.board;

import java.util.Optional;

import se.socialfund.application.port.in.board.BoardDecisionsUseCase.Receipt;

/**
 * Remembers, per caller and Idempotency-Key, what a board's act carried and answered: the submissions' way
 * ({@code IdempotencyKeys}), with the act's receipt.
 */
public interface BoardDecisionKeys {
    record Earlier(String fingerprint, Receipt receipt) {
    }

    /**
     * Claims the key in the current transaction; a concurrent request with it waits for the first to finish (then
     * gets its record) or is refused with {@code Conflict("idempotency-in-progress")}.
     *
     * @return empty when this request now owns the key, or the earlier request's record
     */
    Optional<Earlier> claim(String caller, String key, String fingerprint);

    void complete(String caller, String key, Receipt receipt);
}
