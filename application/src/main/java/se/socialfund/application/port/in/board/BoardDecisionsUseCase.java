package se.socialfund.application.port.in.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.board.BoardMeeting;

/**
 * Kommunstyrelsens beslut om en ansökningsperiod: the board decides the period's applications in one act, all or
 * none, at most once per Idempotency-Key.
 */
public interface BoardDecisionsUseCase {
    /**
     * @param idempotencyKey optional; the same key with the same request answers the first act's receipt
     * @param fingerprint    a digest of the request's content (to tell a retry from another request with the key)
     */
    record Command(UUID periodId, BoardMeeting.Draft draft, String idempotencyKey, String fingerprint) {
    }

    /** One decision of the act as taken. Amounts as the API's decimal text. */
    record Line(UUID applicationId, String registrationNumber, String outcome, String grantedAmount, long version) {
    }

    /** What the act recorded: also what a retry with the same key is answered. */
    record Receipt(UUID periodId, LocalDate meetingDate, String minutesParagraph, Instant decidedAt,
                   String decidedBy, List<Line> decisions, String grantedSum, String availableAfter) {
    }

    record Result(Receipt receipt, boolean replayed) {
    }

    Result decide(Command command);
}
