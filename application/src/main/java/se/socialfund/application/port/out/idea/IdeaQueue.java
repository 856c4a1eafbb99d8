package se.socialfund.application.port.out.idea;

import java.util.List;

import se.socialfund.application.port.in.task.TaskQuery.TaskKey;
import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaTasks;
import se.socialfund.domain.shared.Actor;

/**
 * The work queue's idea candidates, paged in the store like the applications' ({@code WorkQueue}): the ideas that
 * lie in one of the actor's {@link IdeaTasks.Scope}s with one of its steps waiting, in the queue's order (earliest
 * deadline, none last; then the longest waiting; then the id), after a key. The caller confirms each with
 * {@link IdeaTasks#waitingFor}.
 */
public interface IdeaQueue {
    record Candidate(IdeaSnapshot idea, TaskKey key) {
    }

    /** At most {@code limit} candidates after {@code after} (null: from the start); fewer means there are no more. */
    List<Candidate> candidates(Actor actor, List<IdeaTasks.Scope> scopes, TaskKey after, int limit);
}
