package se.socialfund.application.usecase.idea;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.application.fakes.InMemoryApplicationPeriods;
import se.socialfund.application.fakes.InMemoryAuditTrail;
import se.socialfund.application.fakes.InMemoryIdempotencyKeys;
import se.socialfund.application.fakes.InlineUnitOfWork;
import se.socialfund.application.fakes.SequentialRegistrationNumbers;
import se.socialfund.application.fakes.SettableCaller;
import se.socialfund.application.fakes.SettableClock;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.SubmitApplicationUseCase;
import se.socialfund.application.port.in.idea.IdeaSummary;
import se.socialfund.application.port.in.idea.IdeaUseCases.Conversion;
import se.socialfund.application.port.in.idea.IdeaUseCases.StepCommand;
import se.socialfund.application.port.in.idea.IdeaUseCases.SubmitIdea;
import se.socialfund.application.port.out.idea.IdeaRepository;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.domain.idea.Idea;
import se.socialfund.domain.idea.IdeaContent;
import se.socialfund.domain.idea.IdeaContent.Organisation;
import se.socialfund.domain.idea.IdeaEvent;
import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaStage;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The idea use cases on fakes: a refused conversion makes no application, and the contact is removed in views. */
class IdeaServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final SettableCaller caller = new SettableCaller();
    private final SettableClock clock = new SettableClock(TODAY.atTime(12, 0).atZone(ZONE).toInstant());
    private final AuditedChanges changes = new AuditedChanges(new InlineUnitOfWork(), new InMemoryAuditTrail(),
            caller, clock, ZONE);
    private final FakeIdeas ideas = new FakeIdeas();
    private final InMemoryApplicationPeriods periods = new InMemoryApplicationPeriods();
    private final List<SubmitApplicationUseCase.Command> submitted = new ArrayList<>();
    private final SubmitApplicationUseCase submit = c -> {
        submitted.add(c);
        return new SubmitApplicationUseCase.Result(new SubmitApplicationUseCase.Receipt(UUID.randomUUID(),
                "KS 2026/0099", UUID.randomUUID(), "RECEIVED", 1, Instant.now()), false);
    };
    private final IdeaService service = new IdeaService(changes, ideas, new SequentialRegistrationNumbers(),
            new InMemoryIdempotencyKeys(), periods, submit, 60);

    static Actor actor(String subject, String office, Role role) {
        return new Actor(subject, subject, Set.of(role), Optional.ofNullable(office), Optional.empty());
    }

    private static final Actor FORM = actor("form", null, Role.FORM_INTEGRATION);
    private static final Actor OFFICER = actor("officer", null, Role.FUND_OFFICER);
    private static final Actor HEAD = actor("head", "soc", Role.OFFICE_HEAD);
    private static final Actor OTHER = actor("other", "kul", Role.APPLICANT);

    private UUID sponsored() {
        caller.set(FORM);
        IdeaContent content = new IdeaContent("Idé", "Behov", new IdeaContent.TargetGroup("Barn", 12), null, "M",
                "E", List.of("soc"), Money.of("1000"), "Ett år", new Organisation("Föreningen", "212000-0449"), null,
                new IdeaContent.Contact("Kim", "kim@example.org", null));
        UUID id = service.submit(new SubmitIdea.Command(content, "key-12345678", "fp")).receipt().ideaId();
        caller.set(OFFICER);
        service.startScreening(new StepCommand<>(id, 1, null));
        assertThat(service.get(id).contactShown()).isTrue();
        caller.set(HEAD);
        service.sponsor(new StepCommand<>(id, 2, "Vi tar den"));
        return id;
    }

    @Test
    void a_conversion_refused_for_another_office_a_closed_period_or_twice_makes_no_application() {
        UUID id = sponsored();
        caller.set(OTHER);
        assertThatThrownBy(() -> service.convert(new StepCommand<>(id, 3, new Conversion(null, null))))
                .isInstanceOf(NotFound.class);
        caller.set(HEAD);
        assertThatThrownBy(() -> service.convert(new StepCommand<>(id, 3, new Conversion(null, null))))
                .as("no application content").hasMessageContaining("application");
        assertThatThrownBy(() -> service.convert(new StepCommand<>(id, 3, new Conversion(
                placeholderContent(), null)))).isInstanceOf(Conflict.class).hasMessageContaining("no application period");
        assertThat(submitted).isEmpty();
        periods.add(new ApplicationPeriod(UUID.randomUUID(), "Våren", TODAY.minusDays(1), TODAY.plusDays(30),
                Instant.EPOCH, "officer"));
        var view = service.convert(new StepCommand<>(id, 3, new Conversion(placeholderContent(), null)));
        assertThat(view.idea().stage()).isEqualTo(IdeaStage.CONVERTED);
        assertThat(submitted).hasSize(1);
        assertThat(ideas.origins).containsKey(view.idea().conversion().applicationId());
        assertThatThrownBy(() -> service.convert(new StepCommand<>(id, 4, new Conversion(placeholderContent(),
                null)))).isInstanceOf(IllegalTransition.class);
        assertThat(submitted).hasSize(1);
    }

    @Test
    void a_retry_with_the_key_answers_the_first_idea_and_the_contact_is_removed_for_an_auditor() {
        UUID id = sponsored();
        caller.set(actor("auditor", null, Role.AUDITOR));
        var view = service.get(id);
        assertThat(view.contactShown()).isFalse();
        assertThat(view.idea().content().contact()).isNull();
        caller.set(FORM);
        var replay = service.submit(new SubmitIdea.Command(null, "key-12345678", "fp"));
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.receipt().ideaId()).isEqualTo(id);
        assertThat(ideas.byId).hasSize(1);
    }

    /** Content the fake submission never reads. */
    private static se.socialfund.domain.application.ApplicationContent placeholderContent() {
        return new se.socialfund.domain.application.ApplicationContent("T", null, null, null, null, null, null, null,
                null, null, null);
    }

    static final class FakeIdeas implements IdeaRepository {
        final Map<UUID, IdeaSnapshot> byId = new HashMap<>();
        final Map<UUID, UUID> origins = new HashMap<>();

        @Override
        public Optional<Idea> find(UUID id) {
            return Optional.ofNullable(byId.get(id)).map(Idea::restore);
        }

        @Override
        public Optional<Idea> lockForUpdate(UUID id) {
            return find(id);
        }

        @Override
        public void add(Idea idea) {
            byId.put(idea.id(), idea.snapshot());
        }

        @Override
        public void update(Idea idea, long loadedVersion) {
            assertThat(byId.get(idea.id()).version()).isEqualTo(loadedVersion);
            byId.put(idea.id(), idea.snapshot());
        }

        @Override
        public Page<IdeaSummary> list(Filter filter, int limit, Long after) {
            return new Page<>(List.of(), null);
        }

        @Override
        public List<IdeaEvent> history(UUID id) {
            return List.of();
        }

        @Override
        public List<IdeaSnapshot> inStages(Set<IdeaStage> stages) {
            return byId.values().stream().filter(s -> stages.contains(s.stage())).toList();
        }

        @Override
        public void recordOrigin(UUID applicationId, UUID ideaId, List<Organisation> externalPartners) {
            origins.put(applicationId, ideaId);
        }
    }
}
