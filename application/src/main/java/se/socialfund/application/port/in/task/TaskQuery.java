package se.socialfund.application.port.in.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.idea.IdeaAction;
import se.socialfund.domain.idea.IdeaStage;

import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Stage;

/** The caller's work queue: every application on which they can take a step now, the most urgent first. */
public interface TaskQuery {
    /**
     * The tasks, ordered by deadline (none last), then by how long the application has waited, then by id; of one
     * step if {@code action} is given; after the key of the last task of the previous page.
     */
    TaskPage tasks(Action action, int limit, TaskKey after);

    /**
     * A task: an application (its id, stage and allowed steps) or, since issue 16, an idea (idéprövning) on which a
     * step waits for the caller ({@code ideaId}, {@code ideaStage}, {@code ideaActions}; the application's fields
     * null and empty).
     */
    record Task(UUID applicationId, String registrationNumber, Stage stage, long version, List<Action> actions,
                LocalDate dueOn, String deadline, Instant waitingSince, UUID ideaId, IdeaStage ideaStage,
                List<IdeaAction> ideaActions) {
        public Task {
            actions = List.copyOf(actions);
            ideaActions = ideaActions == null ? List.of() : List.copyOf(ideaActions);
        }

        /** An application's task. */
        public Task(UUID applicationId, String registrationNumber, Stage stage, long version, List<Action> actions,
                    LocalDate dueOn, String deadline, Instant waitingSince) {
            this(applicationId, registrationNumber, stage, version, actions, dueOn, deadline, waitingSince, null, null,
                    List.of());
        }

        /** An idea's task. */
        public static Task idea(UUID ideaId, String registrationNumber, IdeaStage stage, long version,
                                List<IdeaAction> actions, LocalDate dueOn, String deadline, Instant waitingSince) {
            return new Task(null, registrationNumber, null, version, List.of(), dueOn, deadline, waitingSince, ideaId,
                    stage, actions);
        }

        public boolean isIdea() {
            return ideaId != null;
        }

        public TaskKey key() {
            return new TaskKey(dueOn, waitingSince, isIdea() ? ideaId : applicationId);
        }
    }

    /**
     * Where a task lies in the queue's order; {@code applicationId} is the task's id (an application's, or an
     * idea's: the two never share an id).
     */
    record TaskKey(LocalDate dueOn, Instant waitingSince, UUID applicationId) {
    }

    /** @param next the key to continue after, or null on the last page */
    record TaskPage(List<Task> items, TaskKey next) {
        public TaskPage {
            items = List.copyOf(items);
        }
    }
}
