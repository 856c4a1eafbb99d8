package se.socialfund.domain.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.BoardDecision.Outcome;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.application.RepaymentPlan.Installment;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.DomainException;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static se.socialfund.domain.application.Action.*;
import static se.socialfund.domain.application.Fixtures.*;
import static se.socialfund.domain.application.Stage.*;

/**
 * Random sequences of steps, by random people, against one application. The expectations are written here from
 * the guideline's lifecycle, not read from the production table: who may take each step, from which stages, and
 * where it leads.
 */
class ApplicationStepSequenceTest {

    // ---- the lifecycle as the guideline describes it --------------------------------------------------------------

    /** Who takes each step. Office roles act only on their own offices' applications. */
    private static final Map<Action, Set<Role>> WHO = new EnumMap<>(Map.ofEntries(
            Map.entry(ASSESS_CRITERIA, EnumSet.of(Role.FUND_OFFICER)),
            Map.entry(REQUEST_COMPLETION, EnumSet.of(Role.FUND_OFFICER)),
            Map.entry(SUBMIT_REVISION, EnumSet.of(Role.APPLICANT, Role.OFFICE_HEAD)),
            Map.entry(ADD_MUNICIPAL_PERSPECTIVE, EnumSet.of(Role.FUND_OFFICER)),
            Map.entry(ADD_REVIEW, EnumSet.of(Role.SCIENTIFIC_ADVISOR)),
            Map.entry(RECORD_BOARD_DECISION, EnumSet.of(Role.FUND_OFFICER)),
            Map.entry(START_PROJECT, EnumSet.of(Role.APPLICANT, Role.OFFICE_HEAD)),
            Map.entry(REPORT_COSTS, EnumSet.of(Role.APPLICANT, Role.OFFICE_HEAD)),
            Map.entry(SUBMIT_FOLLOW_UP, EnumSet.of(Role.APPLICANT, Role.OFFICE_HEAD)),
            Map.entry(SUBMIT_EVALUATION, EnumSet.of(Role.APPLICANT, Role.OFFICE_HEAD)),
            Map.entry(RECORD_IMPLEMENTATION_DECISION, EnumSet.of(Role.FUND_OFFICER, Role.OFFICE_HEAD)),
            Map.entry(WITHDRAW, EnumSet.of(Role.APPLICANT, Role.OFFICE_HEAD)),
            Map.entry(TERMINATE, EnumSet.of(Role.FUND_OFFICER)),
            Map.entry(SET_REPAYMENT_PLAN, EnumSet.of(Role.FUND_OFFICER))));

    private static final Set<Stage> BEFORE_DECISION = EnumSet.of(RECEIVED, CRITERIA_CHECKED, COMPLETION_REQUESTED,
            READY_FOR_DECISION);
    private static final Set<Stage> RUNNING = EnumSet.of(IN_IMPLEMENTATION, FOLLOWED_UP);

    /** From which stages each step may be taken. */
    private static final Map<Action, Set<Stage>> FROM = new EnumMap<>(Map.ofEntries(
            Map.entry(ASSESS_CRITERIA, EnumSet.of(RECEIVED)),
            Map.entry(REQUEST_COMPLETION, EnumSet.of(CRITERIA_CHECKED, READY_FOR_DECISION)),
            Map.entry(SUBMIT_REVISION, EnumSet.of(COMPLETION_REQUESTED)),
            Map.entry(ADD_MUNICIPAL_PERSPECTIVE, EnumSet.of(CRITERIA_CHECKED)),
            // the advisor may comment on anything that is not finished
            Map.entry(ADD_REVIEW, EnumSet.complementOf(EnumSet.of(REJECTED, DECLINED, WITHDRAWN, CLOSED))),
            Map.entry(RECORD_BOARD_DECISION, EnumSet.of(READY_FOR_DECISION)),
            Map.entry(START_PROJECT, EnumSet.of(GRANTED)),
            Map.entry(REPORT_COSTS, RUNNING),
            Map.entry(SUBMIT_FOLLOW_UP, EnumSet.of(IN_IMPLEMENTATION)),
            Map.entry(SUBMIT_EVALUATION, EnumSet.of(FOLLOWED_UP, TERMINATED)),
            Map.entry(RECORD_IMPLEMENTATION_DECISION, EnumSet.of(EVALUATED)),
            Map.entry(WITHDRAW, BEFORE_DECISION),
            Map.entry(TERMINATE, RUNNING),
            // once started, until the investment is closed
            Map.entry(SET_REPAYMENT_PLAN, EnumSet.of(IN_IMPLEMENTATION, FOLLOWED_UP, EVALUATED, TERMINATED))));

    /** Where each step may lead. */
    private static final Map<Action, Set<Stage>> TO = new EnumMap<>(Map.ofEntries(
            Map.entry(ASSESS_CRITERIA, EnumSet.of(CRITERIA_CHECKED, REJECTED)),
            Map.entry(REQUEST_COMPLETION, EnumSet.of(COMPLETION_REQUESTED)),
            Map.entry(SUBMIT_REVISION, EnumSet.of(CRITERIA_CHECKED)),
            Map.entry(ADD_MUNICIPAL_PERSPECTIVE, EnumSet.of(READY_FOR_DECISION)),
            Map.entry(RECORD_BOARD_DECISION, EnumSet.of(GRANTED, DECLINED)),
            Map.entry(START_PROJECT, EnumSet.of(IN_IMPLEMENTATION)),
            Map.entry(SUBMIT_FOLLOW_UP, EnumSet.of(FOLLOWED_UP)),
            Map.entry(SUBMIT_EVALUATION, EnumSet.of(EVALUATED)),
            Map.entry(RECORD_IMPLEMENTATION_DECISION, EnumSet.of(CLOSED)),
            Map.entry(WITHDRAW, EnumSet.of(WITHDRAWN)),
            Map.entry(TERMINATE, EnumSet.of(TERMINATED))));
    /** Steps that leave the stage as it was. */
    private static final Set<Action> STAY = EnumSet.of(ADD_REVIEW, REPORT_COSTS, SET_REPAYMENT_PLAN);

    private static final Map<Action, EventType> EVENT = new EnumMap<>(Map.ofEntries(
            Map.entry(ASSESS_CRITERIA, EventType.CRITERIA_ASSESSED),
            Map.entry(REQUEST_COMPLETION, EventType.COMPLETION_REQUESTED),
            Map.entry(SUBMIT_REVISION, EventType.REVISION_SUBMITTED),
            Map.entry(ADD_MUNICIPAL_PERSPECTIVE, EventType.MUNICIPAL_PERSPECTIVE_ADDED),
            Map.entry(ADD_REVIEW, EventType.REVIEW_ADDED),
            Map.entry(RECORD_BOARD_DECISION, EventType.BOARD_DECISION_RECORDED),
            Map.entry(START_PROJECT, EventType.PROJECT_STARTED),
            Map.entry(REPORT_COSTS, EventType.COSTS_REPORTED),
            Map.entry(SUBMIT_FOLLOW_UP, EventType.FOLLOW_UP_SUBMITTED),
            Map.entry(SUBMIT_EVALUATION, EventType.EVALUATION_SUBMITTED),
            Map.entry(RECORD_IMPLEMENTATION_DECISION, EventType.IMPLEMENTATION_DECISION_RECORDED),
            Map.entry(WITHDRAW, EventType.WITHDRAWN),
            Map.entry(TERMINATE, EventType.TERMINATED),
            Map.entry(SET_REPAYMENT_PLAN, EventType.REPAYMENT_PLAN_SET)));

    /**
     * Everyone who might try: the office roles in the lead office, a partner office, an unrelated office and none;
     * the roles whose office does not matter once each.
     */
    private static final List<Actor> PEOPLE = people();

    private static List<Actor> people() {
        List<Actor> people = new ArrayList<>();
        for (Role role : List.of(Role.APPLICANT, Role.OFFICE_HEAD)) {
            for (String office : new String[] {LEAD, PARTNER, OTHER, null}) {
                people.add(actor(role, office));
            }
        }
        people.addAll(List.of(fundOfficer(), advisor(), auditor(), form()));
        return List.copyOf(people);
    }

    private static boolean mayTake(Application app, Action action, Actor actor) {
        for (Role role : WHO.get(action)) {
            if (!actor.has(role)) {
                continue;
            }
            boolean officeRole = role == Role.APPLICANT || role == Role.OFFICE_HEAD;
            if (!officeRole || app.snapshot().offices().stream().anyMatch(actor::belongsTo)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startedBefore2021(Application app) {
        ProjectStart start = app.snapshot().projectStart();
        return start != null && start.startDate().getYear() < 2021;
    }

    private static boolean isPossible(Application app, Action action) {
        if (!FROM.get(action).contains(app.stage())) {
            return false;
        }
        // the repayment model: only for investments started before 2021, and one plan
        return action != SET_REPAYMENT_PLAN || startedBefore2021(app) && app.snapshot().repaymentPlan() == null;
    }

    /** The steps possible now for someone with the right role, as the lifecycle above says. */
    private static List<Action> possibleActions(Application app) {
        return java.util.Arrays.stream(Action.values()).filter(a -> isPossible(app, a)).toList();
    }

    /** The refusal expected, in the order a step is refused; null for success. */
    private static Class<? extends DomainException> expectedRefusal(Application app, Action action, Actor actor,
                                                                   long skew, boolean validBody) {
        if (!mayTake(app, action, actor)) {
            return AccessDenied.class;
        }
        if (skew != 0) {
            return StaleVersion.class;
        }
        if (action == SET_REPAYMENT_PLAN && FROM.get(action).contains(app.stage())
                && app.snapshot().projectStart() != null && !startedBefore2021(app)) {
            return RuleViolation.class; // abolished: a rule, once the stage is right
        }
        if (!isPossible(app, action)) {
            return IllegalTransition.class;
        }
        return validBody ? null : RuleViolation.class;
    }

    // ---- the generated steps -------------------------------------------------------------------------------------

    /**
     * One attempted step. {@code guided} picks among the steps possible now, by someone who may take them, and
     * without a {@code detour} only among those that move the application on (so that runs get far into the
     * lifecycle); otherwise it is any step by anyone.
     */
    record Attempt(boolean guided, boolean detour, int actionPick, int actorPick, int skew, boolean validBody,
                   boolean favourable, int amountPick) {
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        Arbitrary<Attempt> attempt = Combinators.combine(
                Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false)),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000),
                Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just(0)),
                        Tuple.of(1, Arbitraries.of(-1, 1))),
                Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)),
                Arbitraries.frequency(Tuple.of(5, true), Tuple.of(1, false)),
                Arbitraries.integers().between(1, 300))
                .as(Attempt::new);
        return attempt.list().ofMinSize(5).ofMaxSize(40);
    }

    @Provide
    Arbitrary<LocalDate> receivedOn() {
        // 2020 runs can reach the repayment model; later runs cannot
        return Arbitraries.of(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 10, 1), LocalDate.of(2026, 3, 2));
    }

    @Property(tries = 200)
    @Label("every attempted step succeeds as the lifecycle says or is refused in order and changes nothing")
    void every_attempted_step_succeeds_as_the_lifecycle_says_or_is_refused_in_order_and_changes_nothing(
            @ForAll("receivedOn") LocalDate receivedOn, @ForAll("attempts") List<Attempt> attempts) {
        Journey journey = Journey.receivedOn(receivedOn);
        Application app = journey.app;
        checkInvariants(app, journey);

        for (Attempt attempt : attempts) {
            LocalDate today = journey.nextDay();
            Action action;
            Actor actor;
            List<Action> possible = possibleActions(app);
            List<Action> onward = possible.stream().filter(p -> p != WITHDRAW && p != ADD_REVIEW).toList();
            List<Action> choice = attempt.detour() || onward.isEmpty() ? possible : onward;
            if (attempt.guided() && !choice.isEmpty()) {
                action = choice.get(attempt.actionPick() % choice.size());
                List<Actor> able = PEOPLE.stream().filter(p -> mayTake(app, action, p)).toList();
                actor = able.isEmpty() ? PEOPLE.get(attempt.actorPick() % PEOPLE.size())
                        : able.get(attempt.actorPick() % able.size());
            } else {
                action = Action.values()[attempt.actionPick() % Action.values().length];
                actor = PEOPLE.get(attempt.actorPick() % PEOPLE.size());
            }
            Class<? extends DomainException> expected = expectedRefusal(app, action, actor, attempt.skew(),
                    attempt.validBody());
            ApplicationSnapshot before = app.snapshot();
            int eventsBefore = app.newEvents().size();

            DomainException refused = null;
            try {
                take(app, action, actor, app.version() + attempt.skew(), attempt, today);
            } catch (DomainException e) {
                refused = e;
            }

            String what = action + " by " + actor.subject() + " in " + before.stage();
            if (expected == null) {
                assertThat(refused).as(what + " should succeed").isNull();
                assertThat(app.version()).as(what).isEqualTo(before.version() + 1);
                assertThat(app.newEvents()).as(what).hasSize(eventsBefore + 1);
                ApplicationEvent event = app.newEvents().get(eventsBefore);
                assertThat(event.type()).as(what).isEqualTo(EVENT.get(action));
                assertThat(event.stageBefore()).as(what).isEqualTo(before.stage());
                Set<Stage> targets = STAY.contains(action) ? EnumSet.of(before.stage()) : TO.get(action);
                assertThat(app.stage()).as(what).isIn(targets);
            } else {
                assertThat(refused).as(what + " should be refused").isInstanceOf(expected);
                assertThat(app.snapshot()).as(what + " should change nothing").isEqualTo(before);
                assertThat(app.newEvents()).as(what).hasSize(eventsBefore);
            }
            Statistics.label("stage reached").collect(app.stage());
            Statistics.label("outcome").collect(refused == null ? "succeeded" : refused.getClass().getSimpleName());
            checkInvariants(app, journey);
        }
        // a guard against a generator that never gets far: every stage and every kind of refusal turns up
        Statistics.label("stage reached").coverage(coverage -> {
            for (Stage stage : Stage.values()) {
                coverage.check(stage).count(n -> n > 0);
            }
        });
        Statistics.label("outcome").coverage(coverage -> {
            for (String outcome : List.of("succeeded", "AccessDenied", "StaleVersion", "IllegalTransition",
                    "RuleViolation")) {
                coverage.check(outcome).count(n -> n > 0);
            }
        });
    }

    private static void checkInvariants(Application app, Journey journey) {
        Stage stage = app.stage();
        // the version counts the events: one on receipt, one per step since
        List<ApplicationEvent> events = app.newEvents();
        assertThat(app.version()).isEqualTo(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).version()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(events.get(i).stageBefore()).isEqualTo(events.get(i - 1).stageAfter());
            }
        }
        assertThat(events.get(events.size() - 1).stageAfter()).isEqualTo(stage);

        ApplicationSnapshot s = app.snapshot();
        // a finished application takes no step, whoever asks
        if (stage.isTerminal()) {
            for (Actor person : PEOPLE) {
                assertThat(app.allowedActions(person)).as(person.subject() + " in " + stage).isEmpty();
            }
        }

        // money: never more granted than requested, never a negative or larger-than-granted remainder
        assertThat(s.grantedAmount()).isLessThanOrEqualTo(s.content().budget().requestedAmount());
        assertThat(s.unspentAmount()).isLessThanOrEqualTo(s.grantedAmount());
        assertThat(s.unspentAmount()).isEqualTo(s.grantedAmount().minusOrZero(s.spentAmount())
                .minusOrZero(s.releasedAmount()));
        // an investment that ended gave back everything it did not spend
        if (stage == TERMINATED || stage == CLOSED) {
            assertThat(s.unspentAmount()).as("unspent in " + stage).isEqualTo(Money.ZERO);
        }

        // what the stage says has happened, has happened
        Set<Stage> decided = EnumSet.of(GRANTED, DECLINED, IN_IMPLEMENTATION, FOLLOWED_UP, EVALUATED, CLOSED,
                TERMINATED);
        Set<Stage> started = EnumSet.of(IN_IMPLEMENTATION, FOLLOWED_UP, EVALUATED, CLOSED, TERMINATED);
        assertThat(s.boardDecision() != null).as("board decision in " + stage).isEqualTo(decided.contains(stage));
        assertThat(s.projectStart() != null).as("project start in " + stage).isEqualTo(started.contains(stage));
        assertThat(s.withdrawal() != null).isEqualTo(stage == WITHDRAWN);
        if (stage == TERMINATED) {
            assertThat(s.termination()).isNotNull();
        }
        if (stage == REJECTED) {
            assertThat(s.criteriaAssessment().allMet()).isFalse();
        }
        if (stage == EVALUATED || stage == CLOSED) {
            assertThat(s.evaluation()).isNotNull();
        }
        if (s.repaymentPlan() != null) {
            assertThat(startedBefore2021(app)).isTrue();
        }

        // the steps offered to each person are exactly those the lifecycle gives them, and each then succeeds
        for (Actor person : PEOPLE) {
            List<Action> offered = app.allowedActions(person);
            List<Action> expected = java.util.Arrays.stream(Action.values())
                    .filter(a -> mayTake(app, a, person) && isPossible(app, a)).toList();
            assertThat(offered).as("offered to " + person.subject() + " in " + stage).isEqualTo(expected);
            for (Action action : offered) {
                Application copy = Application.restore(app.snapshot());
                try {
                    take(copy, action, person, copy.version(), new Attempt(true, false, 0, 0, 0, true, true, 150),
                            journey.today());
                } catch (DomainException e) {
                    fail(action + " was offered to " + person.subject() + " in " + stage + " but refused: " + e);
                }
                assertThat(copy.version()).isEqualTo(app.version() + 1);
            }
        }
    }

    // ---- taking a step with a valid (or deliberately invalid) body ------------------------------------------------

    private static void take(Application app, Action action, Actor by, long version, Attempt a, LocalDate today) {
        Step step = step(by, version, today);
        boolean ok = a.validBody();
        ApplicationSnapshot s = app.snapshot();
        LocalDate meeting = s.boardDecision() == null ? today : s.boardDecision().meetingDate();
        LocalDate start = s.projectStart() == null ? today : s.projectStart().startDate();
        LocalDate onOrAfterStart = today.isBefore(start) ? start : today;
        switch (action) {
            case ASSESS_CRITERIA -> app.assessCriteria(new CriteriaAssessment.Draft(!ok
                    ? allCriteriaMet().subList(0, 3)
                    : a.favourable() ? allCriteriaMet() : criteriaFailing(Criterion.PROMOTES_COLLABORATION),
                    List.of()), step);
            case REQUEST_COMPLETION -> app.requestCompletion(new CompletionRequest.Draft(ok
                    ? List.of("Which control group?") : List.of()), step);
            case SUBMIT_REVISION -> app.submitRevision(content(today).with(c -> {
                c.officeHeadApproval = new ApplicationContent.Approval("Head", today);
                c.title = ok ? "Revised" : " ";
            }).build(), step);
            case ADD_MUNICIPAL_PERSPECTIVE -> app.addMunicipalPerspective(new MunicipalPerspective.Draft(
                    List.of(ok ? "safe-childhood" : "unknown"), List.of("16.2"), Recommendation.GRANT, "Motivation"),
                    KNOWN_GOALS, step);
            case ADD_REVIEW -> app.addReview(ok ? "A comment" : " ", step);
            case RECORD_BOARD_DECISION -> {
                Money requested = s.content().budget().requestedAmount();
                if (a.favourable()) {
                    Money amount = ok ? Money.ofOre(Math.max(1, requested.ore() * Math.min(a.amountPick(), 300) / 300))
                            : requested.plus(Money.ofOre(a.amountPick()));
                    app.recordBoardDecision(new BoardDecision.Draft(Outcome.GRANTED, amount, List.of(), List.of(),
                            today, "§ 12"), step);
                } else {
                    app.recordBoardDecision(new BoardDecision.Draft(Outcome.DECLINED, null, List.of(),
                            ok ? List.of("Other priorities") : List.of(), today, "§ 12"), step);
                }
            }
            case START_PROJECT -> {
                LocalDate startOn = ok ? (today.isBefore(meeting) ? meeting : today) : meeting.minusDays(1);
                app.startProject(new ProjectStart.Draft("Leader", "Plan", startOn, startOn.plusYears(1)), step);
            }
            case REPORT_COSTS -> app.reportCosts(new CostReport.Draft(onOrAfterStart, ok ? List.of(new CostLine(
                    today.getYear(), CostCategory.PERSONNEL, Money.ofOre(a.amountPick() * 500_000L))) : List.of(),
                    null), step);
            case SUBMIT_FOLLOW_UP -> app.submitFollowUp(new FollowUp.Draft("Progress", "Risks", List.of(
                    new Measurement(ok ? "placements" : "unknown", Measurement.Group.TARGET, today, 30,
                            new BigDecimal("35")))), step);
            case SUBMIT_EVALUATION -> app.submitEvaluation(new Evaluation.Draft(ok ? "Summary" : "", "Gains",
                    List.of(), a.favourable() ? new EconomicEvaluation(today.getYear() + 1, 5,
                    new BigDecimal("0.035"), List.of(new EconomicEvaluation.SavingsItem("Placements",
                    "Socialnämnden", Money.of("150000"), BigDecimal.ONE, 1))) : null), step);
            case RECORD_IMPLEMENTATION_DECISION -> app.recordImplementationDecision(new ImplementationDecision.Draft(
                    ImplementationDecision.Outcome.IMPLEMENT,
                    ok ? ImplementationDecision.Financing.BUDGET_REQUEST : null, "BUN", today, "BUN § 3", null),
                    step);
            case WITHDRAW -> app.withdraw(ok ? "Reason" : " ", step);
            case TERMINATE -> app.terminate(new Termination.Draft("Reason", ok ? onOrAfterStart
                    : start.minusDays(1)), step);
            case SET_REPAYMENT_PLAN -> app.setRepaymentPlan(ok ? List.of(new Installment("Socialnämnden", 2022,
                    Money.of("500000"))) : List.of(), step);
        }
    }
}
