package se.socialfund.adapters.persistence.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.socialfund.adapters.persistence.ApplicationStore;
import se.socialfund.application.port.in.task.TaskQuery.TaskKey;
import se.socialfund.application.port.out.task.WorkQueue;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.TaskScope;
import se.socialfund.domain.shared.Actor;

/**
 * The work queue's candidates in one keyset-paged query over {@code application_task}: per scope an index range
 * of its primary key {@code (scope, due_on, waiting_since, application_id)} read in order from the cursor on,
 * keeping the rows whose possible steps meet the scope's, so a page reads about a page's worth of rows whatever the
 * number of applications. Two scopes (a caller with an office role and a role that sees every office) are merged
 * in the same statement. The page's applications are then read by key in one more query.
 */
@ApplicationScoped
public class WorkQueueStore implements WorkQueue {
    @Inject
    EntityManager em;

    @Inject
    ApplicationStore applications;

    @Override
    public List<Candidate> candidates(Actor actor, List<TaskScope> scopes, TaskKey after, int limit) {
        if (scopes.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        // one exact range per place and step (V65): the rows of a step the caller cannot take are never read
        List<TaskRanges.Range> ranges = scopes.stream().flatMap(scope -> {
            String place = switch (scope.where()) {
                case EVERY_APPLICATION, OWN_SUBMISSIONS -> ApplicationTaskRows.EVERY;
                case OWN_OFFICE -> actor.office().orElseThrow();
            };
            return scope.actions().stream().map(Action::name).sorted().map(step -> new TaskRanges.Range(
                    ApplicationTaskRows.scope(place, step), List.of(),
                    scope.where() == TaskScope.Where.OWN_SUBMISSIONS));
        }).toList();
        String sql = "SELECT application_id, CAST(due_on AS text) AS due_text, waiting_since FROM ("
                + TaskRanges.union("application_task", "application_id", ranges, actor.subject(), after, limit, params)
                + ") q ORDER BY " + TaskRanges.order("application_id", "q");
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<TaskKey> keys = rows.stream().map(TaskRanges::key).toList();
        Map<UUID, ApplicationSnapshot> found = applications.snapshots(keys.stream().map(TaskKey::applicationId)
                .toList());
        List<Candidate> candidates = new ArrayList<>();
        for (TaskKey key : keys) {
            ApplicationSnapshot app = found.get(key.applicationId());
            if (app != null) {
                candidates.add(new Candidate(app, key));
            }
        }
        return candidates;
    }
}
