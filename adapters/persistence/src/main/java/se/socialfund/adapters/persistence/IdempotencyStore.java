package se.socialfund.adapters.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

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
    /** How long a retry waits for the first request with its key to finish. */
    static final String WAIT_FOR_FIRST = "15s";
    /**
     * The claim's statement timeout: above the wait, so that the lock timeout ends it (409), not a shorter
     * configured statement timeout (which would answer 503 as if the database were unreachable).
     */
    static final String CLAIM_STATEMENT_LIMIT = "20s";

    @Inject
    EntityManager em;

    @Inject
    DeferredWrites deferred;

    @Override
    public Optional<Earlier> claim(String caller, String key, String fingerprint) {
        deferred.flush();
        // both limits in one statement, remembering what they were (the connection's configured defaults)
        Object[] before = (Object[]) em.createNativeQuery("SELECT current_setting('lock_timeout'), "
                        + "current_setting('statement_timeout'), set_config('lock_timeout', :wait, true), "
                        + "set_config('statement_timeout', :limit, true)")
                .setParameter("wait", WAIT_FOR_FIRST).setParameter("limit", CLAIM_STATEMENT_LIMIT)
                .getSingleResult();
        int inserted;
        try {
            inserted = em.createNativeQuery("INSERT INTO idempotency_key (caller, key, fingerprint) "
                            + "VALUES (:caller, :key, :fingerprint) ON CONFLICT DO NOTHING")
                    .setParameter("caller", caller).setParameter("key", key).setParameter("fingerprint", fingerprint)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (isLockTimeout(e)) {
                throw new Conflict("idempotency-in-progress", "a request with this Idempotency-Key is still being "
                        + "processed; retry shortly to get its answer");
            }
            throw e;
        }
        // back to what they were, in one statement
        em.createNativeQuery("SELECT set_config('lock_timeout', :lock, true), "
                        + "set_config('statement_timeout', :statement, true)")
                .setParameter("lock", before[0]).setParameter("statement", before[1]).getSingleResult();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, CAST(receipt AS text) FROM idempotency_key "
                        + "WHERE caller = :caller AND key = :key")
                .setParameter("caller", caller).setParameter("key", key).getResultList();
        Object[] row = rows.get(0);
        if (row[1] == null) {
            throw new Conflict("idempotency-in-progress", "a request with this Idempotency-Key is still being "
                    + "processed; retry shortly to get its answer");
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

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
