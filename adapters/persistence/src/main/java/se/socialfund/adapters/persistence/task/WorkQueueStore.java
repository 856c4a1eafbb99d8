package se.socialfund.adapters.persistence.task;

import java.time.LocalDate;
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
import se.socialfund.adapters.persistence.event.SqlArrays;
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
    private static final String ORDER = "due_on, waiting_since, application_id";

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
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            TaskScope scope = scopes.get(i);
            StringBuilder part = new StringBuilder("SELECT application_id, due_on, waiting_since FROM application_task"
                    + " WHERE scope = :scope" + i + " AND actions && CAST(:actions" + i + " AS text[])");
            params.put("scope" + i, switch (scope.where()) {
                case EVERY_APPLICATION, OWN_SUBMISSIONS -> ApplicationTaskRows.EVERY;
                case OWN_OFFICE -> actor.office().orElseThrow();
            });
            params.put("actions" + i, SqlArrays.literal(scope.actions().stream().map(Action::name).sorted().toList()));
            if (scope.where() == TaskScope.Where.OWN_SUBMISSIONS) {
                part.append(" AND submitted_by = :subject");
                params.put("subject", actor.subject());
            }
            if (after != null) {
                part.append(" AND (").append(ORDER).append(") > (CAST(:afterDue AS date), :afterWaiting, :afterId)");
            }
            part.append(" ORDER BY ").append(ORDER).append(" LIMIT ").append(limit);
            parts.add(part.toString());
        }
        if (after != null) {
            params.put("afterDue", after.dueOn() == null ? "infinity" : after.dueOn().toString());
            params.put("afterWaiting", SqlArrays.utc(after.waitingSince()));
            params.put("afterId", after.applicationId());
        }
        String sql = parts.size() == 1 ? parts.get(0)
                : "(" + String.join(") UNION (", parts) + ") ORDER BY " + ORDER + " LIMIT " + limit;
        sql = "SELECT application_id, CAST(due_on AS text) AS due_text, waiting_since FROM (" + sql + ") q ORDER BY q."
                + ORDER.replace(", ", ", q.");
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<TaskKey> keys = rows.stream().map(r -> new TaskKey("infinity".equals(r[1]) ? null
                : LocalDate.parse((String) r[1]), SqlArrays.instant(r[2]), (UUID) r[0])).toList();
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
