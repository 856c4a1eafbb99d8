package se.socialfund.application.usecase.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import se.socialfund.application.port.in.task.TaskQuery;
import se.socialfund.application.port.out.task.WorkQueue;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.TaskScope;
import se.socialfund.domain.followup.Deadline;
import se.socialfund.domain.shared.Actor;

/**
 * The work queue, decided by nothing but the application's own {@code allowedActions} for the caller: a task is
 * exactly an application whose allowed actions are not empty. The candidates come paged from the store
 * ({@link WorkQueue}), selected by the caller's {@link TaskScope}s (computed from the domain's rules) and the steps
 * each application's stage and state make possible (stored with every change), so the cost of a page does not grow
 * with the number of applications; each candidate is confirmed here with {@code allowedActions}.
 */
public final class TaskQueryService implements TaskQuery {
    private final AuditedChanges changes;
    private final WorkQueue queue;

    public TaskQueryService(AuditedChanges changes, WorkQueue queue) {
        this.changes = changes;
        this.queue = queue;
    }

    @Override
    public TaskPage tasks(Action action, int limit, TaskKey after) {
        return changes.read("listTasks", (caller, subject) -> {
            Actor actor = caller.actor();
            List<TaskScope> scopes = TaskScope.of(actor, action);
            if (scopes.isEmpty()) {
                return new TaskPage(List.of(), null);
            }
            // one more than a page tells whether there is a next one; a candidate the final check refuses (the
            // store and the rule disagree, which they should not) is skipped and the store asked for more
            List<Task> found = new ArrayList<>();
            List<TaskKey> keys = new ArrayList<>();
            TaskKey from = after;
            while (found.size() <= limit) {
                int wanted = limit + 1 - found.size();
                List<WorkQueue.Candidate> batch = queue.candidates(actor, scopes, from, wanted);
                for (WorkQueue.Candidate c : batch) {
                    Optional<Task> task = task(c.application(), actor, subject.today(), subject.zone())
                            .filter(t -> action == null || t.actions().contains(action));
                    if (task.isPresent()) {
                        found.add(task.get());
                        keys.add(c.key());
                    }
                }
                if (batch.size() < wanted) {
                    break;
                }
                from = batch.get(batch.size() - 1).key();
            }
            if (found.size() <= limit) {
                return new TaskPage(found, null);
            }
            return new TaskPage(found.subList(0, limit), keys.get(limit - 1));
        });
    }

    /** The application as a task of this actor, if it is one: visible, and with a step allowed now. */
    static Optional<Task> task(ApplicationSnapshot snapshot, Actor actor, LocalDate today, ZoneId zone) {
        Application app = Application.restore(snapshot);
        if (!app.isVisibleTo(actor)) {
            return Optional.empty();
        }
        List<Action> allowed = app.allowedActions(actor);
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Deadline> due = Deadline.owedBy(snapshot, today, zone).stream().min(Comparator.comparing(Deadline::dueOn));
        return Optional.of(new Task(app.id(), app.registrationNumber().toString(), app.stage(), app.version(),
                allowed, due.map(Deadline::dueOn).orElse(null), due.map(d -> d.kind().name()).orElse(null),
                snapshot.updatedAt()));
    }
}
