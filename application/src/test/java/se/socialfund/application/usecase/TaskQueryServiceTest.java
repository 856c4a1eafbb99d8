package se.socialfund.application.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.task.TaskQuery.Task;
import se.socialfund.application.port.in.task.TaskQuery.TaskKey;
import se.socialfund.application.port.in.task.TaskQuery.TaskPage;
import se.socialfund.application.port.out.idea.IdeaQueue;
import se.socialfund.application.port.out.task.WorkQueue;
import se.socialfund.application.usecase.task.TaskQueryService;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.idea.Idea;
import se.socialfund.domain.idea.IdeaAction;
import se.socialfund.domain.idea.IdeaContent;
import se.socialfund.domain.idea.IdeaTasks;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.application.TaskScope;
import se.socialfund.domain.shared.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static se.socialfund.application.usecase.World.*;

/**
 * The queue's use case pages what the store offers, asks it with the caller's scopes, and keeps only what
 * {@code allowedActions} confirms: a candidate the rule refuses is skipped and the store asked for more, and the
 * next page starts after the store's key of the last task given.
 */
class TaskQueryServiceTest {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String LEAD = "utb";
    static final String OTHER = "kul";

    /** A store that offers every application in a fixed order, whatever the scopes: the rule must sort it out. */
    static final class EverythingQueue implements WorkQueue {
        final List<Candidate> all = new ArrayList<>();
        final List<List<TaskScope>> askedWith = new ArrayList<>();
        int calls;

        @Override
        public List<Candidate> candidates(Actor actor, List<TaskScope> scopes, TaskKey after, int limit) {
            calls++;
            askedWith.add(scopes);
            int from = 0;
            if (after != null) {
                while (from < all.size() && !all.get(from).key().equals(after)) {
                    from++;
                }
                from++;
            }
            return all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        }
    }

    @Test
    void refused_candidates_are_skipped_and_the_pages_follow_the_stores_keys() {
        World world = World.on(DAY).withPeriodAround(DAY);
        List<UUID> ids = new ArrayList<>();
        ids.add(world.submitted(LEAD).applicationId());
        ids.add(world.submitted(OTHER).applicationId()); // another office's: not the applicant's task
        ids.add(world.submitted(LEAD).applicationId());
        ids.add(world.submitted(OTHER).applicationId());
        ids.add(world.submitted(LEAD).applicationId());
        EverythingQueue queue = new EverythingQueue();
        long n = 0;
        for (UUID id : ids) {
            var snapshot = world.applications.find(id).orElseThrow().snapshot();
            queue.all.add(new WorkQueue.Candidate(snapshot, new TaskKey(null, snapshot.updatedAt().plusSeconds(n++),
                    id)));
        }
        TaskQueryService tasks = new TaskQueryService(world.changes, queue);
        Actor applicant = applicant(LEAD);
        world.as(applicant);

        TaskPage first = tasks.tasks(null, 2, null);
        assertThat(first.items()).extracting(Task::applicationId).containsExactly(ids.get(0), ids.get(2));
        assertThat(first.items()).allSatisfy(t -> assertThat(t.actions()).containsExactly(Action.WITHDRAW));
        assertThat(first.next()).isEqualTo(queue.all.get(2).key());
        TaskPage second = tasks.tasks(null, 2, first.next());
        assertThat(second.items()).extracting(Task::applicationId).containsExactly(ids.get(4));
        assertThat(second.next()).isNull();
        assertThat(queue.askedWith).allSatisfy(s -> assertThat(s).isEqualTo(TaskScope.of(applicant, null)));
        // the first page needed a second batch: one of the first three was refused
        assertThat(queue.calls).isGreaterThanOrEqualTo(3);

        // a fund officer's step filter: every application offers it
        world.as(fundOfficer());
        TaskPage assessing = tasks.tasks(Action.ASSESS_CRITERIA, 10, null);
        assertThat(assessing.items()).extracting(Task::applicationId).containsExactlyElementsOf(ids);
        assertThat(assessing.next()).isNull();
        // an auditor takes no step: the store is not even asked
        int before = queue.calls;
        world.as(auditor());
        assertThat(tasks.tasks(null, 10, null).items()).isEmpty();
        assertThat(queue.calls).isEqualTo(before);
    }

    /** Candidates in the order of their keys' times (distinct here, no deadlines), from after a key's time on. */
    static <C> List<C> after(List<C> all, java.util.function.Function<C, TaskKey> key, TaskKey after, int limit) {
        List<C> later = all.stream().filter(c -> after == null
                || key.apply(c).waitingSince().isAfter(after.waitingSince())).toList();
        return later.subList(0, Math.min(limit, later.size()));
    }

    /** Stores that offer every application or idea in a fixed order, after any key (one of either kind). */
    static final class OrderedQueue implements WorkQueue {
        final List<Candidate> all = new ArrayList<>();

        @Override
        public List<Candidate> candidates(Actor actor, List<TaskScope> scopes, TaskKey after, int limit) {
            return after(all, Candidate::key, after, limit);
        }
    }

    static final class EveryIdea implements IdeaQueue {
        final List<Candidate> all = new ArrayList<>();

        @Override
        public List<Candidate> candidates(Actor actor, List<IdeaTasks.Scope> scopes, TaskKey after, int limit) {
            return after(all, Candidate::key, after, limit);
        }
    }

    /**
     * Ideas waiting for the caller join the applications' queue in the same order (issue 16): the pages are the merge
     * of both, and the cursor continues both; a step filter (an application's step) leaves the ideas out.
     */
    @Test
    void ideas_waiting_for_the_caller_are_merged_into_the_pages_in_the_queues_order() {
        World world = World.on(DAY).withPeriodAround(DAY);
        OrderedQueue queue = new OrderedQueue();
        EveryIdea ideas = new EveryIdea();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        List<UUID> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i % 2 == 0) {
                UUID id = world.submitted(LEAD).applicationId();
                var snapshot = world.applications.find(id).orElseThrow().snapshot();
                queue.all.add(new WorkQueue.Candidate(snapshot, new TaskKey(null, t0.plusSeconds(i), id)));
                expected.add(id);
            } else {
                IdeaContent content = new IdeaContent("Idé", "Behov", new IdeaContent.TargetGroup("Barn", 12), null,
                        "M", "E", List.of(LEAD), Money.of("1000"), "Ett år",
                        new IdeaContent.Organisation("Föreningen", "212000-0449"), null,
                        new IdeaContent.Contact("Kim", "kim@example.org", null));
                Idea idea = Idea.receive(UUID.randomUUID(), new RegistrationNumber("KS", 2026, 100 + i), content,
                        new Step(fundOfficer(), 0, t0, java.time.ZoneId.of("Europe/Stockholm")));
                ideas.all.add(new IdeaQueue.Candidate(idea.snapshot(), new TaskKey(null, t0.plusSeconds(i),
                        idea.id())));
                expected.add(idea.id());
            }
        }
        TaskQueryService tasks = new TaskQueryService(world.changes, queue, ideas, 60);
        world.as(fundOfficer());
        List<UUID> read = new ArrayList<>();
        TaskKey cursor = null;
        int pages = 0;
        do {
            TaskPage page = tasks.tasks(null, 2, cursor);
            page.items().forEach(t -> read.add(t.isIdea() ? t.ideaId() : t.applicationId()));
            page.items().stream().filter(Task::isIdea).forEach(t -> assertThat(t.ideaActions())
                    .containsExactly(IdeaAction.START_SCREENING, IdeaAction.DECLINE));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
        assertThat(tasks.tasks(Action.ASSESS_CRITERIA, 10, null).items()).noneMatch(Task::isIdea).hasSize(3);
    }
}
