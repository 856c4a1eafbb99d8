package se.socialfund.application.usecase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.socialfund.application.fakes.FixedMunicipalGoals;
import se.socialfund.application.fakes.InMemoryApplicationPeriods;
import se.socialfund.application.fakes.InMemoryApplicationRepository;
import se.socialfund.application.fakes.InMemoryAuditTrail;
import se.socialfund.application.fakes.InMemoryFundRepository;
import se.socialfund.application.fakes.InMemoryIdempotencyKeys;
import se.socialfund.application.fakes.InlineUnitOfWork;
import se.socialfund.application.fakes.SequentialRegistrationNumbers;
import se.socialfund.application.fakes.SettableCaller;
import se.socialfund.application.fakes.SettableClock;
import se.socialfund.application.port.in.SubmitApplicationUseCase;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationContent.Activity;
import se.socialfund.domain.application.ApplicationContent.Approval;
import se.socialfund.domain.application.ApplicationContent.Baseline;
import se.socialfund.domain.application.ApplicationContent.Budget;
import se.socialfund.domain.application.ApplicationContent.BudgetLine;
import se.socialfund.domain.application.ApplicationContent.CommitteeInformation;
import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.ApplicationContent.Direction;
import se.socialfund.domain.application.ApplicationContent.Goal;
import se.socialfund.domain.application.ApplicationContent.Indicator;
import se.socialfund.domain.application.ApplicationContent.ParticipatingOffice;
import se.socialfund.domain.application.ApplicationContent.Plans;
import se.socialfund.domain.application.ApplicationContent.TargetGroup;
import se.socialfund.domain.application.Criterion;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;

/** The use cases wired to in-memory fakes, a clock at noon in Stockholm, and the people who act. */
final class World {
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Office codes are lower case (see {@code Limits.OFFICE}). */
    static final String LEAD = "utb";
    static final String PARTNER = "soc";
    static final String OTHER = "kul";

    final InlineUnitOfWork unitOfWork = new InlineUnitOfWork();
    final InMemoryApplicationRepository applications = new InMemoryApplicationRepository();
    final InMemoryFundRepository fund = new InMemoryFundRepository();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    final SequentialRegistrationNumbers numbers = new SequentialRegistrationNumbers();
    final InMemoryApplicationPeriods periods = new InMemoryApplicationPeriods();
    final SettableCaller caller = new SettableCaller();
    final SettableClock clock;
    final FixedMunicipalGoals goals = new FixedMunicipalGoals(Map.of("safe-childhood", "A safe childhood",
            "education-and-work", "Education and work"));

    final AuditedChanges changes;
    final SubmitApplicationService submit;
    final ApplicationLifecycleService lifecycle;
    final ApplicationQueryService queries;
    final FollowUpQueryService followUps;

    World(LocalDate today) {
        clock = new SettableClock(noon(today));
        changes = new AuditedChanges(unitOfWork, audit, caller, clock, STOCKHOLM);
        submit = new SubmitApplicationService(changes, applications, periods, numbers, keys);
        lifecycle = new ApplicationLifecycleService(changes, applications, fund, goals);
        queries = new ApplicationQueryService(changes, applications);
        followUps = new FollowUpQueryService(changes, applications, periods, fund, unitOfWork);
    }

    static World on(LocalDate today) {
        return new World(today);
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(STOCKHOLM).toInstant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), STOCKHOLM);
    }

    /** The next day, at noon. */
    LocalDate nextDay() {
        clock.advance(Duration.ofDays(1));
        return today();
    }

    World withPeriodAround(LocalDate day) {
        periods.add(new ApplicationPeriod(UUID.randomUUID(), "Period " + day.getYear(), day.minusDays(10),
                day.plusDays(20), Instant.EPOCH, "officer"));
        return this;
    }

    World as(Actor actor) {
        caller.set(actor);
        return this;
    }

    /** Submits complete content led by {@code lead} with the given partners, as an applicant of the lead office. */
    SubmitApplicationUseCase.Receipt submitted(String lead, String... partners) {
        as(applicant(lead));
        return submit.submit(new SubmitApplicationUseCase.Command(content(today(), lead, partners), null, null))
                .receipt();
    }

    // ---- people ---------------------------------------------------------------------------------------------------

    static Actor actor(Role role, String office) {
        String subject = role.claim() + "@" + (office == null ? "none" : office);
        return new Actor(subject, "Name of " + subject, Set.of(role), Optional.ofNullable(office), Optional.empty());
    }

    static Actor applicant(String office) {
        return actor(Role.APPLICANT, office);
    }

    static Actor officeHead(String office) {
        return actor(Role.OFFICE_HEAD, office);
    }

    static Actor fundOfficer() {
        return actor(Role.FUND_OFFICER, "ksk");
    }

    static Actor advisor() {
        return actor(Role.SCIENTIFIC_ADVISOR, null);
    }

    static Actor auditor() {
        return actor(Role.AUDITOR, null);
    }

    static Actor form() {
        return new Actor("application-form", "The application form", Set.of(Role.FORM_INTEGRATION),
                Optional.empty(), Optional.of("application-form"));
    }

    // ---- content ----------------------------------------------------------------------------------------------------

    static final Money REQUESTED = Money.of("1500000.00");

    /** Complete content received on {@code day}: budget 2,000,000.00 of which 1,500,000.00 is requested. */
    static ApplicationContent content(LocalDate day, String lead, String... partners) {
        List<ParticipatingOffice> offices = new ArrayList<>();
        offices.add(new ParticipatingOffice(lead, true));
        Arrays.stream(partners).forEach(p -> offices.add(new ParticipatingOffice(p, false)));
        LocalDate measured = day.minusMonths(6);
        return new ApplicationContent("Early support in preschool", "Many placements of young children",
                "Family coaches in every preschool", new TargetGroup("Children aged 3-6", 60),
                List.of(new Goal("Fewer placements", List.of(new Indicator("placements", "Placements", "count",
                        Direction.LOWER_IS_BETTER, new Baseline(new BigDecimal("40"), measured), new BigDecimal("20"),
                        null)))),
                List.of(new Activity("Recruit coaches", day.plusMonths(1), day.plusMonths(3))),
                new Budget(List.of(new BudgetLine(day.getYear(), CostCategory.PERSONNEL, Money.of("1200000.00")),
                        new BudgetLine(day.getYear() + 1, CostCategory.EVALUATION, Money.of("800000.00"))),
                        REQUESTED),
                new Plans("Mid-term follow-up", "External evaluation", "Into ordinary work"), offices,
                new Approval("Head of " + lead, day.minusDays(7)),
                List.of(new CommitteeInformation("Barn- och ungdomsnämnden", day.minusDays(3))));
    }

    static List<CriterionResult> allCriteriaMet() {
        return Arrays.stream(Criterion.values()).map(c -> new CriterionResult(c, true, "Motivation")).toList();
    }
}
