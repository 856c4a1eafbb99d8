package se.socialfund.application.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.ApplicationSummary;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.out.ApplicationFilter;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationEvent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.EventType;
import se.socialfund.domain.application.Revision;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.StaleVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ApplicationRepository} promises, run against the in-memory fake (application module) and the
 * PostgreSQL store (bootstrap), so that a fake cannot drift from the real store: newest first, keyset paging, each
 * filter and their combinations, optimistic locking, and find, history, revisions and stages.
 *
 * <p>The suite may share its database with other tests: each test works in a scope of its own (a new period,
 * office codes and submitters no other test uses), and where it lists without those it relies on what it added
 * last being the newest. All test applications are built by {@link ContractFixtures}.
 */
public abstract class ApplicationRepositoryContract {
    private static final AtomicInteger SCOPES = new AtomicInteger();

    /** The repository under test. */
    protected abstract ApplicationRepository repository();

    /** Each call of the repository runs in one of its transactions. */
    protected abstract UnitOfWork unitOfWork();

    protected abstract RegistrationNumbers registrationNumbers();

    /** Stores the period, where applications must name a stored one. */
    protected abstract void storePeriod(ApplicationPeriod period);

    private Scope scope;

    @BeforeEach
    void newScope() {
        scope = new Scope();
    }

    // ---- ordering and paging --------------------------------------------------------------------------------------

    @Test
    void lists_newest_first_with_and_without_a_filter() {
        Application a = add(scope.submitted(scope.lead, scope.partner));
        Application b = add(scope.submitted(scope.lead));
        Application c = add(scope.submitted(scope.other));

        Page<ApplicationSummary> inPeriod = list(byPeriod(scope.period.id()), 10, null);
        assertThat(ids(inPeriod)).containsExactly(c.id(), b.id(), a.id());
        assertThat(inPeriod.after()).isNull();
        assertThat(inPeriod.items()).extracting(ApplicationSummary::position).isSortedAccordingTo(
                (x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();
        assertThat(ids(list(none(), 3, null))).containsExactly(c.id(), b.id(), a.id());

        ApplicationSummary first = inPeriod.items().get(2);
        assertThat(first.registrationNumber()).isEqualTo(a.registrationNumber().toString());
        assertThat(first.title()).isEqualTo("Early support in preschool");
        assertThat(first.stage()).isEqualTo(Stage.RECEIVED);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.leadOffice()).isEqualTo(scope.lead);
        assertThat(first.offices()).containsExactly(scope.lead, scope.partner);
        assertThat(first.periodId()).isEqualTo(scope.period.id());
        assertThat(first.requestedAmount()).isEqualTo(ContractFixtures.REQUESTED);
        assertThat(first.grantedAmount()).isNull();
        assertThat(first.receivedAt()).isEqualTo(ContractFixtures.AT);
        assertThat(first.updatedAt()).isEqualTo(ContractFixtures.AT);
    }

    @Test
    void pages_by_keyset_after_the_last_item_shown_to_a_last_page_without_cursor() {
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(add(scope.submitted(scope.lead)).id());
        }
        ApplicationFilter filter = byPeriod(scope.period.id());

        Page<ApplicationSummary> first = list(filter, 2, null);
        assertThat(ids(first)).containsExactly(added.get(4), added.get(3));
        assertThat(first.after()).isEqualTo(first.items().get(1).position());
        Application later = add(scope.submitted(scope.lead)); // a newer one must not shift the next pages
        Page<ApplicationSummary> second = list(filter, 2, first.after());
        assertThat(ids(second)).containsExactly(added.get(2), added.get(1));
        Page<ApplicationSummary> last = list(filter, 2, second.after());
        assertThat(ids(last)).containsExactly(added.get(0));
        assertThat(last.after()).isNull();

        // a page exactly full is the last one when nothing follows
        Page<ApplicationSummary> whole = list(filter, 6, null);
        assertThat(ids(whole)).hasSize(6).startsWith(later.id());
        assertThat(whole.after()).isNull();
        Page<ApplicationSummary> allButOne = list(filter, 5, null);
        assertThat(allButOne.after()).isNotNull();
        assertThat(ids(list(filter, 5, allButOne.after()))).containsExactly(added.get(0));
    }

    // ---- filters ----------------------------------------------------------------------------------------------------

    @Test
    void filters_by_stage() {
        Application a = add(scope.submitted(scope.lead));
        Application b = add(scope.submitted(scope.lead));
        Application c = add(scope.submitted(scope.lead));
        change(b.id(), ContractFixtures::criteriaChecked);

        UUID period = scope.period.id();
        assertThat(ids(list(new ApplicationFilter(Stage.RECEIVED, null, period, null, null, null), 10, null)))
                .containsExactly(c.id(), a.id());
        Page<ApplicationSummary> checked = list(new ApplicationFilter(Stage.CRITERIA_CHECKED, null, period, null,
                null, null), 10, null);
        assertThat(ids(checked)).containsExactly(b.id());
        assertThat(checked.items().get(0).version()).isEqualTo(2);
        // without the period: what was added last is the newest received anywhere
        assertThat(ids(list(new ApplicationFilter(Stage.RECEIVED, null, null, null, null, null), 2, null)))
                .containsExactly(c.id(), a.id());
    }

    @Test
    void filters_by_any_office_taking_part_in_the_current_revision() {
        Application a = add(scope.submitted(scope.lead, scope.partner));
        Application b = add(scope.submitted(scope.partner));
        Application c = add(scope.submitted(scope.other));

        assertThat(ids(list(byOffice(scope.partner), 10, null))).containsExactly(b.id(), a.id());
        assertThat(ids(list(byOffice(scope.lead), 10, null))).containsExactly(a.id());
        assertThat(ids(list(byOffice(scope.other), 10, null))).containsExactly(c.id());
        assertThat(ids(list(byOffice(scope.name("nobody")), 10, null))).isEmpty();

        // a revision that replaces the partner moves the application from one office's list to the other's
        change(a.id(), ContractFixtures::criteriaChecked);
        change(a.id(), ContractFixtures::completionRequested);
        change(a.id(), app -> ContractFixtures.revised(app, scope.submitter, scope.lead, scope.other));
        assertThat(ids(list(byOffice(scope.partner), 10, null))).containsExactly(b.id());
        assertThat(ids(list(byOffice(scope.other), 10, null))).containsExactly(c.id(), a.id());
        assertThat(list(byOffice(scope.other), 10, null).items().get(1).offices())
                .containsExactly(scope.lead, scope.other);
        // and an office's list pages like the rest
        Page<ApplicationSummary> first = list(byOffice(scope.other), 1, null);
        assertThat(ids(first)).containsExactly(c.id());
        assertThat(ids(list(byOffice(scope.other), 1, first.after()))).containsExactly(a.id());
    }

    @Test
    void filters_by_period_and_by_registration_number() {
        Scope second = new Scope();
        Application a = add(scope.submitted(scope.lead));
        Application b = add(second.submitted(scope.lead));
        Application c = add(scope.submitted(scope.lead));

        assertThat(ids(list(byPeriod(scope.period.id()), 10, null))).containsExactly(c.id(), a.id());
        assertThat(ids(list(byPeriod(second.period.id()), 10, null))).containsExactly(b.id());
        assertThat(ids(list(byPeriod(UUID.randomUUID()), 10, null))).isEmpty();

        String number = b.registrationNumber().toString();
        assertThat(ids(list(new ApplicationFilter(null, null, null, number, null, null), 10, null)))
                .containsExactly(b.id());
        assertThat(ids(list(new ApplicationFilter(null, null, second.period.id(), number, null, null), 10, null)))
                .containsExactly(b.id());
        assertThat(ids(list(new ApplicationFilter(null, null, scope.period.id(), number, null, null), 10, null)))
                .isEmpty();
        assertThat(ids(list(new ApplicationFilter(null, null, null, "KS 1800/0001", null, null), 10, null)))
                .isEmpty();
    }

    @Test
    void visible_to_an_office_alone_and_with_the_other_filters() {
        Application a = add(scope.submitted(scope.lead, scope.partner));
        Application b = add(scope.submitted(scope.partner));
        Application c = add(scope.submitted(scope.other));
        change(b.id(), ContractFixtures::criteriaChecked);

        assertThat(ids(list(visibleTo(scope.partner, null, null), 10, null))).containsExactly(b.id(), a.id());
        assertThat(ids(list(visibleTo(scope.partner, scope.partner, null), 10, null)))
                .containsExactly(b.id(), a.id());
        // another office asked for: the caller's own applications in which that office takes part too
        assertThat(ids(list(visibleTo(scope.partner, scope.lead, null), 10, null))).containsExactly(a.id());
        assertThat(ids(list(visibleTo(scope.other, scope.lead, null), 10, null))).isEmpty();
        assertThat(ids(list(visibleTo(scope.partner, null, Stage.CRITERIA_CHECKED), 10, null)))
                .containsExactly(b.id());
        assertThat(ids(list(visibleTo(scope.other, null, Stage.CRITERIA_CHECKED), 10, null))).isEmpty();
        assertThat(ids(list(visibleTo(scope.other, null, null), 10, null))).containsExactly(c.id());
        Page<ApplicationSummary> first = list(visibleTo(scope.partner, null, null), 1, null);
        assertThat(ids(list(visibleTo(scope.partner, null, null), 1, first.after()))).containsExactly(a.id());
    }

    @Test
    void visible_to_a_submitter_alone_and_with_the_other_filters() {
        String otherSubmitter = scope.name("form");
        Application a = add(scope.submittedBy(scope.submitter, scope.lead));
        Application b = add(scope.submittedBy(otherSubmitter, scope.lead));
        Application c = add(scope.submittedBy(scope.submitter, scope.other));

        assertThat(ids(list(bySubmitter(scope.submitter, null, null, null), 10, null)))
                .containsExactly(c.id(), a.id());
        assertThat(ids(list(bySubmitter(scope.submitter, scope.lead, null, null), 10, null)))
                .containsExactly(a.id());
        assertThat(ids(list(bySubmitter(scope.submitter, null, scope.other, null), 10, null)))
                .containsExactly(c.id());
        assertThat(ids(list(bySubmitter(otherSubmitter, null, null, Stage.CRITERIA_CHECKED), 10, null))).isEmpty();
        change(b.id(), ContractFixtures::criteriaChecked);
        assertThat(ids(list(bySubmitter(otherSubmitter, null, null, Stage.CRITERIA_CHECKED), 10, null)))
                .containsExactly(b.id());
        Page<ApplicationSummary> first = list(bySubmitter(scope.submitter, null, null, null), 1, null);
        assertThat(ids(first)).containsExactly(c.id());
        Page<ApplicationSummary> next = list(bySubmitter(scope.submitter, null, null, null), 1, first.after());
        assertThat(ids(next)).containsExactly(a.id());
        assertThat(next.after()).isNull();
    }

    // ---- optimistic locking -----------------------------------------------------------------------------------------

    @Test
    void an_update_from_a_stale_load_is_refused_and_changes_nothing() {
        UUID id = add(scope.submitted(scope.lead)).id();
        Application first = find(id);
        Application second = find(id);
        ContractFixtures.criteriaChecked(first);
        run(() -> repository().update(first, 1));

        ContractFixtures.criteriaChecked(second); // valid on what it loaded: version 1
        assertThatThrownBy(() -> run(() -> repository().update(second, 1))).isInstanceOf(StaleVersion.class)
                .satisfies(e -> assertThat(((StaleVersion) e).currentVersion()).isEqualTo(2));
        Application third = find(id);
        ContractFixtures.completionRequested(third);
        assertThatThrownBy(() -> run(() -> repository().update(third, 7))).isInstanceOf(StaleVersion.class);

        Application stored = find(id);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.stage()).isEqualTo(Stage.CRITERIA_CHECKED);
        assertThat(tx(() -> repository().history(id))).extracting(ApplicationEvent::type)
                .containsExactly(EventType.RECEIVED, EventType.CRITERIA_ASSESSED);
        assertThat(list(byPeriod(scope.period.id()), 10, null).items()).singleElement()
                .satisfies(s -> assertThat(s.version()).isEqualTo(2));
    }

    // ---- find, history, revisions, stages ---------------------------------------------------------------------------

    @Test
    void find_history_and_revisions_follow_each_change() {
        assertThat(tx(() -> repository().find(UUID.randomUUID()))).isEmpty();
        Application app = add(scope.submitted(scope.lead, scope.partner));
        assertThat(find(app.id()).snapshot()).isEqualTo(app.snapshot());

        Application changed = change(app.id(), ContractFixtures::criteriaChecked);
        changed = change(app.id(), ContractFixtures::completionRequested);
        changed = change(app.id(), a -> ContractFixtures.revised(a, scope.submitter, scope.lead, scope.other));

        Application found = find(app.id());
        assertThat(found.snapshot()).isEqualTo(changed.snapshot());
        assertThat(found.version()).isEqualTo(4);
        assertThat(found.snapshot().currentRevision().number()).isEqualTo(2);
        assertThat(found.offices()).containsExactly(scope.lead, scope.other);

        List<ApplicationEvent> history = tx(() -> repository().history(app.id()));
        assertThat(history).extracting(ApplicationEvent::type).containsExactly(EventType.RECEIVED,
                EventType.CRITERIA_ASSESSED, EventType.COMPLETION_REQUESTED, EventType.REVISION_SUBMITTED);
        assertThat(history).extracting(ApplicationEvent::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(history.get(3).details()).isEqualTo(Map.of("revision", "2", "completionRequest", "1"));
        assertThat(history.get(3).stageBefore()).isEqualTo(Stage.COMPLETION_REQUESTED);
        assertThat(history.get(3).at()).isEqualTo(ContractFixtures.AT);

        List<Revision> revisions = tx(() -> repository().revisions(app.id()));
        assertThat(revisions).extracting(Revision::number).containsExactly(1, 2);
        assertThat(revisions.get(0).content().officeCodes()).containsExactly(scope.lead, scope.partner);
        assertThat(revisions.get(1).answersCompletionRequest()).isEqualTo(1);
        assertThat(tx(() -> repository().revision(app.id(), 2))).contains(revisions.get(1));
        assertThat(tx(() -> repository().revision(app.id(), 3))).isEmpty();
        assertThat(tx(() -> repository().history(UUID.randomUUID()))).isEmpty();
        assertThat(tx(() -> repository().revisions(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void in_stages_restores_whole_the_applications_of_those_stages_only() {
        Application received = add(scope.submitted(scope.lead));
        Application checked = add(scope.submitted(scope.lead));
        Application expected = change(checked.id(), ContractFixtures::criteriaChecked);
        Set<UUID> ours = Set.of(received.id(), checked.id());

        List<ApplicationSnapshot> inChecked = ours(tx(() -> repository().inStages(
                EnumSet.of(Stage.CRITERIA_CHECKED))), ours);
        assertThat(inChecked).extracting(ApplicationSnapshot::id).containsExactly(checked.id());
        assertThat(inChecked.get(0)).isEqualTo(expected.snapshot());
        assertThat(ours(tx(() -> repository().inStages(EnumSet.of(Stage.RECEIVED, Stage.CRITERIA_CHECKED))), ours))
                .extracting(ApplicationSnapshot::id).containsExactlyInAnyOrder(received.id(), checked.id());
        assertThat(ours(tx(() -> repository().inStages(EnumSet.of(Stage.GRANTED))), ours)).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** What one test works in: a period, office codes and a submitter of its own. */
    private final class Scope {
        final int number = SCOPES.incrementAndGet();
        final ApplicationPeriod period;
        final String lead = name("lead");
        final String partner = name("partner");
        final String other = name("other");
        final String submitter = name("applicant");

        Scope() {
            LocalDate day = LocalDate.of(1901, 1, 1).plusDays(number);
            period = new ApplicationPeriod(UUID.randomUUID(), "Contract " + number, day, day,
                    ContractFixtures.AT, "contract-suite");
            run(() -> storePeriod(period));
        }

        String name(String what) {
            return "contract-" + number + "-" + what;
        }

        /** An application to add, submitted by this scope's applicant. */
        Supplier<Application> submitted(String lead, String... partners) {
            return submittedBy(submitter, lead, partners);
        }

        Supplier<Application> submittedBy(String by, String lead, String... partners) {
            return () -> ContractFixtures.submitted(registrationNumbers().next(period.year()), period, by, lead,
                    partners);
        }
    }

    private <T> T tx(Supplier<T> work) {
        return unitOfWork().inTransaction(work);
    }

    private void run(Runnable work) {
        unitOfWork().inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Builds and adds an application in one transaction (its registration number is taken in it). */
    private Application add(Supplier<Application> submitted) {
        return tx(() -> {
            Application app = submitted.get();
            repository().add(app);
            return app;
        });
    }

    private Application find(UUID id) {
        return tx(() -> repository().find(id).orElseThrow());
    }

    /** Loads, applies the verb and stores in one transaction; answers the application as changed. */
    private Application change(UUID id, Consumer<Application> verb) {
        return tx(() -> {
            Application app = repository().find(id).orElseThrow();
            long loaded = app.version();
            verb.accept(app);
            repository().update(app, loaded);
            return app;
        });
    }

    private Page<ApplicationSummary> list(ApplicationFilter filter, int limit, Long after) {
        return tx(() -> repository().list(filter, limit, after));
    }

    private static List<UUID> ids(Page<ApplicationSummary> page) {
        return page.items().stream().map(ApplicationSummary::id).toList();
    }

    private static List<ApplicationSnapshot> ours(List<ApplicationSnapshot> apps, Set<UUID> ours) {
        return apps.stream().filter(a -> ours.contains(a.id())).toList();
    }

    private static ApplicationFilter none() {
        return new ApplicationFilter(null, null, null, null, null, null);
    }

    private static ApplicationFilter byPeriod(UUID period) {
        return new ApplicationFilter(null, null, period, null, null, null);
    }

    private static ApplicationFilter byOffice(String office) {
        return new ApplicationFilter(null, office, null, null, null, null);
    }

    private static ApplicationFilter visibleTo(String ownOffice, String office, Stage stage) {
        return new ApplicationFilter(stage, office, null, null, ownOffice, null);
    }

    private static ApplicationFilter bySubmitter(String submitter, String office, String visibleToOffice,
                                                 Stage stage) {
        return new ApplicationFilter(stage, office, null, null, visibleToOffice, submitter);
    }
}
