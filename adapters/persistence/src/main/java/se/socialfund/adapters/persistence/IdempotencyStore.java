package se.socialfund.adapters.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import se.socialfund.application.port.in.SubmitApplicationUseCase.Receipt;
import se.socialfund.application.port.out.IdempotencyKeys;
import se.socialfund.domain.shared.Conflict;

/**
 * Idempotency keys as rows keyed by caller and key. A second request with a key waits on the first one's
 * uncommitted row (the unique index makes it), then reads what the first answered; if the first rolled back, the
 * second proceeds as new. A first request that takes too long makes the second a 409.
 */
@ApplicationScoped
public class IdempotencyStore implements IdempotencyKeys {
    @Inject
    EntityManager em;

    @Inject
    DeferredWrites deferred;

    @Override
    public Optional<Earlier> claim(String caller, String key, String fingerprint) {
        deferred.flush();
        if (KeyClaims.claim(em, "idempotency_key", caller, key, fingerprint, IdempotencyStore::inProgress)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, CAST(receipt AS text) FROM idempotency_key "
                        + "WHERE caller = :caller AND key = :key")
                .setParameter("caller", caller).setParameter("key", key).getResultList();
        Object[] row = rows.get(0);
        if (row[1] == null) {
            throw inProgress();
        }
        return Optional.of(new Earlier((String) row[0], Documents.read(Documents.IDEMPOTENCY_RECEIPT,
                (String) row[1], Receipt.class, "idempotency key " + key)));
    }

    @Override
    public void complete(String caller, String key, Receipt receipt) {
        // nobody in the transaction reads the receipt back: it travels with the next statement (DeferredWrites)
        deferred.defer("UPDATE idempotency_key SET receipt = CAST(:receipt AS jsonb) WHERE caller = :caller AND key = :key",
                java.util.Map.of("receipt", Documents.write(Documents.IDEMPOTENCY_RECEIPT, receipt), "caller", caller,
                        "key", key));
    }

    private static Conflict inProgress() {
        return new Conflict("idempotency-in-progress", "a request with this Idempotency-Key is still being "
                + "processed; retry shortly to get its answer");
    }
}
