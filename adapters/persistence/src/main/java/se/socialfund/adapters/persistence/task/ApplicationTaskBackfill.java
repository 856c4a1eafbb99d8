package se.socialfund.adapters.persistence.task;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import org.jboss.logging.Logger;

import se.socialfund.adapters.persistence.ApplicationStore;
import se.socialfund.domain.application.ApplicationSnapshot;

/**
 * Fills the work queue's rows of the applications that existed before V35 made the table (V35 leaves a mark in
 * {@code application_task_backfill} when there were any): once, at start, in one transaction, by the domain's rule
 * in Java ({@link ApplicationTaskRows}) rather than a copy of it in SQL. The mark's row lock makes a second instance
 * starting at the same time wait and then find nothing to do.
 */
@ApplicationScoped
public class ApplicationTaskBackfill {
    private static final Logger LOG = Logger.getLogger(ApplicationTaskBackfill.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    ApplicationStore applications;

    @Inject
    ZoneId zone;

    void onStart(@Observes StartupEvent event) {
        fillIfMarked();
    }

    /** Fills the rows if the mark is there; returns how many applications were read (0 when not marked). */
    public long fillIfMarked() {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            if (em.createNativeQuery("SELECT pending FROM application_task_backfill FOR UPDATE").getResultList()
                    .isEmpty()) {
                return 0L;
            }
            em.createNativeQuery("DELETE FROM application_task").executeUpdate();
            long read = 0;
            long after = Long.MIN_VALUE;
            while (true) {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("SELECT position, id FROM application WHERE position > :after"
                        + " ORDER BY position LIMIT " + BATCH).setParameter("after", after).getResultList();
                if (rows.isEmpty()) {
                    break;
                }
                Map<UUID, ApplicationSnapshot> batch = applications.snapshots(rows.stream().map(r -> (UUID) r[1])
                        .toList());
                for (ApplicationSnapshot app : batch.values()) {
                    ApplicationTaskRows.insert(em, app, zone);
                }
                read += rows.size();
                after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
                em.flush();
                em.clear();
            }
            em.createNativeQuery("DELETE FROM application_task_backfill").executeUpdate();
            LOG.infof("the work queue's rows were filled for %d applications stored before it existed", read);
            return read;
        });
    }
}
