package se.socialfund.bootstrap;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import se.socialfund.application.port.in.ApplicationStepUseCases.StepCommand;
import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.application.port.in.FundUseCases.MarkCapital;
import se.socialfund.application.port.in.FundUseCases.RecordRepayment;
import se.socialfund.application.port.in.OpenApplicationPeriodUseCase;
import se.socialfund.application.port.in.SubmitApplicationUseCase;
import se.socialfund.application.port.out.ApplicationFilter;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.out.Caller;
import se.socialfund.application.port.out.CurrentCaller;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.IdempotencyKeys;
import se.socialfund.application.port.out.MunicipalGoals;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.usecase.ApplicationLifecycleService;
import se.socialfund.application.usecase.ApplicationPeriodService;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.FundService;
import se.socialfund.application.usecase.SubmitApplicationService;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.CostReport;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.Criterion;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.application.ProjectStart;
import se.socialfund.domain.application.RepaymentPlan;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;

/**
 * Realistic data for the local default, behind the switch {@code SOCIALFUND_SEED=true}: the fund's 40 MSEK marked at
 * the 2011 closing, and the investments named on the fund's public page, granted through the same use cases as live
 * ones, with a clock set to their historical dates, so every step is checked by the domain's rules and audited like
 * any change (client id {@code seed}). Only "Alla barn i skolan" (11.6 MSEK) has its amount from the source
 * documents; the other amounts, all dates, texts and repayments are ILLUSTRATIVE and say so. Runs once, on an empty
 * database; each step is a transaction of its own, as a request would be.
 */
@Singleton
public class SeedData {
    private static final Logger LOG = Logger.getLogger(SeedData.class);
    static final String ILLUSTRATIVE = " (illustrativt belopp och datum, inte ur källdokumenten)";

    @ConfigProperty(name = "socialfund.seed", defaultValue = "false")
    boolean enabled;

    @Inject UnitOfWork unitOfWork;
    @Inject ApplicationRepository applications;
    @Inject ApplicationPeriods periods;
    @Inject RegistrationNumbers numbers;
    @Inject FundRepository fund;
    @Inject MunicipalGoals goals;
    @Inject AuditTrail audit;
    @Inject IdempotencyKeys idempotencyKeys;
    @Inject ZoneId zone;

    /** One granted investment of the public page. */
    record Seed(String title, String office, int year, String amount, boolean amountFromSources, Stage stage) {
    }

    enum Stage { IN_IMPLEMENTATION, EVALUATED, CLOSED }

    static final List<Seed> SEEDS = List.of(
            new Seed("Alla barn i skolan", "utbildningskontoret", 2012, "11600000.00", true, Stage.CLOSED),
            new Seed("Center för ungdomar med neuropsykiatrisk funktionsproblematik", "socialkontoret", 2013,
                    "7400000.00", false, Stage.CLOSED),
            new Seed("Skolfam", "utbildningskontoret", 2013, "6000000.00", false, Stage.EVALUATED),
            new Seed("Solid Återkomst", "arbetsmarknads-och-vuxenutbildningskontoret", 2014, "5000000.00", false,
                    Stage.CLOSED),
            new Seed("Drop in", "socialkontoret", 2015, "3500000.00", false, Stage.IN_IMPLEMENTATION),
            new Seed("Tidig insats", "vard-och-omsorgskontoret", 2016, "2000000.00", false, Stage.IN_IMPLEMENTATION));

    /** The seed's own caller and clock: each step is taken by its historical actor at its historical time. */
    private final SeedCaller caller = new SeedCaller();
    private final SeedClock clock = new SeedClock();

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            seedIfEmpty();
        }
    }

    /** Seeds an empty database; answers whether it did. */
    boolean seedIfEmpty() {
        boolean empty = unitOfWork.reading(() -> applications.list(
                new ApplicationFilter(null, null, null, null, null, null), 1, null).items().isEmpty());
        if (!empty) {
            LOG.info("seed data: the database already has applications; nothing seeded");
            return false;
        }
        seedNow();
        return true;
    }

    /**
     * Seeds, whatever is there already, through the same use cases as live requests: every step checked by the
     * domain's rules, every change audited, with the seed's historical clock and actors (client id "seed").
     */
    void seedNow() {
        AuditedChanges changes = new AuditedChanges(unitOfWork, audit, caller, clock, zone);
        Steps steps = new Steps(new ApplicationPeriodService(changes, periods),
                new SubmitApplicationService(changes, applications, periods, numbers, idempotencyKeys),
                new ApplicationLifecycleService(changes, applications, fund, goals),
                new FundService(changes, fund, applications));
        Actor officer = actor("kommunstyrelsens-kontor", Role.FUND_OFFICER);
        as(officer, LocalDate.of(2012, 3, 1));
        steps.fund().markCapital(new MarkCapital.Command(Money.of("40000000.00"), 2011,
                "Markering i eget kapital, bokslut 2011" + ILLUSTRATIVE));
        Set<Integer> opened = new java.util.HashSet<>();
        periods.all().forEach(p -> opened.add(p.year()));
        for (Seed seed : SEEDS) {
            if (opened.add(seed.year())) {
                as(officer, LocalDate.of(seed.year(), 8, 15));
                steps.periods().open(new OpenApplicationPeriodUseCase.Command("Hösten " + seed.year(),
                        LocalDate.of(seed.year(), 9, 1), LocalDate.of(seed.year(), 10, 31)));
            }
            seedInvestment(steps, seed, officer);
        }
        LOG.infof("seed data: the fund's 40 MSEK and %d investments from the public page", SEEDS.size());
    }

    record Steps(ApplicationPeriodService periods, SubmitApplicationService submit,
                 ApplicationLifecycleService lifecycle, FundService fund) {
    }

    private void seedInvestment(Steps steps, Seed seed, Actor officer) {
        Actor office = actor(seed.office(), Role.APPLICANT);
        int y = seed.year();
        Money amount = Money.of(seed.amount());
        LocalDate received = LocalDate.of(y, 9, 20);
        String note = seed.amountFromSources() ? "" : ILLUSTRATIVE;
        ApplicationContent content = content(seed, amount, note);
        ApplicationLifecycleService life = steps.lifecycle();
        as(office, received);
        UUID id = steps.submit().submit(new SubmitApplicationUseCase.Command(content, null, null)).receipt()
                .applicationId();
        as(officer, received.plusDays(20));
        ApplicationView v = life.assessCriteria(new StepCommand<>(id, 1, new CriteriaAssessment.Draft(
                List.of(met(Criterion.COUNTERACTS_EXCLUSION), met(Criterion.REDUCES_LONG_TERM_COSTS),
                        met(Criterion.TRIES_NEW_METHODS), met(Criterion.PROMOTES_COLLABORATION)), List.of())));
        as(officer, received.plusDays(40));
        v = life.addMunicipalPerspective(new StepCommand<>(id, version(v),
                new MunicipalPerspective.Draft(List.of("education-and-work"), List.of("4.1", "10.2"),
                        Recommendation.GRANT, "Förebyggande insats för barn och unga; ingår i fondens portfölj "
                        + "enligt den publika sidan.")));
        LocalDate meeting = LocalDate.of(y, 12, 10);
        as(officer, meeting);
        v = life.recordBoardDecision(new StepCommand<>(id, version(v), new BoardDecision.Draft(
                BoardDecision.Outcome.GRANTED, amount, List.of("Halvtidsuppföljning och slutredovisning till "
                + "kommunstyrelsens kontor."), List.of(), meeting, "§ " + (200 + y % 100))));
        LocalDate start = LocalDate.of(y + 1, 1, 15);
        LocalDate end = start.plusYears(3);
        as(office, start);
        v = life.startProject(new StepCommand<>(id, version(v), new ProjectStart.Draft("Projektledare, "
                + seed.office(), "Projektplan " + (y + 1) + note, start, end)));
        Money half = new Money(amount.amount().divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN));
        as(office, start.plusMonths(18));
        v = life.reportCosts(new StepCommand<>(id, version(v), new CostReport.Draft(start.plusMonths(18),
                List.of(new CostLine(y + 2, CostCategory.PERSONNEL, half)), "Upparbetat efter halva tiden" + note)));
        if (RepaymentPlan.ABOLISHED_FROM_YEAR > start.getYear()) {
            v = repaymentPlan(steps, seed, v, officer, amount, start);
        }
        if (seed.stage() != Stage.IN_IMPLEMENTATION) {
            LocalDate mid = v.application().projectStart().midTermFollowUpDue();
            String indicator = content.indicators().get(0).code();
            as(office, mid);
            v = life.submitFollowUp(new StepCommand<>(id, version(v), new FollowUp.Draft("Insatsen följer "
                    + "projektplanen" + note, "Rekrytering" + note, List.of(new Measurement(indicator,
                    Measurement.Group.TARGET, mid, 120, new BigDecimal("9.0"))))));
            as(office, end);
            v = life.reportCosts(new StepCommand<>(id, version(v), new CostReport.Draft(end, List.of(
                    new CostLine(y + 3, CostCategory.PERSONNEL, amount.minusOrZero(Money.of("150000.00")))),
                    "Slutlig kostnad" + note)));
            as(office, end.plusDays(30));
            v = life.submitEvaluation(new StepCommand<>(id, version(v), new Evaluation.Draft(
                    "Slutrapport" + note, "Fler barn och unga i skola och sysselsättning" + note,
                    List.of(new Measurement(indicator, Measurement.Group.TARGET, end, 118, new BigDecimal("6.5"))),
                    null)));
        }
        if (seed.stage() == Stage.CLOSED) {
            LocalDate decided = end.plusMonths(4);
            as(officer, decided);
            life.recordImplementationDecision(new StepCommand<>(id, version(v),
                    new ImplementationDecision.Draft(ImplementationDecision.Outcome.IMPLEMENT,
                            ImplementationDecision.Financing.REPRIORITISATION, committeeOf(seed.office()), decided,
                            "Nämndbeslut " + decided.getYear() + note, null)));
        }
    }

    /** Återföringsmodellen for investments started before 2021: five yearly installments, the first repaid. */
    private ApplicationView repaymentPlan(Steps steps, Seed seed, ApplicationView v, Actor officer, Money amount,
                                          LocalDate start) {
        Money yearly = new Money(amount.amount().divide(BigDecimal.valueOf(5), 2, java.math.RoundingMode.DOWN));
        List<RepaymentPlan.Installment> plan = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            plan.add(new RepaymentPlan.Installment(committeeOf(seed.office()), seed.year() + 1 + i, yearly));
        }
        as(officer, start.plusDays(30));
        UUID id = v.application().id();
        ApplicationView after = steps.lifecycle().setRepaymentPlan(new StepCommand<>(id, version(v), plan));
        // the first installment came back (illustrative): the committee's frame was reduced that year
        RepaymentPlan.Installment first = plan.get(0);
        LocalDate paid = LocalDate.of(first.year(), 12, 31);
        as(officer, paid);
        steps.fund().recordRepayment(new RecordRepayment.Command(id, first.committee(), first.year(), first.amount(),
                paid, "Ramminskning " + first.year() + ILLUSTRATIVE));
        return after;
    }

    private static long version(ApplicationView view) {
        return view.application().version();
    }

    /** Takes the next steps as this actor, at ten in the morning of this day. */
    private void as(Actor actor, LocalDate day) {
        caller.actor = actor;
        clock.now = day.atTime(10, 0).atZone(zone).toInstant();
    }

    private static Actor actor(String office, Role role) {
        return new Actor("seed:" + office, office + " (import)", Set.of(role), Optional.of(office),
                Optional.of("seed"));
    }

    /** The actor of the seed's current step. */
    private static final class SeedCaller implements CurrentCaller {
        private Actor actor;

        @Override
        public Caller current() {
            return new Caller(actor, "seed");
        }
    }

    /** The seed's historical time, moved step by step. */
    private static final class SeedClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String committeeOf(String office) {
        return Map.of("utbildningskontoret", "Barn- och ungdomsnämnden", "socialkontoret", "Socialnämnden",
                "arbetsmarknads-och-vuxenutbildningskontoret", "Arbetsmarknads- och vuxenutbildningsnämnden",
                "vard-och-omsorgskontoret", "Vård- och omsorgsnämnden").getOrDefault(office, "Kommunstyrelsen");
    }

    private static CriterionResult met(Criterion c) {
        return new CriterionResult(c, true, "Uppfyllt enligt ansökan (import).");
    }

    private static ApplicationContent content(Seed seed, Money amount, String note) {
        int y = seed.year();
        BigDecimal third = amount.amount().divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN);
        Money last = amount.minus(new Money(third).plus(new Money(third)));
        return new ApplicationContent(seed.title(),
                "Nulägesbeskrivning för " + seed.title() + note, "Insatsen " + seed.title() + note,
                new ApplicationContent.TargetGroup("Barn och unga i målgruppen" + note, 200),
                List.of(new ApplicationContent.Goal("Minskat utanförskap" + note, List.of(
                        new ApplicationContent.Indicator("outcome-rate", "Andel i målgruppen med negativt utfall",
                                "procent", ApplicationContent.Direction.LOWER_IS_BETTER,
                                new ApplicationContent.Baseline(new BigDecimal("12.0"), LocalDate.of(y, 8, 31)),
                                new BigDecimal("6.0"), null)))),
                List.of(new ApplicationContent.Activity("Genomförande" + note, LocalDate.of(y + 1, 1, 15),
                        LocalDate.of(y + 4, 1, 15))),
                new ApplicationContent.Budget(List.of(
                        new ApplicationContent.BudgetLine(y + 1, CostCategory.PERSONNEL, new Money(third)),
                        new ApplicationContent.BudgetLine(y + 2, CostCategory.PERSONNEL, new Money(third)),
                        new ApplicationContent.BudgetLine(y + 3, CostCategory.PERSONNEL, last)), amount),
                new ApplicationContent.Plans("Uppföljning" + note, "Utvärdering" + note, "Implementering" + note),
                List.of(new ApplicationContent.ParticipatingOffice(seed.office(), true)),
                new ApplicationContent.Approval("Kontorschef, " + seed.office(), LocalDate.of(y, 9, 10)),
                List.of(new ApplicationContent.CommitteeInformation(committeeOf(seed.office()),
                        LocalDate.of(y, 9, 5))));
    }
}
