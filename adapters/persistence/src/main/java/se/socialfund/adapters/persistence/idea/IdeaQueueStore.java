package se.socialfund.adapters.persistence.idea;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.socialfund.adapters.persistence.task.TaskRanges;
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
    @Inject
    EntityManager em;

    @Override
    public List<Candidate> candidates(Actor actor, List<IdeaTasks.Scope> scopes, TaskKey after, int limit) {
        if (scopes.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<TaskRanges.Range> ranges = scopes.stream().map(scope -> new TaskRanges.Range(
                scope.where() == TaskScope.Where.OWN_OFFICE ? actor.office().orElseThrow() : IdeaTasks.EVERY,
                scope.actions().stream().map(Enum::name).toList(), scope.where() == TaskScope.Where.OWN_SUBMISSIONS))
                .toList();
        String sql = "SELECT q.idea_id, CAST(q.due_on AS text), q.waiting_since, i.document FROM ("
                + TaskRanges.union("idea_task", "idea_id", ranges, actor.subject(), after, limit, params)
                + ") q JOIN idea i ON i.id = q.idea_id ORDER BY " + TaskRanges.order("idea_id", "q");
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Candidate> candidates = new ArrayList<>();
        for (Object[] r : rows) {
            IdeaSnapshot idea = IdeaStore.read(r[3].toString());
            candidates.add(new Candidate(idea, TaskRanges.key(r)));
        }
        return candidates;
    }
}
