package se.socialfund.domain.idea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.idea.IdeaContent.Organisation;
import se.socialfund.domain.idea.IdeaSnapshot.Conversion;
import se.socialfund.domain.idea.IdeaSnapshot.Decline;
import se.socialfund.domain.idea.IdeaSnapshot.Question;
import se.socialfund.domain.idea.IdeaSnapshot.Sponsorship;
import se.socialfund.domain.idea.IdeaSnapshot.Withdrawal;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.StaleVersion;
import se.socialfund.domain.shared.Violations;

/**
 * An idea for a trial (idéprövning), from an organisation outside the municipality or from an office that sees a
 * need without a method. It can only become an investment together with a municipal office: an office head takes it
 * on (sponsors it), and the office then converts it into its application. Like an application, every step refuses a
 * role without the right (403), a stale version (412), a wrong stage (409) and broken content (422), in that order,
 * records a past-tense event and bumps the version.
 */
public final class Idea {
    private IdeaSnapshot state;
    private final List<IdeaEvent> newEvents = new ArrayList<>();
    private IdeaStage stageBefore;

    private Idea(IdeaSnapshot state) {
        this.state = state;
    }

    public static Idea restore(IdeaSnapshot snapshot) {
        return new Idea(snapshot);
    }

    /** Roles that send ideas: the digital form, or a fund officer registering one that came by mail. */
    public static final Set<Role> SUBMITTERS = Set.of(Role.FORM_INTEGRATION, Role.FUND_OFFICER);

    /** Inkommen: the idea gets its registration number and stage RECEIVED at version 1. */
    public static Idea receive(UUID id, RegistrationNumber number, IdeaContent content, Step step) {
        Actor by = step.by();
        if (!by.hasAny(SUBMITTERS)) {
            throw new AccessDenied("ideas are sent through the application form or registered by a fund officer");
        }
        Violations v = new Violations();
        content.validate(v);
        v.throwIfAny("the idea is incomplete");
        Idea idea = new Idea(new IdeaSnapshot(id, number, IdeaStage.RECEIVED, 0, step.at(), step.at(),
                by.subject(), content, null, List.of(), null, null, null, null));
        idea.record("RECEIVED", step, number.toString(), Role.FORM_INTEGRATION, Role.FUND_OFFICER);
        return idea;
    }

    // ---- who may see and do what -------------------------------------------------------------------------------

    /**
     * The fund's staff (officers, auditors, advisors) see every idea; an office's staff see the ideas that concern
     * their office until one is sponsored, then only the sponsoring office does; the form sees what it sent.
     */
    public boolean isVisibleTo(Actor actor) {
        if (actor.seesAllOffices()) {
            return true;
        }
        if (actor.has(Role.FORM_INTEGRATION) && actor.subject().equals(state.submittedBy())) {
            return true;
        }
        if (actor.hasAny(Set.of(Role.APPLICANT, Role.OFFICE_HEAD))) {
            if (state.sponsorship() != null) {
                return actor.belongsTo(state.sponsorship().office());
            }
            return state.offices().stream().anyMatch(actor::belongsTo)
                    || state.content().submittingOffice() != null
                    && actor.belongsTo(state.content().submittingOffice());
        }
        return false;
    }

    /** The contact is personal data: for the fund officers and the sponsoring office's own staff only. */
    public static boolean seesContact(IdeaSnapshot s, Actor actor) {
        return actor.has(Role.FUND_OFFICER) || s.sponsorship() != null
                && actor.hasAny(Set.of(Role.APPLICANT, Role.OFFICE_HEAD)) && actor.belongsTo(s.sponsorship().office());
    }

    public boolean seesContact(Actor actor) {
        return seesContact(state, actor);
    }

    /** The right role, and the right office or client where the step names one. */
    public static boolean mayTake(IdeaAction action, Actor actor, IdeaSnapshot s) {
        return action.roles().stream().filter(actor::has).anyMatch(role -> switch (role) {
            case OFFICE_HEAD, APPLICANT -> action == IdeaAction.SPONSOR
                    ? s.offices().stream().anyMatch(actor::belongsTo)
                    : s.sponsoringOffice().map(actor::belongsTo).orElse(false);
            case FORM_INTEGRATION -> actor.subject().equals(s.submittedBy());
            default -> true;
        });
    }

    /** The stage allows the step, and nothing in the state blocks it. */
    public static boolean isPossible(IdeaAction action, IdeaSnapshot s) {
        if (!action.allowedIn(s.stage())) {
            return false;
        }
        return switch (action) {
            case ASK_QUESTION -> s.openQuestion().isEmpty();
            case ANSWER_QUESTION -> s.openQuestion().isPresent();
            default -> true;
        };
    }

    public boolean mayTake(IdeaAction action, Actor actor) {
        return mayTake(action, actor, state);
    }

    public List<IdeaAction> allowedActions(Actor actor) {
        return allowedActions(state, actor);
    }

    public static List<IdeaAction> allowedActions(IdeaSnapshot s, Actor actor) {
        return Arrays.stream(IdeaAction.values()).filter(a -> mayTake(a, actor, s) && isPossible(a, s)).toList();
    }

    /** Refuses the step (403, 412, 409) and then its content (422), naming every broken rule at once. */
    private void begin(IdeaAction action, Step step, Consumer<Violations> rules, String problem) {
        if (!mayTake(action, step.by(), state)) {
            throw new AccessDenied("your role or office does not allow '" + action.resource() + "' on this idea");
        }
        if (step.expectedVersion() != state.version()) {
            throw new StaleVersion(step.expectedVersion(), state.version());
        }
        if (!isPossible(action, state)) {
            throw new IllegalTransition(action.name(), state.stage().name(), Arrays.stream(IdeaAction.values())
                    .filter(a -> isPossible(a, state)).map(Enum::name).toList());
        }
        Violations v = new Violations();
        rules.accept(v);
        v.throwIfAny(problem);
        stageBefore = state.stage();
    }

    // ---- the steps ---------------------------------------------------------------------------------------------

    /** Prövningen börjar: the fund officer takes the idea up; the screening deadline counts from now. */
    public void startScreening(Step step) {
        begin(IdeaAction.START_SCREENING, step, v -> { }, "");
        state = with(IdeaStage.SCREENING, step.at(), state.questions(), null, null, null, null);
        record("SCREENING_STARTED", step, null, Role.FUND_OFFICER);
    }

    /** The fund officer asks the submitter for more information. */
    public void askQuestion(String question, Step step) {
        begin(IdeaAction.ASK_QUESTION, step, v -> v.requireText(question, "question", Limits.SHORT_TEXT),
                "a question needs its text");
        List<Question> questions = new ArrayList<>(state.questions());
        int number = questions.size() + 1;
        questions.add(new Question(number, question, step.at(), step.by().name(), null, null, null));
        state = with(state.stage(), state.screeningSince(), questions, null, null, null, null);
        record("QUESTION_ASKED", step, "question " + number, Role.FUND_OFFICER);
    }

    /** The submitter answers the open question. */
    public void answerQuestion(String answer, Step step) {
        begin(IdeaAction.ANSWER_QUESTION, step, v -> v.requireText(answer, "answer", Limits.TEXT),
                "an answer needs its text");
        List<Question> questions = new ArrayList<>(state.questions());
        Question open = state.openQuestion().orElseThrow();
        questions.set(open.number() - 1, new Question(open.number(), open.question(), open.askedAt(), open.askedBy(),
                answer, step.at(), step.by().name()));
        state = with(state.stage(), state.screeningSince(), questions, null, null, null, null);
        record("QUESTION_ANSWERED", step, "question " + open.number(), Role.FORM_INTEGRATION, Role.FUND_OFFICER);
    }

    /** An office head takes the idea on for their office. */
    public void sponsor(String comment, Step step) {
        begin(IdeaAction.SPONSOR, step, v -> v.requireText(comment, "comment", Limits.SHORT_TEXT),
                "a sponsorship says why the office takes the idea on");
        String office = step.by().office().orElseThrow();
        state = with(IdeaStage.SPONSORED, state.screeningSince(), state.questions(),
                new Sponsorship(office, comment, step.at(), step.by().name()), null, null, null);
        record("SPONSORED", step, office, Role.OFFICE_HEAD);
    }

    public void decline(List<String> reasons, Step step) {
        begin(IdeaAction.DECLINE, step, v -> v.requireTexts(reasons, 1, Limits.FEW, "reasons", Limits.SHORT_TEXT),
                "a decline gives its reasons");
        state = with(IdeaStage.DECLINED, state.screeningSince(), state.questions(), null,
                new Decline(reasons, step.at(), step.by().name()), null, null);
        record("DECLINED", step, null, Role.FUND_OFFICER);
    }

    public void withdraw(String reason, Step step) {
        begin(IdeaAction.WITHDRAW, step, v -> v.requireText(reason, "reason", Limits.SHORT_TEXT),
                "a withdrawal gives its reason");
        state = with(IdeaStage.WITHDRAWN, state.screeningSince(), state.questions(), state.sponsorship(), null,
                new Withdrawal(reason, step.at(), step.by().name()), null);
        record("WITHDRAWN", step, null, Role.FORM_INTEGRATION, Role.FUND_OFFICER);
    }

    /**
     * Checks a conversion before the application is made (403, 412, 409, then the partners named, 422), so that a
     * refused conversion makes no application. Answers the external partners the application will record: the
     * submitting organisation, then those named, each once.
     */
    public List<Organisation> beginConversion(List<Organisation> morePartners, Step step) {
        begin(IdeaAction.CONVERT, step, v -> {
            if (morePartners != null && v.requireList(morePartners, 0, Limits.FEW, "externalPartners")) {
                for (int i = 0; i < morePartners.size(); i++) {
                    Organisation o = morePartners.get(i);
                    if (o == null) {
                        v.requirePresent(null, "externalPartners." + i);
                    } else {
                        o.validate("externalPartners." + i, v);
                    }
                }
            }
        }, "the external partners are invalid");
        Map<String, Organisation> partners = new LinkedHashMap<>();
        if (state.content().organisation() != null) {
            partners.put(state.content().organisation().organisationNumber(), state.content().organisation());
        }
        if (morePartners != null) {
            morePartners.forEach(o -> partners.putIfAbsent(o.organisationNumber(), o));
        }
        return List.copyOf(partners.values());
    }

    /** The application made from the idea: the idea records it and is CONVERTED. */
    public void converted(UUID applicationId, String registrationNumber, List<Organisation> partners, Step step) {
        if (stageBefore == null) {
            throw new IllegalStateException("a conversion is checked with beginConversion first");
        }
        state = with(IdeaStage.CONVERTED, state.screeningSince(), state.questions(), state.sponsorship(), null, null,
                new Conversion(applicationId, registrationNumber, partners, step.at(), step.by().name()));
        record("CONVERTED", step, registrationNumber, Role.APPLICANT, Role.OFFICE_HEAD);
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public IdeaSnapshot snapshot() {
        return state;
    }

    public List<IdeaEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    public UUID id() {
        return state.id();
    }

    public RegistrationNumber registrationNumber() {
        return state.registrationNumber();
    }

    public IdeaStage stage() {
        return state.stage();
    }

    public long version() {
        return state.version();
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private IdeaSnapshot with(IdeaStage stage, java.time.Instant screeningSince, List<Question> questions,
                              Sponsorship sponsorship, Decline decline, Withdrawal withdrawal,
                              Conversion conversion) {
        IdeaSnapshot s = state;
        return new IdeaSnapshot(s.id(), s.registrationNumber(), stage, s.version(), s.receivedAt(), s.updatedAt(),
                s.submittedBy(), s.content(), screeningSince, questions,
                sponsorship != null ? sponsorship : s.sponsorship(), decline != null ? decline : s.decline(),
                withdrawal != null ? withdrawal : s.withdrawal(), conversion != null ? conversion : s.conversion());
    }

    private void record(String type, Step step, String detail, Role... capacities) {
        Role role = Arrays.stream(capacities).filter(step.by()::has).findFirst().orElse(capacities[0]);
        IdeaSnapshot s = state;
        long version = s.version() + 1;
        state = new IdeaSnapshot(s.id(), s.registrationNumber(), s.stage(), version, s.receivedAt(), step.at(),
                s.submittedBy(), s.content(), s.screeningSince(), s.questions(), s.sponsorship(), s.decline(),
                s.withdrawal(), s.conversion());
        Actor by = step.by();
        newEvents.add(new IdeaEvent(type, step.at(), by.subject(), by.name(), role.claim(), by.office().orElse(null),
                stageBefore, s.stage(), version, detail));
    }
}
