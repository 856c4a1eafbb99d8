package se.socialfund.application.port.in.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Stage;

/** The caller's work queue: every application on which they can take a step now, the most urgent first. */
public interface TaskQuery {
    /**
     * The tasks, ordered by deadline (none last), then by how long the application has waited, then by id; of one
     * step if {@code action} is given; after the key of the last task of the previous page.
     */
    TaskPage tasks(Action action, int limit, TaskKey after);

    record Task(UUID applicationId, String registrationNumber, Stage stage, long version, List<Action> actions,
                LocalDate dueOn, String deadline, Instant waitingSince) {
        public Task {
            actions = List.copyOf(actions);
        }

        public TaskKey key() {
            return new TaskKey(dueOn, waitingSince, applicationId);
        }
    }

    /** Where a task lies in the queue's order. */
    record TaskKey(LocalDate dueOn, Instant waitingSince, UUID applicationId) {
    }

    /** @param next the key to continue after, or null on the last page */
    record TaskPage(List<Task> items, TaskKey next) {
        public TaskPage {
            items = List.copyOf(items);
        }
    }
}
