package se.socialfund.application.usecase.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import se.socialfund.application.port.in.task.TaskQuery;
import se.socialfund.application.port.out.idea.IdeaQueue;
import se.socialfund.application.port.out.task.WorkQueue;
import se.socialfund.domain.idea.IdeaAction;
import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaTasks;
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
    private final IdeaQueue ideas;
    private final int screeningDays;

    public TaskQueryService(AuditedChanges changes, WorkQueue queue) {
        this(changes, queue, null, 0);
    }

    /**
     * @param ideas         the ideas' part of the queue (issue 16), merged with the applications' in the same order
     * @param screeningDays how long an idea's screening may take (its task's deadline)
     */
    public TaskQueryService(AuditedChanges changes, WorkQueue queue, IdeaQueue ideas, int screeningDays) {
        this.changes = changes;
        this.queue = queue;
        this.ideas = ideas;
        this.screeningDays = screeningDays;
    }

    @Override
    public TaskPage tasks(Action action, int limit, TaskKey after) {
        return changes.read("listTasks", (caller, subject) -> {
            Actor actor = caller.actor();
            // the two parts, each its first page and one after the cursor in the same order, merged: the first
            // page and one of the merge are among them
            List<Found> found = new ArrayList<>(applicationTasks(actor, action, limit, after, subject.today(),
                    subject.zone()));
            if (action == null && ideas != null) {
                found.addAll(ideaTasks(actor, limit, after, subject.zone()));
                found.sort(Comparator.comparing((Found f) -> f.key().dueOn(),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(f -> f.key().waitingSince())
                        // as PostgreSQL orders uuids (unsigned, byte by byte): their text in lower case
                        .thenComparing(f -> f.key().applicationId().toString()));
            }
            List<Task> tasks = found.stream().map(Found::task).toList();
            if (found.size() <= limit) {
                return new TaskPage(tasks, null);
            }
            return new TaskPage(tasks.subList(0, limit), found.get(limit - 1).key());
        });
    }

    /** The caller's idea tasks after the key: at most {@code limit + 1}, confirmed by the domain's rule. */
    private List<Found> ideaTasks(Actor actor, int limit, TaskKey after, java.time.ZoneId zone) {
        List<IdeaTasks.Scope> scopes = IdeaTasks.scopes(actor);
        List<Found> found = new ArrayList<>();
        if (scopes.isEmpty()) {
            return found;
        }
        TaskKey from = after;
        while (found.size() <= limit) {
            int wanted = limit + 1 - found.size();
            List<IdeaQueue.Candidate> batch = ideas.candidates(actor, scopes, from, wanted);
            for (IdeaQueue.Candidate c : batch) {
                IdeaSnapshot s = c.idea();
                List<IdeaAction> waiting = IdeaTasks.waitingFor(s, actor);
                if (!waiting.isEmpty()) {
                    java.time.LocalDate due = IdeaTasks.screeningDue(s, screeningDays, zone);
                    found.add(new Found(Task.idea(s.id(), s.registrationNumber().toString(), s.stage(), s.version(),
                            waiting, due, due == null ? null : "IDEA_SCREENING", s.updatedAt()), c.key()));
                }
            }
            if (batch.size() < wanted) {
                break;
            }
            from = batch.get(batch.size() - 1).key();
        }
        return found;
    }

    /** The caller's application tasks after the key: at most {@code limit + 1}. */
    private List<Found> applicationTasks(Actor actor, Action action, int limit, TaskKey after, LocalDate today,
                                        java.time.ZoneId zone) {
        {
            List<TaskScope> scopes = TaskScope.of(actor, action);
            if (scopes.isEmpty()) {
                return List.of();
            }
            // one more than a page tells whether there is a next one; a candidate the final check refuses (the
            // store and the rule disagree, which they should not) is skipped and the store asked for more
            List<Found> found = new ArrayList<>();
            TaskKey from = after;
            while (found.size() <= limit) {
                int wanted = limit + 1 - found.size();
                List<WorkQueue.Candidate> batch = queue.candidates(actor, scopes, from, wanted);
                for (WorkQueue.Candidate c : batch) {
                    Optional<Task> task = task(c.application(), actor, today, zone)
                            .filter(t -> action == null || t.actions().contains(action));
                    task.ifPresent(t -> found.add(new Found(t, c.key())));
                }
                if (batch.size() < wanted) {
                    break;
                }
                from = batch.get(batch.size() - 1).key();
            }
            return found;
        }
    }

    /** A task and its key in the store's order (which the cursor follows). */
    private record Found(Task task, TaskKey key) {
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
