package se.socialfund.domain.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.Violations;

/**
 * An application to the fund and, once granted, the investment it becomes. Its parts exist with their phase (see
 * {@link Stage.Phase}): the {@link Assessment} always, the {@link Investment} from the grant, its {@link Project}
 * from the start. One method per business verb, each taking a small command and the {@link Step}, and refusing a
 * wrong role (403), a stale version (412), a wrong stage (409) and broken content (422), in that order; each
 * records a past-tense event and bumps the version. Its state is an immutable snapshot, replaced by each step.
 */
public final class Application {
    private ApplicationSnapshot state;
    private final List<ApplicationEvent> newEvents = new ArrayList<>();
    private Revision newRevision;
    private Stage stageBefore;

    private Application(ApplicationSnapshot state) {
        this.state = state;
    }

    /** Restores a stored application without re-running the rules of creation (its snapshot fits its stage). */
    public static Application restore(ApplicationSnapshot snapshot) {
        return new Application(snapshot);
    }

    /**
     * Ansökan inkommen: an office (or the digital form on its behalf) submits during an open period; the
     * application gets its registration number and stage RECEIVED at version 1.
     */
    public static Application submit(UUID id, RegistrationNumber number, ApplicationPeriod period,
                                     ApplicationContent content, Step step) {
        Actor by = step.by();
        if (!by.hasAny(Set.of(Role.APPLICANT, Role.OFFICE_HEAD, Role.FORM_INTEGRATION))) {
            throw new AccessDenied("only applicants, office heads and the application form submit applications");
        }
        content.validate(step.today());
        if (!by.has(Role.FORM_INTEGRATION) && content.officeCodes().stream().noneMatch(by::belongsTo)) {
            throw new RuleViolation("offices", "an office submits only applications in which it takes part; "
                    + "your office is " + by.office().orElse("not named in your token"));
        }
        Revision first = new Revision(1, content, step.at(), by.name(), null);
        Application app = new Application(new ApplicationSnapshot(id, number, period.id(), Stage.RECEIVED, 0,
                step.at(), step.at(), by.subject(), first, List.of(), Assessment.begun(), null));
        app.newRevision = first;
        app.record(EventType.RECEIVED, step, Map.of("revision", "1",
                "registrationNumber", number.toString()), Role.APPLICANT, Role.OFFICE_HEAD, Role.FORM_INTEGRATION);
        return app;
    }

    // ---- who may see and do what -------------------------------------------------------------------------------

    /** Fund officers, auditors and advisors see all; an office sees its own; the form sees what it submitted. */
    public boolean isVisibleTo(Actor actor) {
        return actor.seesAllOffices() || offices().stream().anyMatch(actor::belongsTo)
                || actor.has(Role.FORM_INTEGRATION) && actor.subject().equals(state.submittedBy());
    }

    /** Whether the actor may take this step at all, whatever the stage. */
    public boolean mayTake(Action action, Actor actor) {
        return StepRules.mayTake(action, actor, offices());
    }

    /** The steps this actor can take now: the right role and office, the right stage, and nothing that blocks. */
    public List<Action> allowedActions(Actor actor) {
        return StepRules.allowed(state, actor);
    }

    /**
     * The steps the stage and state allow now, for whoever has the right role and office: {@code allowedActions}
     * of any actor is this list filtered by {@link #mayTake}. The work queue stores it with every change, so that
     * its query selects by the same rule.
     */
    public List<Action> possibleActions() {
        return StepRules.possible(state);
    }

    /** Refuses the step (403, 412, 409) and then its content (422), naming every broken rule at once. */
    private void begin(Action action, Step step, Consumer<Violations> rules, String problem) {
        StepRules.begin(action, step, state);
        Violations v = new Violations();
        rules.accept(v);
        v.throwIfAny(problem);
        stageBefore = state.stage();
    }

    // ---- preparing the board's decision ------------------------------------------------------------------------

    /**
     * Kontroll mot grundläggande kriterier. All four met: CRITERIA_CHECKED; any failed: REJECTED with the failed
     * criteria as reasons. Missing baselines and control groups become remarks, with the officer's own.
     */
    public void assessCriteria(CriteriaAssessment.Draft draft, Step step) {
        begin(Action.ASSESS_CRITERIA, step, v -> draft.validate(v), "the criteria assessment is incomplete");
        CriteriaAssessment done = draft.record(state.content().ambitionRemarks(), step.at(), step.by().name());
        Stage next = done.allMet() ? Stage.CRITERIA_CHECKED : Stage.REJECTED;
        change(next, state.assessment().assessed(done), state.investment());
        record(EventType.CRITERIA_ASSESSED, step, Map.of("result", next == Stage.REJECTED ? "REJECTED"
                : "ALL_CRITERIA_MET", "remarks", Integer.toString(done.remarks().size())), Role.FUND_OFFICER);
    }

    /** Komplettering: the officer's questions to the office. */
    public void requestCompletion(CompletionRequest.Draft draft, Step step) {
        begin(Action.REQUEST_COMPLETION, step, v -> draft.validate(v), "a completion request needs questions");
        int number = state.completionRequests().size() + 1;
        CompletionRequest request = new CompletionRequest(number, draft.questions(), step.at(), step.by().name(), null);
        change(Stage.COMPLETION_REQUESTED, state.assessment().asked(request), state.investment());
        record(EventType.COMPLETION_REQUESTED, step, Map.of("completionRequest", Integer.toString(number)),
                Role.FUND_OFFICER);
    }

    /**
     * The office answers a completion request with a revised application, re-approved by its office head (on or
     * after the request) and with the committees informed. The earlier revisions stay readable.
     */
    public void submitRevision(ApplicationContent content, Step step) {
        CompletionRequest open = state.assessment().openRequest().orElse(null);
        begin(Action.SUBMIT_REVISION, step, v -> {
            content.validate(step.today());
            java.time.LocalDate requestedOn = step.dateOf(open.requestedAt());
            v.require(!content.officeHeadApproval().approvedOn().isBefore(requestedOn),
                    "officeHeadApproval.approvedOn", "a revision must be re-approved by the office head on or after "
                            + "the completion request (" + requestedOn + ")");
            v.require(content.officeCodes().stream().anyMatch(step.by()::belongsTo)
                    || step.by().has(Role.FUND_OFFICER), "offices", "your own office must still take part in the "
                    + "application");
        }, "the revision cannot be accepted");
        int number = state.currentRevision().number() + 1;
        newRevision = new Revision(number, content, step.at(), step.by().name(), open.number());
        replace(newRevision, state.reviews(), Stage.CRITERIA_CHECKED, state.assessment().answered(number),
                state.investment());
        record(EventType.REVISION_SUBMITTED, step, Map.of("revision",
                Integer.toString(number), "completionRequest", Integer.toString(open.number())), Role.APPLICANT,
                Role.OFFICE_HEAD);
    }

    /** Det kommunövergripande perspektivet, which completes the decision memo for the board. */
    public void addMunicipalPerspective(MunicipalPerspective.Draft draft, Set<String> knownOverallGoals, Step step) {
        begin(Action.ADD_MUNICIPAL_PERSPECTIVE, step, v -> draft.validate(knownOverallGoals, v),
                "the municipality-wide perspective is incomplete");
        MunicipalPerspective perspective = draft.record(step.at(), step.by().name());
        change(Stage.READY_FOR_DECISION, state.assessment().withPerspective(perspective), state.investment());
        record(EventType.MUNICIPAL_PERSPECTIVE_ADDED, step, Map.of("recommendation", draft.recommendation().name()),
                Role.FUND_OFFICER);
    }

    /** A scientific advisor's comment. It changes the version (the resource changed) but never the stage. */
    public void addReview(String comment, Step step) {
        begin(Action.ADD_REVIEW, step, v -> v.requireText(comment, "comment", Limits.TEXT), "a review needs a comment");
        List<Review> reviews = new ArrayList<>(state.reviews());
        reviews.add(new Review(reviews.size() + 1, comment, step.at(), step.by().name()));
        replace(state.currentRevision(), reviews, state.stage(), state.assessment(), state.investment());
        record(EventType.REVIEW_ADDED, step, Map.of("review", Integer.toString(reviews.size())),
                Role.SCIENTIFIC_ADVISOR);
    }

    /**
     * Kommunstyrelsens beslut. A grant starts the investment; committing its money is the fund's part of the same
     * act (see {@code FundingPolicy}), never this aggregate's alone.
     */
    public BoardDecision recordBoardDecision(BoardDecision.Draft draft, Step step) {
        begin(Action.RECORD_BOARD_DECISION, step, v -> draft.validate(state.content().budget().requestedAmount(), v),
                "the board decision is incomplete");
        BoardDecision decision = draft.record(step.at(), step.by().name());
        Stage next = decision.granted() ? Stage.GRANTED : Stage.DECLINED;
        change(next, state.assessment().decided(decision), decision.granted() ? Investment.granted(decision) : null);
        record(EventType.BOARD_DECISION_RECORDED, step, decision.eventDetails(), Role.FUND_OFFICER);
        return decision;
    }

    /** The office takes its application back before the board decides. */
    public void withdraw(String reason, Step step) {
        begin(Action.WITHDRAW, step, v -> v.requireText(reason, "reason", Limits.TEXT),
                "a withdrawal gives its reason");
        change(Stage.WITHDRAWN, state.assessment().withdrawn(new Withdrawal(reason, step.at(), step.by().name())),
                null);
        record(EventType.WITHDRAWN, step, Map.of(), Role.APPLICANT, Role.OFFICE_HEAD);
    }

    // ---- the investment ----------------------------------------------------------------------------------------

    /** Genomförandets start: project leader, project plan, start and planned end. */
    public void startProject(ProjectStart.Draft draft, Step step) {
        begin(Action.START_PROJECT, step, v -> draft.validate(investment().grant().meetingDate(), v),
                "the project start is incomplete");
        change(Stage.IN_IMPLEMENTATION, state.assessment(),
                investment().started(Project.started(draft.record(step.at(), step.by().name()))));
        record(EventType.PROJECT_STARTED, step, Map.of("startDate",
                draft.startDate().toString(), "plannedEndDate", draft.plannedEndDate().toString()), Role.APPLICANT,
                Role.OFFICE_HEAD);
    }

    /** Costs so far (a running total per year and category) against the budget. */
    public void reportCosts(CostReport.Draft draft, Step step) {
        begin(Action.REPORT_COSTS, step, v -> draft.validate(project().start().startDate(), v),
                "the cost report is incomplete");
        CostReport report = draft.record(project().costReports().size() + 1, step.at(), step.by().name());
        change(state.stage(), state.assessment(), investment().with(project().reported(report)));
        record(EventType.COSTS_REPORTED, step, Map.of("costReport",
                Integer.toString(report.number()), "total", report.total().format()), Role.APPLICANT, Role.OFFICE_HEAD);
    }

    /** Halvtidsuppföljning with measurements of the application's indicators. */
    public void submitFollowUp(FollowUp.Draft draft, Step step) {
        begin(Action.SUBMIT_FOLLOW_UP, step, v -> draft.validate(state.content().indicators(), v),
                "the follow-up is incomplete");
        change(Stage.FOLLOWED_UP, state.assessment(),
                investment().with(project().followedUp(draft.record(step.at(), step.by().name()))));
        record(EventType.FOLLOW_UP_SUBMITTED, step, Map.of("measurements",
                Integer.toString(draft.measurements().size())), Role.APPLICANT, Role.OFFICE_HEAD);
    }

    /** Utvärdering: the final evaluation, also owed by a terminated project. */
    public void submitEvaluation(Evaluation.Draft draft, Step step) {
        begin(Action.SUBMIT_EVALUATION, step, v -> draft.validate(state.content().indicators(), v),
                "the evaluation is incomplete");
        boolean terminated = project().termination() != null;
        change(Stage.EVALUATED, state.assessment(),
                investment().with(project().evaluated(draft.record(step.at(), step.by().name()))));
        record(EventType.EVALUATION_SUBMITTED, step, Map.of("measurements",
                Integer.toString(draft.measurements().size()), "terminatedEarly", Boolean.toString(terminated)),
                Role.APPLICANT, Role.OFFICE_HEAD);
    }

    /** The fund officer ends a running project early; what was not spent goes back, the evaluation is still owed. */
    public Money terminate(Termination.Draft draft, Step step) {
        begin(Action.TERMINATE, step, v -> draft.validate(project().start().startDate(), v),
                "a termination gives its reason and date");
        Money unspent = investment().unspent();
        Investment ended = investment().with(project().terminated(draft.record(step.at(), step.by().name())));
        change(Stage.TERMINATED, state.assessment(), ended.released(unspent, null));
        record(EventType.TERMINATED, step, Map.of("endedOn", draft.endedOn().toString()),
                Role.FUND_OFFICER);
        return unspent;
    }

    /** Beslut om implementering: closes the investment; answers the unspent money that goes back to the fund. */
    public Money recordImplementationDecision(ImplementationDecision.Draft draft, Step step) {
        begin(Action.RECORD_IMPLEMENTATION_DECISION, step, v -> draft.validate(v),
                "the implementation decision is incomplete");
        Money unspent = investment().unspent();
        change(Stage.CLOSED, state.assessment(), investment().released(unspent,
                draft.record(step.at(), step.by().name())));
        record(EventType.IMPLEMENTATION_DECISION_RECORDED, step, draft.eventDetails(), Role.FUND_OFFICER,
                Role.OFFICE_HEAD);
        return unspent;
    }

    /** Återföringsmodellen: only for investments started before 2021. */
    public void setRepaymentPlan(List<RepaymentPlan.Installment> installments, Step step) {
        StepRules.refuseAbolishedRepaymentModel(step, state);
        begin(Action.SET_REPAYMENT_PLAN, step, v -> RepaymentPlan.validate(installments, v),
                "the repayment plan is invalid");
        RepaymentPlan plan = new RepaymentPlan(installments, step.at(), step.by().name());
        change(state.stage(), state.assessment(), investment().with(project().withRepaymentPlan(plan)));
        record(EventType.REPAYMENT_PLAN_SET, step, Map.of("total", plan.total().format(),
                "installments", Integer.toString(installments.size())), Role.FUND_OFFICER);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public ApplicationSnapshot snapshot() {
        return state;
    }

    /** Events recorded since this object was loaded or created, oldest first; persistence appends them. */
    public List<ApplicationEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    /** The revision added since loading (the first on submission, the next on completion), if any. */
    public Optional<Revision> newRevision() {
        return Optional.ofNullable(newRevision);
    }

    public UUID id() {
        return state.id();
    }

    public RegistrationNumber registrationNumber() {
        return state.registrationNumber();
    }

    public Stage stage() {
        return state.stage();
    }

    public long version() {
        return state.version();
    }

    public String submittedBy() {
        return state.submittedBy();
    }

    public List<String> offices() {
        return state.offices();
    }

    public String leadOffice() {
        return state.leadOffice();
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    /** The investment: {@link #restore} and the Action table guarantee it in every stage that reaches here. */
    private Investment investment() {
        return state.investment();
    }

    private Project project() {
        return state.investment().project();
    }

    private void change(Stage next, Assessment assessment, Investment investment) {
        replace(state.currentRevision(), state.reviews(), next, assessment, investment);
    }

    private void replace(Revision revision, List<Review> reviews, Stage next, Assessment assessment,
                         Investment investment) {
        state = new ApplicationSnapshot(id(), state.registrationNumber(), state.periodId(), next, state.version(),
                state.receivedAt(), state.updatedAt(), state.submittedBy(), revision, reviews, assessment, investment);
    }

    /** Records the step's event and bumps the version; the actor's capacity is the first of the roles they hold. */
    private void record(EventType type, Step step, Map<String, String> details, Role... capacities) {
        Role role = Arrays.stream(capacities).filter(step.by()::has).findFirst().orElse(capacities[0]);
        long version = state.version() + 1;
        state = new ApplicationSnapshot(id(), state.registrationNumber(), state.periodId(), state.stage(), version,
                state.receivedAt(), step.at(), state.submittedBy(), state.currentRevision(), state.reviews(),
                state.assessment(), state.investment());
        Actor by = step.by();
        newEvents.add(new ApplicationEvent(type, step.at(), by.subject(), by.name(), role.claim(),
                by.office().orElse(null), stageBefore, state.stage(), version, details));
    }
}
