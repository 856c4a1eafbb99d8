package se.socialfund.adapters.persistence.board;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import se.socialfund.adapters.persistence.Documents;
import se.socialfund.application.port.in.board.BoardDecisionsUseCase.Receipt;
import se.socialfund.application.port.out.board.BoardDecisionKeys;
import se.socialfund.domain.shared.Conflict;

/**
 * The board's acts' Idempotency-Keys, claimed as the submissions' are ({@code IdempotencyStore}): a second request
 * with a key waits on the first one's uncommitted row, then reads what it answered; if the first rolled back (a
 * refused act), the second proceeds as new.
 */
@ApplicationScoped
public class BoardDecisionKeyStore implements BoardDecisionKeys {
    /** How long a retry waits for the first request with its key to finish. */
    static final String WAIT_FOR_FIRST = "15s";
    /** Above the wait, so that the lock timeout ends the claim (409), not a shorter statement timeout (503). */
    static final String CLAIM_STATEMENT_LIMIT = "20s";

    @Inject
    EntityManager em;

    @Override
    public Optional<Earlier> claim(String caller, String key, String fingerprint) {
        em.createNativeQuery("SET LOCAL lock_timeout = '" + WAIT_FOR_FIRST + "'; SET LOCAL statement_timeout = '"
                + CLAIM_STATEMENT_LIMIT + "'").executeUpdate();
        int inserted;
        try {
            inserted = em.createNativeQuery("INSERT INTO board_decision_key (caller, key, fingerprint) "
                            + "VALUES (:caller, :key, :fingerprint) ON CONFLICT DO NOTHING")
                    .setParameter("caller", caller).setParameter("key", key).setParameter("fingerprint", fingerprint)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (isLockTimeout(e)) {
                throw inProgress();
            }
            throw e;
        }
        em.createNativeQuery("SET LOCAL lock_timeout TO DEFAULT; SET LOCAL statement_timeout TO DEFAULT")
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, CAST(receipt AS text) FROM board_decision_key "
                        + "WHERE caller = :caller AND key = :key")
                .setParameter("caller", caller).setParameter("key", key).getResultList();
        Object[] row = rows.get(0);
        if (row[1] == null) {
            throw inProgress();
        }
        return Optional.of(new Earlier((String) row[0], Documents.read(Documents.BOARD_DECISIONS_RECEIPT,
                (String) row[1], Receipt.class, "board decision key " + key)));
    }

    @Override
    public void complete(String caller, String key, Receipt receipt) {
        em.createNativeQuery("UPDATE board_decision_key SET receipt = CAST(:receipt AS jsonb) "
                        + "WHERE caller = :caller AND key = :key")
                .setParameter("receipt", Documents.write(Documents.BOARD_DECISIONS_RECEIPT, receipt))
                .setParameter("caller", caller).setParameter("key", key).executeUpdate();
    }

    private static Conflict inProgress() {
        return new Conflict("idempotency-in-progress", "a request with this Idempotency-Key is still being "
                + "processed; retry shortly to get its answer");
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
