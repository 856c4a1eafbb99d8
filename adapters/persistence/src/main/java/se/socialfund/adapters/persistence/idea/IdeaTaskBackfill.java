package se.socialfund.adapters.persistence.idea;

import java.util.EnumSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import org.jboss.logging.Logger;

import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaStage;

/**
 * Fills the work queue's rows of the ideas stored before V52 made {@code idea_task} (V52 leaves a mark when there
 * were any): once, at start, in one transaction, by the domain's rule ({@code IdeaTasks.places}). The mark's row lock
 * makes a second instance starting at the same time wait and then find nothing to do.
 */
@ApplicationScoped
public class IdeaTaskBackfill {
    private static final Logger LOG = Logger.getLogger(IdeaTaskBackfill.class);

    @Inject
    EntityManager em;

    @Inject
    IdeaStore ideas;

    void onStart(@Observes StartupEvent event) {
        fillIfMarked();
    }

    /** Fills the rows if the mark is there; answers how many open ideas were read (0 when not marked). */
    public long fillIfMarked() {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            if (em.createNativeQuery("SELECT pending FROM idea_task_backfill FOR UPDATE").getResultList().isEmpty()) {
                return 0L;
            }
            em.createNativeQuery("DELETE FROM idea_task").executeUpdate();
            long read = 0;
            for (IdeaSnapshot s : ideas.inStages(EnumSet.of(IdeaStage.RECEIVED, IdeaStage.SCREENING,
                    IdeaStage.SPONSORED))) {
                ideas.writeTasks(s, false);
                read++;
            }
            em.createNativeQuery("DELETE FROM idea_task_backfill").executeUpdate();
            LOG.infof("the work queue's rows were filled for %d ideas stored before it held ideas", read);
            return read;
        });
    }
}
