package se.socialfund.adapters.persistence.board;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.out.board.PeriodCases;
import se.socialfund.domain.shared.NotFound;

/** The periods' board matters: their registration numbers and frozen memos (append-only rows). */
@ApplicationScoped
public class PeriodCaseStore implements PeriodCases {
    @Inject
    EntityManager em;

    @Override
    public Optional<String> numberOf(UUID periodId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT registration_number FROM period_case WHERE period_id = :p")
                .setParameter("p", periodId).getResultList();
        return rows.stream().findFirst();
    }

    @Override
    public Optional<String> lockForFreeze(UUID periodId) {
        // NO KEY UPDATE: serialises the freezes of one period without blocking the applications submitted to it
        // (their foreign key takes KEY SHARE on the period's row)
        List<?> locked = em.createNativeQuery("SELECT 1 FROM application_period WHERE id = :p FOR NO KEY UPDATE")
                .setParameter("p", periodId).getResultList();
        if (locked.isEmpty()) {
            throw new NotFound("application period " + periodId);
        }
        return numberOf(periodId);
    }

    @Override
    public void number(UUID periodId, String registrationNumber, Instant at) {
        em.createNativeQuery("INSERT INTO period_case (period_id, registration_number, numbered_at) "
                        + "VALUES (:p, :n, :at)").setParameter("p", periodId).setParameter("n", registrationNumber)
                .setParameter("at", SqlArrays.utc(at)).executeUpdate();
    }

    @Override
    public Optional<FrozenMemo> latestFrozen(UUID periodId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT f.document_id, f.memo_version, f.fingerprint "
                        + "FROM frozen_decision_memo f JOIN document d ON d.id = f.document_id "
                        + "WHERE f.period_id = :p ORDER BY d.position DESC LIMIT 1").setParameter("p", periodId).getResultList();
        return rows.stream().findFirst().map(r -> new FrozenMemo((UUID) r[0], ((Number) r[1]).longValue(),
                (String) r[2]));
    }

    @Override
    public void addFrozen(UUID periodId, FrozenMemo frozen, Instant at) {
        em.createNativeQuery("INSERT INTO frozen_decision_memo (document_id, period_id, memo_version, fingerprint, "
                        + "frozen_at) VALUES (:d, :p, :v, :f, :at)").setParameter("d", frozen.documentId())
                .setParameter("p", periodId).setParameter("v", frozen.memoVersion())
                .setParameter("f", frozen.fingerprint()).setParameter("at", SqlArrays.utc(at)).executeUpdate();
    }
}
