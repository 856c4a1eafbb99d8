package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.BoardDecision.Outcome;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;
import se.socialfund.domain.shared.Violations;

/**
 * An application to the fund and, once granted, the investment it becomes. The lifecycle lives here: one method per
 * business verb, each refusing a wrong role (403), a stale version (412), a wrong stage (409) and broken content
 * (422), in that order, and recording a past-tense event. Time and the actor come in as arguments.
 */
public final class Application {
    private final UUID id;
    private final RegistrationNumber registrationNumber;
    private final UUID periodId;
    private final Instant receivedAt;
    private final String submittedBy;
    private Stage stage;
    private long version;
    private Instant updatedAt;
    private Revision currentRevision;
    private CriteriaAssessment criteriaAssessment;
    private final List<CompletionRequest> completionRequests;
    private MunicipalPerspective municipalPerspective;
    private final List<Review> reviews;
    private BoardDecision boardDecision;
    private ProjectStart projectStart;
    private final List<CostReport> costReports;
    private FollowUp followUp;
    private Evaluation evaluation;
    private ImplementationDecision implementationDecision;
    private Withdrawal withdrawal;
    private Termination termination;
    private RepaymentPlan repaymentPlan;
    private Money releasedAmount;

    private final List<ApplicationEvent> newEvents = new ArrayList<>();
    private Revision newRevision;

    private Application(ApplicationSnapshot s) {
        this.id = s.id();
        this.registrationNumber = s.registrationNumber();
        this.periodId = s.periodId();
        this.receivedAt = s.receivedAt();
        this.submittedBy = s.submittedBy();
        this.stage = s.stage();
        this.version = s.version();
        this.updatedAt = s.updatedAt();
        this.currentRevision = s.currentRevision();
        this.criteriaAssessment = s.criteriaAssessment();
        this.completionRequests = new ArrayList<>(s.completionRequests());
        this.municipalPerspective = s.municipalPerspective();
        this.reviews = new ArrayList<>(s.reviews());
        this.boardDecision = s.boardDecision();
        this.projectStart = s.projectStart();
        this.costReports = new ArrayList<>(s.costReports());
        this.followUp = s.followUp();
        this.evaluation = s.evaluation();
        this.implementationDecision = s.implementationDecision();
        this.withdrawal = s.withdrawal();
        this.termination = s.termination();
        this.repaymentPlan = s.repaymentPlan();
        this.releasedAmount = s.releasedAmount();
    }

    /** Restores a stored application without re-running the rules of creation. */
    public static Application restore(ApplicationSnapshot snapshot) {
        return new Application(snapshot);
    }

    /**
     * Ansökan inkommen: an office (or the digital form on its behalf) submits during an open period; the
     * application gets its registration number and stage RECEIVED at version 1.
     */
    public static Application submit(UUID id, RegistrationNumber number, ApplicationPeriod period,
                                     ApplicationContent content, Actor by, Instant at, LocalDate today) {
        if (!by.hasAny(java.util.Set.of(Role.APPLICANT, Role.OFFICE_HEAD, Role.FORM_INTEGRATION))) {
            throw new AccessDenied("only applicants, office heads and the application form submit applications");
        }
        content.validate(today);
        if (!by.has(Role.FORM_INTEGRATION) && content.officeCodes().stream().noneMatch(by::belongsTo)) {
            throw new RuleViolation("/offices", "an office submits only applications in which it takes part; "
                    + "your office is " + by.office().orElse("not named in your token"));
        }
        Revision first = new Revision(1, content, at, by.name(), null);
        Application app = new Application(new ApplicationSnapshot(id, number, period.id(), Stage.RECEIVED, 0, at, at,
                by.subject(), first, null, List.of(), null, List.of(), null, null, List.of(), null, null, null, null,
                null, null, Money.ZERO));
        app.newRevision = first;
        app.record(EventType.RECEIVED, null, Stage.RECEIVED, by, roleOf(by, Role.APPLICANT, Role.OFFICE_HEAD,
                Role.FORM_INTEGRATION), at, Map.of("revision", "1", "registrationNumber", number.toString()));
        return app;
    }

    // ---- who may see and do what -------------------------------------------------------------------------------

    /** Fund officers, auditors and advisors see all; an office sees its own; the form sees what it submitted. */
    public boolean isVisibleTo(Actor actor) {
        if (actor.seesAllOffices()) {
            return true;
        }
        if (offices().stream().anyMatch(actor::belongsTo)) {
            return true;
        }
        return actor.has(Role.FORM_INTEGRATION) && actor.subject().equals(submittedBy);
    }

    /** Whether the actor may take this step at all, whatever the stage. */
    public boolean mayTake(Action action, Actor actor) {
        for (Role role : action.roles()) {
            if (!actor.has(role)) {
                continue;
            }
            boolean officeRole = role == Role.APPLICANT || role == Role.OFFICE_HEAD;
            if (!officeRole || !action.requiresOwnOffice() || offices().stream().anyMatch(actor::belongsTo)) {
                return true;
            }
        }
        return false;
    }

    /** The steps this actor can take now: the right role and office, the right stage, and nothing that blocks. */
    public List<Action> allowedActions(Actor actor) {
        return Arrays.stream(Action.values()).filter(a -> mayTake(a, actor) && isPossible(a)).toList();
    }

    /** Steps possible in the current state for someone with the right role. */
    public List<Action> possibleActions() {
        return Arrays.stream(Action.values()).filter(this::isPossible).toList();
    }

    private boolean isPossible(Action action) {
        if (!action.allowedIn(stage)) {
            return false;
        }
        return switch (action) {
            case SET_REPAYMENT_PLAN -> projectStart != null
                    && projectStart.startDate().getYear() < RepaymentPlan.ABOLISHED_FROM_YEAR && repaymentPlan == null;
            case SUBMIT_EVALUATION -> evaluation == null;
            default -> true;
        };
    }

    /** 403, then 412, then 409: the order in which a step is refused. */
    private void begin(Action action, Actor by, long expectedVersion) {
        if (!mayTake(action, by)) {
            throw new AccessDenied("your role does not allow '" + action.resource() + "' on this application");
        }
        if (expectedVersion != version) {
            throw new StaleVersion(expectedVersion, version);
        }
        if (!isPossible(action)) {
            throw new IllegalTransition(action.name(), stage.name(),
                    possibleActions().stream().map(Action::name).toList());
        }
    }

    // ---- the business verbs ------------------------------------------------------------------------------------

    /**
     * Kontroll mot grundläggande kriterier. All four met: CRITERIA_CHECKED; any failed: REJECTED with the failed
     * criteria as reasons. Missing baselines and control groups become remarks, with the officer's own.
     */
    public void assessCriteria(List<CriterionResult> results, List<String> officerRemarks, Actor by,
                               long expectedVersion, Instant at) {
        begin(Action.ASSESS_CRITERIA, by, expectedVersion);
        CriteriaAssessment.validate(results);
        List<String> remarks = new ArrayList<>(currentRevision.content().ambitionRemarks());
        remarks.addAll(officerRemarks);
        criteriaAssessment = new CriteriaAssessment(results, remarks, at, by.name());
        Stage next = criteriaAssessment.allMet() ? Stage.CRITERIA_CHECKED : Stage.REJECTED;
        transition(EventType.CRITERIA_ASSESSED, next, by, Role.FUND_OFFICER, at,
                Map.of("result", next == Stage.REJECTED ? "REJECTED" : "ALL_CRITERIA_MET",
                        "remarks", Integer.toString(remarks.size())));
    }

    /** Komplettering: the officer's questions to the office. */
    public void requestCompletion(List<String> questions, Actor by, long expectedVersion, Instant at) {
        begin(Action.REQUEST_COMPLETION, by, expectedVersion);
        Violations v = new Violations();
        v.require(questions != null && !questions.isEmpty(), "/questions", "at least one question");
        if (questions != null) {
            for (int i = 0; i < questions.size(); i++) {
                v.requireText(questions.get(i), "/questions/" + i);
            }
        }
        v.throwIfAny("a completion request needs questions");
        int number = completionRequests.size() + 1;
        completionRequests.add(new CompletionRequest(number, questions, at, by.name(), null));
        transition(EventType.COMPLETION_REQUESTED, Stage.COMPLETION_REQUESTED, by, Role.FUND_OFFICER, at,
                Map.of("completionRequest", Integer.toString(number)));
    }

    /**
     * The office answers a completion request with a revised application, re-approved by its office head (on or
     * after the request) and with the committees informed. The earlier revisions stay readable.
     */
    public void submitRevision(ApplicationContent content, Actor by, long expectedVersion, Instant at,
                               LocalDate today) {
        begin(Action.SUBMIT_REVISION, by, expectedVersion);
        content.validate(today);
        CompletionRequest open = completionRequests.get(completionRequests.size() - 1);
        LocalDate requestedOn = LocalDate.ofInstant(open.requestedAt(), java.time.ZoneId.of("Europe/Stockholm"));
        Violations v = new Violations();
        v.require(!content.officeHeadApproval().approvedOn().isBefore(requestedOn), "/officeHeadApproval/approvedOn",
                "a revision must be re-approved by the office head on or after the completion request ("
                        + requestedOn + ")");
        v.require(content.officeCodes().stream().anyMatch(by::belongsTo) || by.has(Role.FUND_OFFICER), "/offices",
                "your own office must still take part in the application");
        v.throwIfAny("the revision cannot be accepted");
        int number = currentRevision.number() + 1;
        completionRequests.set(completionRequests.size() - 1, open.answeredBy(number));
        currentRevision = new Revision(number, content, at, by.name(), open.number());
        newRevision = currentRevision;
        transition(EventType.REVISION_SUBMITTED, Stage.CRITERIA_CHECKED, by, roleOf(by, Role.APPLICANT,
                Role.OFFICE_HEAD), at, Map.of("revision", Integer.toString(number),
                "completionRequest", Integer.toString(open.number())));
    }

    /** Det kommunövergripande perspektivet, which completes the decision memo for the board. */
    public void addMunicipalPerspective(List<String> overallGoals, java.util.Set<String> knownOverallGoals,
                                        List<Agenda2030Target> agenda2030,
                                        Recommendation recommendation, String motivation, Actor by,
                                        long expectedVersion, Instant at) {
        begin(Action.ADD_MUNICIPAL_PERSPECTIVE, by, expectedVersion);
        Violations v = new Violations();
        v.require(!overallGoals.isEmpty(), "/overallGoals", "link at least one of the municipality's overall goals");
        for (int i = 0; i < overallGoals.size(); i++) {
            v.require(knownOverallGoals.contains(overallGoals.get(i)), "/overallGoals/" + i,
                    "not one of the municipality's overall goals: " + new java.util.TreeSet<>(knownOverallGoals));
        }
        v.require(!agenda2030.isEmpty(), "/agenda2030", "link at least one Agenda 2030 goal or target");
        v.requirePresent(recommendation, "/recommendation");
        v.requireText(motivation, "/motivation");
        v.throwIfAny("the municipality-wide perspective is incomplete");
        municipalPerspective = new MunicipalPerspective(overallGoals, agenda2030, recommendation, motivation, at,
                by.name());
        transition(EventType.MUNICIPAL_PERSPECTIVE_ADDED, Stage.READY_FOR_DECISION, by, Role.FUND_OFFICER, at,
                Map.of("recommendation", recommendation.name()));
    }

    /** A scientific advisor's comment. It changes the version (the resource changed) but never the stage. */
    public void addReview(String comment, Actor by, long expectedVersion, Instant at) {
        begin(Action.ADD_REVIEW, by, expectedVersion);
        new Violations().requireText(comment, "/comment").throwIfAny("a review needs a comment");
        int number = reviews.size() + 1;
        reviews.add(new Review(number, comment, at, by.name()));
        transition(EventType.REVIEW_ADDED, stage, by, Role.SCIENTIFIC_ADVISOR, at,
                Map.of("review", Integer.toString(number)));
    }

    /**
     * Kommunstyrelsens beslut. A grant is at most the requested sum; the fund's commitment of the money is the
     * caller's to make in the same transaction (see {@code Fund#commit}).
     */
    public void recordBoardDecision(Outcome outcome, Money grantedAmount, List<String> conditions,
                                    List<String> reasons, LocalDate meetingDate, String minutesParagraph, Actor by,
                                    long expectedVersion, Instant at) {
        begin(Action.RECORD_BOARD_DECISION, by, expectedVersion);
        Violations v = new Violations();
        v.requirePresent(outcome, "/outcome");
        v.requirePresent(meetingDate, "/meetingDate");
        v.require(minutesParagraph != null && minutesParagraph.matches("§ ?[0-9]{1,4}[a-z]?"), "/minutesParagraph",
                "the minutes paragraph, e.g. \"§ 123\"");
        if (outcome == Outcome.GRANTED) {
            Money requested = currentRevision.content().budget().requestedAmount();
            v.require(grantedAmount != null && !grantedAmount.isZero(), "/grantedAmount",
                    "a grant names an amount of more than zero");
            v.require(grantedAmount == null || !grantedAmount.isGreaterThan(requested), "/grantedAmount",
                    "cannot exceed the requested " + requested.format() + " SEK");
        } else if (outcome == Outcome.DECLINED) {
            v.require(grantedAmount == null, "/grantedAmount", "a declined application is granted nothing");
            v.require(reasons != null && !reasons.isEmpty() && reasons.stream().allMatch(r -> r != null && !r.isBlank()),
                    "/reasons", "a decline gives its reasons");
        }
        v.throwIfAny("the board decision is incomplete");
        boardDecision = new BoardDecision(outcome, outcome == Outcome.GRANTED ? grantedAmount : null,
                conditions == null ? List.of() : conditions, reasons == null ? List.of() : reasons, meetingDate,
                minutesParagraph, at, by.name());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("outcome", outcome.name());
        if (outcome == Outcome.GRANTED) {
            details.put("grantedAmount", grantedAmount.format());
        }
        details.put("minutes", boardDecision.citation());
        transition(EventType.BOARD_DECISION_RECORDED, outcome == Outcome.GRANTED ? Stage.GRANTED : Stage.DECLINED, by,
                Role.FUND_OFFICER, at, details);
    }

    /** Genomförandets start: project leader, project plan, start and planned end. */
    public void startProject(String projectLeader, String projectPlan, LocalDate startDate, LocalDate plannedEndDate,
                             Actor by, long expectedVersion, Instant at) {
        begin(Action.START_PROJECT, by, expectedVersion);
        Violations v = new Violations();
        v.requireText(projectLeader, "/projectLeader");
        v.requireText(projectPlan, "/projectPlan");
        v.requirePresent(startDate, "/startDate");
        v.require(startDate == null || !startDate.isBefore(boardDecision.meetingDate()), "/startDate",
                "a project cannot start before the board's decision (" + boardDecision.meetingDate() + ")");
        v.require(startDate == null || plannedEndDate != null && plannedEndDate.isAfter(startDate),
                "/plannedEndDate", "must be after the start date");
        v.throwIfAny("the project start is incomplete");
        projectStart = new ProjectStart(projectLeader, projectPlan, startDate, plannedEndDate, at, by.name());
        transition(EventType.PROJECT_STARTED, Stage.IN_IMPLEMENTATION, by, roleOf(by, Role.APPLICANT,
                Role.OFFICE_HEAD), at, Map.of("startDate", startDate.toString(),
                "plannedEndDate", plannedEndDate.toString()));
    }

    /** Costs so far (a running total per year and category) against the budget. */
    public void reportCosts(LocalDate asOf, List<CostLine> lines, String comment, Actor by, long expectedVersion,
                            Instant at) {
        begin(Action.REPORT_COSTS, by, expectedVersion);
        Violations v = new Violations();
        v.require(asOf != null && !asOf.isBefore(projectStart.startDate()), "/asOf",
                "the date the costs run to, not before the project's start");
        v.require(lines != null && !lines.isEmpty(), "/lines", "at least one line (a zero amount is allowed)");
        if (lines != null) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                CostLine line = lines.get(i);
                v.require(seen.add(line.year() + "/" + line.category()), "/lines/" + i,
                        "one line per year and category");
            }
        }
        v.throwIfAny("the cost report is incomplete");
        int number = costReports.size() + 1;
        CostReport report = new CostReport(number, asOf, lines, comment, at, by.name());
        costReports.add(report);
        transition(EventType.COSTS_REPORTED, stage, by, roleOf(by, Role.APPLICANT, Role.OFFICE_HEAD), at,
                Map.of("costReport", Integer.toString(number), "total", report.total().format()));
    }

    /** Halvtidsuppföljning with measurements of the application's indicators. */
    public void submitFollowUp(String progress, String risks, List<Measurement> measurements, Actor by,
                               long expectedVersion, Instant at) {
        begin(Action.SUBMIT_FOLLOW_UP, by, expectedVersion);
        Violations v = new Violations();
        v.requireText(progress, "/progress");
        v.requireText(risks, "/risks");
        validateMeasurements(measurements, v);
        v.throwIfAny("the follow-up is incomplete");
        followUp = new FollowUp(progress, risks, measurements, at, by.name());
        transition(EventType.FOLLOW_UP_SUBMITTED, Stage.FOLLOWED_UP, by, roleOf(by, Role.APPLICANT,
                Role.OFFICE_HEAD), at, Map.of("measurements", Integer.toString(measurements.size())));
    }

    /** Utvärdering: the final evaluation, also owed by a terminated project. */
    public void submitEvaluation(String summary, String humanGains, List<Measurement> measurements,
                                 EconomicEvaluation economics, Actor by, long expectedVersion, Instant at) {
        begin(Action.SUBMIT_EVALUATION, by, expectedVersion);
        Violations v = new Violations();
        v.requireText(summary, "/summary");
        v.requireText(humanGains, "/humanGains");
        validateMeasurements(measurements, v);
        v.throwIfAny("the evaluation is incomplete");
        if (economics != null) {
            economics.validate("/economics");
        }
        evaluation = new Evaluation(summary, humanGains, measurements, economics, at, by.name());
        transition(EventType.EVALUATION_SUBMITTED, Stage.EVALUATED, by, roleOf(by, Role.APPLICANT,
                Role.OFFICE_HEAD), at, Map.of("measurements", Integer.toString(measurements.size()),
                "terminatedEarly", Boolean.toString(termination != null)));
    }

    /**
     * Beslut om implementering. Closes the investment; the money not spent is what the caller releases back to the
     * fund in the same transaction ({@link #unspentAmount()} before this call).
     */
    public void recordImplementationDecision(ImplementationDecision.Outcome outcome,
                                             ImplementationDecision.Financing financing, String committee,
                                             LocalDate decidedOn, String reference, String motivation, Actor by,
                                             long expectedVersion, Instant at) {
        begin(Action.RECORD_IMPLEMENTATION_DECISION, by, expectedVersion);
        Violations v = new Violations();
        v.requirePresent(outcome, "/outcome");
        v.require(outcome == null || (outcome == ImplementationDecision.Outcome.NOT_IMPLEMENTED) == (financing == null),
                "/financing", "implementing names its financing (REPRIORITISATION or BUDGET_REQUEST); "
                        + "not implementing names none");
        v.requireText(committee, "/committee");
        v.requirePresent(decidedOn, "/decidedOn");
        v.requireText(reference, "/reference");
        v.throwIfAny("the implementation decision is incomplete");
        implementationDecision = new ImplementationDecision(outcome, financing, committee, decidedOn, reference,
                motivation, at, by.name());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("outcome", outcome.name());
        if (financing != null) {
            details.put("financing", financing.name());
        }
        transition(EventType.IMPLEMENTATION_DECISION_RECORDED, Stage.CLOSED, by,
                roleOf(by, Role.FUND_OFFICER, Role.OFFICE_HEAD), at, details);
    }

    /** The office withdraws its application before the board decides. */
    public void withdraw(String reason, Actor by, long expectedVersion, Instant at) {
        begin(Action.WITHDRAW, by, expectedVersion);
        new Violations().requireText(reason, "/reason").throwIfAny("a withdrawal gives its reason");
        withdrawal = new Withdrawal(reason, at, by.name());
        transition(EventType.WITHDRAWN, Stage.WITHDRAWN, by, roleOf(by, Role.APPLICANT, Role.OFFICE_HEAD), at,
                Map.of());
    }

    /** The fund officer ends a running project early; its evaluation is still owed. */
    public void terminate(String reason, LocalDate endedOn, Actor by, long expectedVersion, Instant at) {
        begin(Action.TERMINATE, by, expectedVersion);
        Violations v = new Violations();
        v.requireText(reason, "/reason");
        v.require(endedOn != null && !endedOn.isBefore(projectStart.startDate()), "/endedOn",
                "the date the project ended, not before its start");
        v.throwIfAny("a termination gives its reason and date");
        termination = new Termination(reason, endedOn, at, by.name());
        transition(EventType.TERMINATED, Stage.TERMINATED, by, Role.FUND_OFFICER, at,
                Map.of("endedOn", endedOn.toString()));
    }

    /** Återföringsmodellen: only for investments started before 2021. */
    public void setRepaymentPlan(List<RepaymentPlan.Installment> installments, Actor by, long expectedVersion,
                                 Instant at) {
        if (mayTake(Action.SET_REPAYMENT_PLAN, by) && expectedVersion == version
                && Action.SET_REPAYMENT_PLAN.allowedIn(stage) && projectStart != null
                && projectStart.startDate().getYear() >= RepaymentPlan.ABOLISHED_FROM_YEAR) {
            throw new RuleViolation("/installments", "the repayment model (återföringsmodellen) was abolished for "
                    + "investments started from " + RepaymentPlan.ABOLISHED_FROM_YEAR + "; this one started on "
                    + projectStart.startDate());
        }
        begin(Action.SET_REPAYMENT_PLAN, by, expectedVersion);
        RepaymentPlan.validate(installments);
        repaymentPlan = new RepaymentPlan(installments, at, by.name());
        transition(EventType.REPAYMENT_PLAN_SET, stage, by, Role.FUND_OFFICER, at,
                Map.of("total", repaymentPlan.total().format(),
                        "installments", Integer.toString(installments.size())));
    }

    /** Records that unspent money went back to the fund (on closing or termination). */
    public void markReleased(Money amount) {
        releasedAmount = releasedAmount.plus(amount);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** What the latest cost report says the project has spent. */
    public Money spentAmount() {
        return costReports.isEmpty() ? Money.ZERO : costReports.get(costReports.size() - 1).total();
    }

    /**
     * What the project had spent as of the day: the latest filed cost report whose costs run to that day or
     * earlier (each report is a running total), zero when none does. Reports filed later but dated after the day
     * do not change it, so a past year's figure stays put; with a day after every report it is
     * {@link #spentAmount()}.
     */
    public Money spentAsOf(LocalDate day) {
        for (int i = costReports.size() - 1; i >= 0; i--) {
            CostReport report = costReports.get(i);
            if (!report.asOf().isAfter(day)) {
                return report.total();
            }
        }
        return Money.ZERO;
    }

    public Money grantedAmount() {
        return boardDecision != null && boardDecision.outcome() == Outcome.GRANTED ? boardDecision.grantedAmount()
                : Money.ZERO;
    }

    /** Granted money neither spent nor already returned: what goes back to the fund when the investment ends. */
    public Money unspentAmount() {
        return grantedAmount().minusOrZero(spentAmount()).minusOrZero(releasedAmount);
    }

    public List<String> offices() {
        return currentRevision.content().officeCodes();
    }

    public String leadOffice() {
        return currentRevision.content().leadOffice();
    }

    public Map<Integer, Map<CostCategory, Money>> budgetByYear() {
        Map<Integer, Map<CostCategory, Money>> out = new java.util.TreeMap<>();
        currentRevision.content().budget().lines().forEach(l ->
                out.computeIfAbsent(l.year(), y -> new java.util.EnumMap<>(CostCategory.class)).put(l.category(), l.amount()));
        return out;
    }

    public ApplicationSnapshot snapshot() {
        return new ApplicationSnapshot(id, registrationNumber, periodId, stage, version, receivedAt, updatedAt,
                submittedBy, currentRevision, criteriaAssessment, completionRequests, municipalPerspective, reviews,
                boardDecision, projectStart, costReports, followUp, evaluation, implementationDecision, withdrawal,
                termination, repaymentPlan, releasedAmount);
    }

    /** Events recorded since this object was loaded or created, oldest first; persistence appends them. */
    public List<ApplicationEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    /** The revision added since loading (the first on submission, the next on completion), if any. */
    public java.util.Optional<Revision> newRevision() {
        return java.util.Optional.ofNullable(newRevision);
    }

    public UUID id() {
        return id;
    }

    public RegistrationNumber registrationNumber() {
        return registrationNumber;
    }

    public UUID periodId() {
        return periodId;
    }

    public Stage stage() {
        return stage;
    }

    public long version() {
        return version;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Revision currentRevision() {
        return currentRevision;
    }

    public ApplicationContent content() {
        return currentRevision.content();
    }

    public CriteriaAssessment criteriaAssessment() {
        return criteriaAssessment;
    }

    public List<CompletionRequest> completionRequests() {
        return List.copyOf(completionRequests);
    }

    public MunicipalPerspective municipalPerspective() {
        return municipalPerspective;
    }

    public List<Review> reviews() {
        return List.copyOf(reviews);
    }

    public BoardDecision boardDecision() {
        return boardDecision;
    }

    public ProjectStart projectStart() {
        return projectStart;
    }

    public List<CostReport> costReports() {
        return List.copyOf(costReports);
    }

    public FollowUp followUp() {
        return followUp;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    public ImplementationDecision implementationDecision() {
        return implementationDecision;
    }

    public Withdrawal withdrawal() {
        return withdrawal;
    }

    public Termination termination() {
        return termination;
    }

    public RepaymentPlan repaymentPlan() {
        return repaymentPlan;
    }

    public Money releasedAmount() {
        return releasedAmount;
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void validateMeasurements(List<Measurement> measurements, Violations v) {
        if (measurements == null) {
            v.require(false, "/measurements", "is required (it may be empty)");
            return;
        }
        java.util.Set<String> codes = new java.util.HashSet<>();
        content().indicators().forEach(i -> codes.add(i.code()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            String at = "/measurements/" + i;
            v.require(m.indicator() != null && codes.contains(m.indicator()), at + "/indicator",
                    "one of the application's indicators: " + codes);
            v.requirePresent(m.group(), at + "/group");
            v.requirePresent(m.measuredOn(), at + "/measuredOn");
            v.require(m.n() >= 0, at + "/n", "the number measured, zero or more");
            v.requirePresent(m.value(), at + "/value");
            v.require(m.group() != Measurement.Group.CONTROL || m.indicator() == null || content().indicators()
                            .stream().anyMatch(ind -> ind.code().equals(m.indicator()) && ind.controlGroup() != null),
                    at + "/group", "this indicator has no control group");
            v.require(seen.add(m.indicator() + "/" + m.group() + "/" + m.measuredOn()), at,
                    "one measurement per indicator, group and date");
        }
    }

    private void transition(EventType type, Stage next, Actor by, Role role, Instant at, Map<String, String> details) {
        Stage before = stage;
        stage = next;
        record(type, before, next, by, role, at, details);
    }

    private void record(EventType type, Stage before, Stage after, Actor by, Role role, Instant at,
                        Map<String, String> details) {
        version++;
        updatedAt = at;
        newEvents.add(new ApplicationEvent(type, at, by.subject(), by.name(), role.claim(), by.office().orElse(null),
                before, after, version, details));
    }

    /** The first of the given roles the actor has: the capacity in which they acted. */
    private static Role roleOf(Actor by, Role... candidates) {
        return Arrays.stream(candidates).filter(by::has).findFirst().orElse(candidates[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Application other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
