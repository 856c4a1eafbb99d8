package se.socialfund.application.usecase.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import se.socialfund.application.port.in.task.TaskQuery;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.followup.Deadline;
import se.socialfund.domain.shared.Actor;

/**
 * The work queue, decided by nothing but the application's own {@code allowedActions} for the caller: a task is
 * exactly an application whose allowed actions are not empty. Only the stages in which one of the caller's roles has
 * a step are loaded.
 */
public final class TaskQueryService implements TaskQuery {
    /** Deadline first (none last), then the oldest change first, then the id: a total order for keyset paging. */
    static final Comparator<TaskKey> URGENCY = Comparator
            .comparing(TaskKey::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskKey::waitingSince)
            .thenComparing(TaskKey::applicationId);

    private final AuditedChanges changes;
    private final ApplicationRepository applications;

    public TaskQueryService(AuditedChanges changes, ApplicationRepository applications) {
        this.changes = changes;
        this.applications = applications;
    }

    @Override
    public TaskPage tasks(Action action, int limit, TaskKey after) {
        return changes.read("listTasks", (caller, subject) -> {
            Actor actor = caller.actor();
            Set<Stage> stages = stagesWithAStepFor(actor, action);
            if (stages.isEmpty()) {
                return new TaskPage(List.of(), null);
            }
            List<Task> all = applications.inStages(stages).stream()
                    .map(app -> task(app, actor, subject.today(), subject.zone()))
                    .flatMap(Optional::stream)
                    .filter(t -> action == null || t.actions().contains(action))
                    .filter(t -> after == null || URGENCY.compare(t.key(), after) > 0)
                    .sorted(Comparator.comparing(Task::key, URGENCY))
                    .limit(limit + 1L)
                    .toList();
            if (all.size() <= limit) {
                return new TaskPage(all, null);
            }
            List<Task> page = all.subList(0, limit);
            return new TaskPage(page, page.get(limit - 1).key());
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

    /** The stages in which a step of one of the actor's roles may be taken: no other application can be a task. */
    static Set<Stage> stagesWithAStepFor(Actor actor, Action only) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        Arrays.stream(Action.values())
                .filter(a -> only == null || a == only)
                .filter(a -> actor.hasAny(a.roles()))
                .forEach(a -> stages.addAll(a.from()));
        return stages;
    }
}
