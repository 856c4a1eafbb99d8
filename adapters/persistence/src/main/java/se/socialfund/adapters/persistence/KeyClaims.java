package se.socialfund.adapters.persistence;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import se.socialfund.domain.shared.Conflict;

/**
 * The claim of an Idempotency-Key, one mechanism for every table that keeps keys (submissions and ideas, document
 * uploads, the board's act): the row is inserted with {@code ON CONFLICT DO NOTHING}, waiting up to
 * {@value #WAIT_FOR_FIRST} for an unfinished first request that holds it (then "in progress", 409), under a statement
 * limit above that wait, so that the lock timeout ends the claim (409) rather than the statement timeout (503). Both
 * limits are set and put back to what they were in one statement each way.
 */
public final class KeyClaims {
    /** How long a retry waits for the first request with its key to finish. */
    public static final String WAIT_FOR_FIRST = "15s";
    /** Above the wait, so that the lock timeout ends the claim (409), not a shorter statement timeout (503). */
    public static final String CLAIM_STATEMENT_LIMIT = "20s";

    private KeyClaims() {
    }

    /**
     * Inserts the key's row into {@code table} (columns caller, key, fingerprint); answers whether this request
     * claimed it now (false: an earlier request did, read its row next).
     */
    public static boolean claim(EntityManager em, String table, String caller, String key, String fingerprint,
                                Supplier<Conflict> inProgress) {
        Object[] before = (Object[]) em.createNativeQuery("SELECT current_setting('lock_timeout'), "
                        + "current_setting('statement_timeout'), set_config('lock_timeout', :wait, true), "
                        + "set_config('statement_timeout', :limit, true)")
                .setParameter("wait", WAIT_FOR_FIRST).setParameter("limit", CLAIM_STATEMENT_LIMIT)
                .getSingleResult();
        int inserted;
        try {
            inserted = em.createNativeQuery("INSERT INTO " + table + " (caller, key, fingerprint) "
                            + "VALUES (:caller, :key, :fingerprint) ON CONFLICT DO NOTHING")
                    .setParameter("caller", caller).setParameter("key", key).setParameter("fingerprint", fingerprint)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (isLockTimeout(e)) {
                throw inProgress.get();
            }
            throw e;
        }
        em.createNativeQuery("SELECT set_config('lock_timeout', :lock, true), "
                        + "set_config('statement_timeout', :statement, true)")
                .setParameter("lock", before[0]).setParameter("statement", before[1]).getSingleResult();
        return inserted == 1;
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
