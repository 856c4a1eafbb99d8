package se.socialfund.adapters.persistence.board;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.out.board.MemoPriorities;
import se.socialfund.domain.board.Priorities;
import se.socialfund.domain.shared.StaleVersion;

/** The memos' priority orders, one row a period, changed only on the version it was read at. */
@ApplicationScoped
public class MemoPriorityStore implements MemoPriorities {
    @Inject
    EntityManager em;

    @Override
    public Optional<Priorities> find(UUID periodId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(priorities AS text[]), version, set_at, set_by "
                + "FROM decision_memo_priority WHERE period_id = :period").setParameter("period", periodId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Priorities(periodId, SqlArrays.texts(r[0]).stream()
                .map(UUID::fromString).toList(), ((Number) r[1]).longValue(), SqlArrays.instant(r[2]),
                (String) r[3]));
    }

    @Override
    public void save(Priorities p, long previousVersion) {
        String order = SqlArrays.literal(p.order().stream().map(UUID::toString).toList());
        int changed;
        if (previousVersion == 0) {
            changed = em.createNativeQuery("INSERT INTO decision_memo_priority (period_id, priorities, version, "
                            + "set_at, set_by) VALUES (:period, CAST(CAST(:order AS text[]) AS uuid[]), :version, "
                            + ":at, :by) ON CONFLICT DO NOTHING")
                    .setParameter("period", p.periodId()).setParameter("order", order)
                    .setParameter("version", p.version()).setParameter("at", SqlArrays.utc(p.setAt()))
                    .setParameter("by", p.setBy()).executeUpdate();
        } else {
            changed = em.createNativeQuery("UPDATE decision_memo_priority SET priorities = "
                            + "CAST(CAST(:order AS text[]) AS uuid[]), version = :version, set_at = :at, set_by = :by "
                            + "WHERE period_id = :period AND version = :previous")
                    .setParameter("period", p.periodId()).setParameter("order", order)
                    .setParameter("version", p.version()).setParameter("at", SqlArrays.utc(p.setAt()))
                    .setParameter("by", p.setBy()).setParameter("previous", previousVersion).executeUpdate();
        }
        if (changed != 1) {
            throw new StaleVersion(previousVersion, find(p.periodId()).map(Priorities::version).orElse(0L));
        }
    }
}
