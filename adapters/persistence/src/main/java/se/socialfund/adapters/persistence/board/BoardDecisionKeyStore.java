package se.socialfund.adapters.persistence.board;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import se.socialfund.adapters.persistence.Documents;
import se.socialfund.adapters.persistence.KeyClaims;
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

    @Inject
    EntityManager em;

    @Override
    public Optional<Earlier> claim(String caller, String key, String fingerprint) {
        if (KeyClaims.claim(em, "board_decision_key", caller, key, fingerprint, BoardDecisionKeyStore::inProgress)) {
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

}
