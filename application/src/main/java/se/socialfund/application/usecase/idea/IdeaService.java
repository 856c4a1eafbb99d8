package se.socialfund.application.usecase.idea;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.SubmitApplicationUseCase;
import se.socialfund.application.port.in.idea.IdeaSummary;
import se.socialfund.application.port.in.idea.IdeaUseCases.AnswerQuestion;
import se.socialfund.application.port.in.idea.IdeaUseCases.AskQuestion;
import se.socialfund.application.port.in.idea.IdeaUseCases.Conversion;
import se.socialfund.application.port.in.idea.IdeaUseCases.ConvertIdea;
import se.socialfund.application.port.in.idea.IdeaUseCases.DeclineIdea;
import se.socialfund.application.port.in.idea.IdeaUseCases.IdeaDeadlines;
import se.socialfund.application.port.in.idea.IdeaUseCases.IdeaQueries;
import se.socialfund.application.port.in.idea.IdeaUseCases.IdeaSearch;
import se.socialfund.application.port.in.idea.IdeaUseCases.IdeaWork;
import se.socialfund.application.port.in.idea.IdeaUseCases.SponsorIdea;
import se.socialfund.application.port.in.idea.IdeaUseCases.StartScreening;
import se.socialfund.application.port.in.idea.IdeaUseCases.StepCommand;
import se.socialfund.application.port.in.idea.IdeaUseCases.SubmitIdea;
import se.socialfund.application.port.in.idea.IdeaUseCases.WithdrawIdea;
import se.socialfund.application.port.in.idea.IdeaView;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.IdempotencyKeys;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.application.port.out.idea.IdeaRepository;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.AuditedChanges.Subject;
import se.socialfund.application.usecase.Authorization;
import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.idea.Idea;
import se.socialfund.domain.idea.IdeaContent.Organisation;
import se.socialfund.domain.idea.IdeaEvent;
import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaStage;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;

/**
 * Ideas (idéprövning): receiving them with a number from the applications' series, their screening, sponsorship,
 * decline and withdrawal, and their conversion into an application through the submission use case itself. Every
 * change runs in one transaction with its audit event ({@link AuditedChanges}), on object type {@code idea}.
 */
public final class IdeaService implements SubmitIdea, IdeaQueries, StartScreening, AskQuestion, AnswerQuestion,
        SponsorIdea, DeclineIdea, WithdrawIdea, ConvertIdea, IdeaWork, IdeaDeadlines {
    /** Idempotency keys of ideas live beside the applications' under their own prefix: one key, one request. */
    static final String KEY_PREFIX = "idea:";
    private static final Set<IdeaStage> OPEN = EnumSet.of(IdeaStage.RECEIVED, IdeaStage.SCREENING,
            IdeaStage.SPONSORED);

    private final AuditedChanges changes;
    private final IdeaRepository ideas;
    private final RegistrationNumbers numbers;
    private final IdempotencyKeys idempotencyKeys;
    private final ApplicationPeriods periods;
    private final SubmitApplicationUseCase submitApplication;
    private final int screeningDays;

    /**
     * @param screeningDays how long an idea may stay in screening before it shows on the deadline list
     */
    public IdeaService(AuditedChanges changes, IdeaRepository ideas, RegistrationNumbers numbers,
                       IdempotencyKeys idempotencyKeys, ApplicationPeriods periods,
                       SubmitApplicationUseCase submitApplication, int screeningDays) {
        this.changes = changes;
        this.ideas = ideas;
        this.numbers = numbers;
        this.idempotencyKeys = idempotencyKeys;
        this.periods = periods;
        this.submitApplication = submitApplication;
        this.screeningDays = screeningDays;
    }

    // ---- receiving ---------------------------------------------------------------------------------------------

    @Override
    public Result submit(Command command) {
        return changes.run("submitIdea", (caller, subject) -> {
            Actor actor = caller.actor();
            Authorization.requireAny(actor, "sending an idea", Role.FORM_INTEGRATION, Role.FUND_OFFICER);
            String key = command.idempotencyKey() == null ? null : KEY_PREFIX + command.idempotencyKey();
            if (key != null) {
                Optional<IdempotencyKeys.Earlier> earlier = idempotencyKeys.claim(actor.subject(), key,
                        command.fingerprint());
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(command.fingerprint())) {
                        throw new RuleViolation("Idempotency-Key", "this key was used for a different request; "
                                + "a new idea needs a new key");
                    }
                    subject.changedNothing();
                    SubmitApplicationUseCase.Receipt r = earlier.get().receipt();
                    return new Result(new Receipt(r.applicationId(), r.registrationNumber(), r.stage(), r.version(),
                            r.receivedAt()), true);
                }
            }
            UUID id = UUID.randomUUID();
            subject.object("idea", id, null, null);
            // taken in this transaction: a refusal after it rolls the number back, so the series has no gaps
            RegistrationNumber number = numbers.next(subject.today().getYear());
            Idea idea = Idea.receive(id, number, command.content(), subject.step(actor, 0));
            ideas.add(idea);
            subject.object("idea", id, number.toString(), null).versionAfter(idea.version());
            Receipt receipt = new Receipt(id, number.toString(), idea.stage().name(), idea.version(),
                    idea.snapshot().receivedAt());
            if (key != null) {
                // the applications' receipt, naming the idea: the same store and the same retry semantics
                idempotencyKeys.complete(actor.subject(), key, new SubmitApplicationUseCase.Receipt(id,
                        receipt.registrationNumber(), null, receipt.stage(), receipt.version(), receipt.receivedAt()));
            }
            return new Result(receipt, false);
        });
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    @Override
    public IdeaView get(UUID id) {
        return changes.read("getIdea", (caller, subject) -> view(load(id, caller.actor(), subject, false),
                caller.actor()));
    }

    @Override
    public Page<IdeaSummary> list(IdeaSearch search, int limit, Long after) {
        return changes.read("listIdeas", (caller, subject) -> {
            Actor actor = caller.actor();
            if (actor.seesAllOffices()) {
                return ideas.list(new IdeaRepository.Filter(search.stage(), search.office(), null, null), limit,
                        after);
            }
            String office = actor.hasAny(Set.of(Role.APPLICANT, Role.OFFICE_HEAD)) ? actor.office().orElse(null)
                    : null;
            String submitter = actor.has(Role.FORM_INTEGRATION) ? actor.subject() : null;
            if (office == null && submitter == null) {
                return new Page<IdeaSummary>(List.of(), null);
            }
            return ideas.list(new IdeaRepository.Filter(search.stage(), search.office(), office, submitter), limit,
                    after);
        });
    }

    @Override
    public List<IdeaEvent> history(UUID id) {
        return changes.read("getIdeaHistory", (caller, subject) -> {
            load(id, caller.actor(), subject, false);
            return ideas.history(id);
        });
    }

    // ---- the steps ---------------------------------------------------------------------------------------------

    @Override
    public IdeaView startScreening(StepCommand<Void> c) {
        return step("startIdeaScreening", c, (idea, s) -> idea.startScreening(s));
    }

    @Override
    public IdeaView askQuestion(StepCommand<String> c) {
        return step("askIdeaQuestion", c, (idea, s) -> idea.askQuestion(c.draft(), s));
    }

    @Override
    public IdeaView answerQuestion(StepCommand<String> c) {
        return step("answerIdeaQuestion", c, (idea, s) -> idea.answerQuestion(c.draft(), s));
    }

    @Override
    public IdeaView sponsor(StepCommand<String> c) {
        return step("sponsorIdea", c, (idea, s) -> idea.sponsor(c.draft(), s));
    }

    @Override
    public IdeaView decline(StepCommand<List<String>> c) {
        return step("declineIdea", c, (idea, s) -> idea.decline(c.draft(), s));
    }

    @Override
    public IdeaView withdraw(StepCommand<String> c) {
        return step("withdrawIdea", c, (idea, s) -> idea.withdraw(c.draft(), s));
    }

    /**
     * Checks the conversion on the locked idea (404, 403, 412, 409, the partners 422, then an open period 409)
     * before anything is made; then makes the application through the submission use case, records its origin and
     * converts the idea. The idea's row lock is held throughout, so a second conversion waits and then finds the
     * idea converted (409). The submission commits in its own transaction (the use case's own, as for any
     * submission) just before this one: only a failure of the database between the two commits could leave the
     * application without its origin, and no rule is checked after the application is made.
     */
    @Override
    public IdeaView convert(StepCommand<Conversion> c) {
        UUID id = c.ideaId();
        return changes.run("convertIdea", (caller, subject) -> {
            Actor actor = caller.actor();
            Idea idea = load(id, actor, subject, true);
            long loaded = idea.version();
            Step step = subject.step(actor, c.expectedVersion());
            List<Organisation> partners = idea.beginConversion(c.draft().externalPartners(), step);
            if (c.draft().application() == null) {
                throw new RuleViolation("application", "a conversion carries the office's full application");
            }
            if (periods.openOn(subject.today()).isEmpty()) {
                throw new Conflict("no-open-period", "no application period is open on " + subject.today()
                        + "; an idea becomes an application only during the year's application periods");
            }
            SubmitApplicationUseCase.Receipt made = submitApplication.submit(
                    new SubmitApplicationUseCase.Command(c.draft().application(), null, null)).receipt();
            ideas.recordOrigin(made.applicationId(), id, partners);
            idea.converted(made.applicationId(), made.registrationNumber(), partners, step);
            ideas.update(idea, loaded);
            subject.versionAfter(idea.version());
            return view(idea, actor);
        });
    }

    private IdeaView step(String action, StepCommand<?> c, BiConsumer<Idea, Step> change) {
        UUID id = c.ideaId();
        return changes.run(action, (caller, subject) -> {
            Actor actor = caller.actor();
            Idea idea = load(id, actor, subject, false);
            long loaded = idea.version();
            change.accept(idea, subject.step(actor, c.expectedVersion()));
            ideas.update(idea, loaded);
            subject.versionAfter(idea.version());
            return view(idea, actor);
        });
    }

    /** Another office's idea is answered as not found, and the attempt audited as denied. */
    private Idea load(UUID id, Actor actor, Subject subject, boolean lock) {
        Idea idea = (lock ? ideas.lockForUpdate(id) : ideas.find(id)).orElseThrow(() -> new NotFound("idea " + id));
        subject.object("idea", id, idea.registrationNumber().toString(), idea.version());
        if (!idea.isVisibleTo(actor)) {
            throw subject.conceal("idea " + id);
        }
        return idea;
    }

    static IdeaView view(Idea idea, Actor actor) {
        return view(idea.snapshot(), actor);
    }

    static IdeaView view(IdeaSnapshot s, Actor actor) {
        boolean contact = Idea.seesContact(s, actor);
        return new IdeaView(contact ? s : s.withoutContact(), Idea.allowedActions(s, actor), contact);
    }

    // ---- the work queue and the deadlines ----------------------------------------------------------------------

    @Override
    public List<IdeaTask> actionable() {
        return changes.read("listIdeaTasks", (caller, subject) -> {
            Actor actor = caller.actor();
            List<IdeaTask> tasks = new ArrayList<>();
            for (IdeaSnapshot s : ideas.inStages(OPEN)) {
                Idea idea = Idea.restore(s);
                if (!idea.isVisibleTo(actor)) {
                    continue;
                }
                var actions = idea.allowedActions(actor);
                if (!actions.isEmpty()) {
                    tasks.add(new IdeaTask(s.id(), s.registrationNumber().toString(), s.stage(), s.version(), actions,
                            screeningDue(s), s.updatedAt()));
                }
            }
            tasks.sort(Comparator.comparing(IdeaTask::screeningDueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(IdeaTask::waitingSince).thenComparing(IdeaTask::ideaId));
            return tasks;
        });
    }

    @Override
    public List<ScreeningDeadline> overdueScreenings(String office) {
        return changes.read("listIdeaDeadlines", (caller, subject) -> {
            Actor actor = caller.actor();
            List<ScreeningDeadline> due = new ArrayList<>();
            for (IdeaSnapshot s : ideas.inStages(EnumSet.of(IdeaStage.SCREENING))) {
                LocalDate dueOn = screeningDue(s);
                if (!dueOn.isBefore(subject.today()) || !Idea.restore(s).isVisibleTo(actor)
                        || office != null && !s.offices().contains(office)) {
                    continue;
                }
                due.add(new ScreeningDeadline(s.id(), s.registrationNumber().toString(), s.content().title(),
                        s.offices(), dueOn, java.time.temporal.ChronoUnit.DAYS.between(dueOn, subject.today())));
            }
            due.sort(Comparator.comparing(ScreeningDeadline::dueOn)
                    .thenComparing(ScreeningDeadline::registrationNumber));
            return due;
        });
    }

    /** The day by which screening should be done: the configured days after it began (null when not screening). */
    private LocalDate screeningDue(IdeaSnapshot s) {
        return s.screeningSince() == null || s.stage() != IdeaStage.SCREENING ? null
                : LocalDate.ofInstant(s.screeningSince(), changes.zone()).plusDays(screeningDays);
    }
}
