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

    /**
     * Fills the rows if the mark is there, or if rows of the shape before V65 are (a place's row without its step,
     * as a release older than V65 writes them: one rolled back to and then forward again, or still running beside
     * a newer one); returns how many applications were read (0 when there was nothing to do). Instances starting
     * together take turns (a transaction-scoped advisory lock), and the later finds nothing to do.
     */
    public long fillIfMarked() {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('socialfund: application_task rebuild'))")
                    .getSingleResult();
            boolean marked = !em.createNativeQuery("SELECT pending FROM application_task_backfill FOR UPDATE")
                    .getResultList().isEmpty();
            // every application with a possible step has a row of the place "*": one in the old shape says enough
            if (!marked && em.createNativeQuery("SELECT 1 FROM application_task WHERE scope = :every LIMIT 1")
                    .setParameter("every", ApplicationTaskRows.EVERY).getResultList().isEmpty()) {
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
            LOG.infof("the work queue's rows were filled for %d applications (%s)", read,
                    marked ? "stored before the queue existed" : "rows of the shape before V65 found");
            return read;
        });
    }
}
