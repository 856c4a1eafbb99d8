package se.socialfund.application.port.out.task;

import java.util.List;

import se.socialfund.application.port.in.task.TaskQuery.TaskKey;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.TaskScope;
import se.socialfund.domain.shared.Actor;

/**
 * The work queue's candidates, paged in the store: the applications that lie in one of the actor's
 * {@link TaskScope}s with one of that scope's actions among their stored {@code possibleActions}, in the queue's
 * order (earliest deadline, none last; then the longest waiting; then the id), after a key. The store keeps what
 * it selects by with every change of an application; the caller confirms each candidate with
 * {@code allowedActions}.
 */
public interface WorkQueue {
    /** A candidate and where it lies in the queue's order (the order of the store, which keyset paging follows). */
    record Candidate(ApplicationSnapshot application, TaskKey key) {
    }

    /**
     * At most {@code limit} candidates after {@code after} (null: from the start), each once, in the queue's order.
     * Fewer than {@code limit} means there are no more.
     */
    List<Candidate> candidates(Actor actor, List<TaskScope> scopes, TaskKey after, int limit);
}
