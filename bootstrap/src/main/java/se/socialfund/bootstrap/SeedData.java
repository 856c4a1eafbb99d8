package se.socialfund.bootstrap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.Agenda2030Target;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.Criterion;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.application.RepaymentPlan;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;

/**
 * Realistic data for the local default, behind the switch {@code SOCIALFUND_SEED=true}: the fund's 40 MSEK marked at
 * the 2011 closing, and the investments named on the fund's public page, granted through the same domain rules as
 * live ones, with their historical dates. Only "Alla barn i skolan" (11.6 MSEK) has its amount from the source
 * documents; the other amounts, all dates, texts and repayments are ILLUSTRATIVE and say so. Runs once, on an
 * empty database.
 */
@Singleton
public class SeedData {
    private static final Logger LOG = Logger.getLogger(SeedData.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final String ILLUSTRATIVE = " (illustrativt belopp och datum, inte ur källdokumenten)";

    @ConfigProperty(name = "socialfund.seed", defaultValue = "false")
    boolean enabled;

    @Inject UnitOfWork unitOfWork;
    @Inject ApplicationRepository applications;
    @Inject ApplicationPeriods periods;
    @Inject RegistrationNumbers numbers;
    @Inject FundRepository fund;
    @Inject se.socialfund.application.port.out.MunicipalGoals goals;
    @Inject AuditTrail audit;

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

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            seedIfEmpty();
        }
    }

    /** Seeds an empty database; answers whether it did. */
    boolean seedIfEmpty() {
        boolean empty = unitOfWork.reading(() -> applications.list(
                new se.socialfund.application.port.out.ApplicationFilter(null, null, null, null, null, null), 1, null)
                .items().isEmpty());
        if (!empty) {
            LOG.info("seed data: the database already has applications; nothing seeded");
            return false;
        }
        seedNow();
        return true;
    }

    /** Seeds, whatever is there already (in one transaction: all of it or nothing). */
    void seedNow() {
        unitOfWork.inTransaction(() -> {
            seed();
            return null;
        });
        LOG.infof("seed data: the fund's 40 MSEK and %d investments from the public page", SEEDS.size());
    }

    private void seed() {
        Actor officer = new Actor("seed:kommunstyrelsens-kontor", "Kommunstyrelsens kontor (import)",
                Set.of(Role.FUND_OFFICER), java.util.Optional.of("kommunstyrelsens-kontor"),
                java.util.Optional.of("seed"));
        Fund f = fund.lockForUpdate();
        f.markCapital(Money.of("40000000.00"), 2011, "Markering i eget kapital, bokslut 2011" + ILLUSTRATIVE,
                officer, at(LocalDate.of(2012, 3, 1)));
        fund.save(f);
        record(officer, "markCapital", "fund", "fund", null, null, null, LocalDate.of(2012, 3, 1));
        List<ApplicationPeriod> known = new ArrayList<>(periods.all());
        for (Seed seed : SEEDS) {
            ApplicationPeriod period = known.stream().filter(p -> p.year() == seed.year()).findFirst()
                    .orElseGet(() -> {
                        ApplicationPeriod p = ApplicationPeriod.open(UUID.randomUUID(), "Hösten " + seed.year(),
                                LocalDate.of(seed.year(), 9, 1), LocalDate.of(seed.year(), 10, 31), known,
                                at(LocalDate.of(seed.year(), 8, 15)), officer.name());
                        periods.add(p);
                        known.add(p);
                        return p;
                    });
            seedInvestment(seed, period, officer);
        }
    }

    private void seedInvestment(Seed seed, ApplicationPeriod period, Actor officer) {
        Actor office = new Actor("seed:" + seed.office(), seed.office() + " (import)",
                Set.of(Role.APPLICANT, Role.OFFICE_HEAD), java.util.Optional.of(seed.office()),
                java.util.Optional.of("seed"));
        int y = seed.year();
        Money amount = Money.of(seed.amount());
        LocalDate received = LocalDate.of(y, 9, 20);
        String note = seed.amountFromSources() ? "" : ILLUSTRATIVE;
        ApplicationContent content = content(seed, amount, note);
        Application app = Application.submit(UUID.randomUUID(), numbers.next(y), period, content, office,
                at(received), received);
        applications.add(app);
        long v = app.version();
        app = applications.find(app.id()).orElseThrow();
        app.assessCriteria(List.of(met(Criterion.COUNTERACTS_EXCLUSION), met(Criterion.REDUCES_LONG_TERM_COSTS),
                met(Criterion.TRIES_NEW_METHODS), met(Criterion.PROMOTES_COLLABORATION)), List.of(), officer, v,
                at(received.plusDays(20)));
        app.addMunicipalPerspective(List.of("education-and-work"), goals.all().keySet(),
                List.of(new Agenda2030Target("4.1"), new Agenda2030Target("10.2")), Recommendation.GRANT,
                "Förebyggande insats för barn och unga; ingår i fondens portfölj enligt den publika sidan.",
                officer, app.version(), at(received.plusDays(40)));
        LocalDate meeting = LocalDate.of(y, 12, 10);
        app.recordBoardDecision(BoardDecision.Outcome.GRANTED, amount, List.of("Halvtidsuppföljning och "
                + "slutredovisning till kommunstyrelsens kontor."), List.of(), meeting, "§ " + (200 + y % 100),
                officer, app.version(), at(meeting));
        Fund f = fund.lockForUpdate();
        f.commit(amount, app.id(), app.registrationNumber().toString(), app.boardDecision().citation() + note,
                meeting, officer, at(meeting));
        fund.save(f);
        LocalDate start = LocalDate.of(y + 1, 1, 15);
        LocalDate end = start.plusYears(3);
        app.startProject("Projektledare, " + seed.office(), "Projektplan " + (y + 1) + note, start, end, office,
                app.version(), at(start));
        Money half = new Money(amount.amount().divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN));
        app.reportCosts(start.plusMonths(18), List.of(new CostLine(y + 2, CostCategory.PERSONNEL, half)),
                "Upparbetat efter halva tiden" + note, office, app.version(), at(start.plusMonths(18)));
        int five = RepaymentPlan.ABOLISHED_FROM_YEAR > start.getYear() ? 5 : 0;
        if (five > 0) {
            Money yearly = new Money(amount.amount().divide(BigDecimal.valueOf(five), 2,
                    java.math.RoundingMode.DOWN));
            List<RepaymentPlan.Installment> plan = new ArrayList<>();
            for (int i = 0; i < five; i++) {
                plan.add(new RepaymentPlan.Installment(committeeOf(seed.office()), y + 1 + i, yearly));
            }
            app.setRepaymentPlan(plan, officer, app.version(), at(start.plusDays(30)));
            // the first installment came back (illustrative): the committee's frame was reduced that year
            RepaymentPlan.Installment first = plan.get(0);
            LocalDate paid = LocalDate.of(first.year(), 12, 31);
            Fund f3 = fund.lockForUpdate();
            f3.repay(app.repaymentPlan(), first.committee(), first.year(), first.amount(), Money.ZERO, app.id(),
                    app.registrationNumber().toString(), "Ramminskning " + first.year() + ILLUSTRATIVE, paid,
                    officer, at(paid));
            fund.save(f3);
        }
        if (seed.stage() != Stage.IN_IMPLEMENTATION) {
            LocalDate mid = app.projectStart().midTermFollowUpDue();
            app.submitFollowUp("Insatsen följer projektplanen" + note, "Rekrytering" + note,
                    List.of(new Measurement(content.indicators().get(0).code(), Measurement.Group.TARGET, mid, 120,
                            new BigDecimal("9.0"))), office, app.version(), at(mid));
            app.reportCosts(end, List.of(new CostLine(y + 3, CostCategory.PERSONNEL, amount.minusOrZero(
                    Money.of("150000.00")))), "Slutlig kostnad" + note, office, app.version(), at(end));
            app.submitEvaluation("Slutrapport" + note, "Fler barn och unga i skola och sysselsättning" + note,
                    List.of(new Measurement(content.indicators().get(0).code(), Measurement.Group.TARGET, end, 118,
                            new BigDecimal("6.5"))), null, office, app.version(), at(end.plusDays(30)));
        }
        if (seed.stage() == Stage.CLOSED) {
            LocalDate decided = end.plusMonths(4);
            Money unspent = app.unspentAmount();
            app.recordImplementationDecision(ImplementationDecision.Outcome.IMPLEMENT,
                    ImplementationDecision.Financing.REPRIORITISATION, committeeOf(seed.office()), decided,
                    "Nämndbeslut " + decided.getYear() + note, null, officer, app.version(), at(decided));
            Fund f2 = fund.lockForUpdate();
            f2.release(unspent, app.id(), app.registrationNumber().toString(), "Avslut " + decided + note, decided,
                    officer, at(decided));
            fund.save(f2);
            app.markReleased(unspent);
        }
        applications.update(app, v);
        record(officer, "seedImport", "application", app.id().toString(), app.registrationNumber().toString(),
                null, app.version(), meeting);
    }

    private void record(Actor actor, String action, String type, String id, String number, Long before, Long after,
                        LocalDate on) {
        audit.append(new AuditRecord(Instant.now(), "seed", actor.subject(), actor.name(),
                List.of(Role.FUND_OFFICER.claim()), actor.office().orElse(null), "seed", action,
                AuditRecord.Outcome.SUCCEEDED, type, id, number, before, after));
    }

    private static String committeeOf(String office) {
        return Map.of("utbildningskontoret", "Barn- och ungdomsnämnden", "socialkontoret", "Socialnämnden",
                "arbetsmarknads-och-vuxenutbildningskontoret", "Arbetsmarknads- och vuxenutbildningsnämnden",
                "vard-och-omsorgskontoret", "Vård- och omsorgsnämnden").getOrDefault(office, "Kommunstyrelsen");
    }

    private static CriterionResult met(Criterion c) {
        return new CriterionResult(c, true, "Uppfyllt enligt ansökan (import).");
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
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
