package se.socialfund.application.port.in;

import java.time.Instant;
import java.util.UUID;

import se.socialfund.domain.application.ApplicationContent;

/**
 * An office, or the digital form on its behalf, submits an application in an open period. With an idempotency key,
 * a retry returns the first receipt instead of making a second application.
 */
public interface SubmitApplicationUseCase {
    /**
     * @param idempotencyKey the client's key for this submission, or null
     * @param fingerprint    a digest of the request body, to tell a retry from a different request with the key
     */
    record Command(ApplicationContent content, String idempotencyKey, String fingerprint) {
    }

    /** What a submission answers; stored with the idempotency key, so a retry gets exactly this again. */
    record Receipt(UUID applicationId, String registrationNumber, UUID periodId, String stage, long version,
                   Instant receivedAt) {
    }

    /** @param replayed true when this is the stored answer to an earlier request with the same key */
    record Result(Receipt receipt, boolean replayed) {
    }

    Result submit(Command command);
}
