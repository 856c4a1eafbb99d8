package se.socialfund.adapters.persistence.idea;

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

import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.in.task.TaskQuery.TaskKey;
import se.socialfund.application.port.out.idea.IdeaQueue;
import se.socialfund.domain.application.TaskScope;
import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaTasks;
import se.socialfund.domain.shared.Actor;

/**
 * The ideas' part of the work queue, as the applications' ({@code WorkQueueStore}): per scope one range of
 * {@code idea_task}'s key from the cursor on, merged in one statement, then the page's ideas read by key.
 */
@ApplicationScoped
public class IdeaQueueStore implements IdeaQueue {
    private static final String ORDER = "due_on, waiting_since, idea_id";

    @Inject
    EntityManager em;

    @Override
    public List<Candidate> candidates(Actor actor, List<IdeaTasks.Scope> scopes, TaskKey after, int limit) {
        if (scopes.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            IdeaTasks.Scope scope = scopes.get(i);
            StringBuilder part = new StringBuilder("SELECT idea_id, due_on, waiting_since FROM idea_task WHERE scope = "
                    + ":scope" + i + " AND actions && CAST(:actions" + i + " AS text[])");
            params.put("scope" + i, scope.where() == TaskScope.Where.OWN_OFFICE ? actor.office().orElseThrow()
                    : IdeaTasks.EVERY);
            params.put("actions" + i, SqlArrays.literal(scope.actions().stream().map(Enum::name).sorted().toList()));
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
        sql = "SELECT q.idea_id, CAST(q.due_on AS text), q.waiting_since, i.document FROM (" + sql + ") q "
                + "JOIN idea i ON i.id = q.idea_id ORDER BY q." + ORDER.replace(", ", ", q.");
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Candidate> candidates = new ArrayList<>();
        for (Object[] r : rows) {
            IdeaSnapshot idea = IdeaStore.read(r[3].toString());
            candidates.add(new Candidate(idea, new TaskKey("infinity".equals(r[1]) ? null : LocalDate.parse((String) r[1]),
                    SqlArrays.instant(r[2]), (UUID) r[0])));
        }
        return candidates;
    }
}
