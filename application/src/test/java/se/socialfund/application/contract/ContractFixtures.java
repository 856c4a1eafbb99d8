package se.socialfund.application.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.socialfund.domain.application.Application;
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
import se.socialfund.domain.application.CompletionRequest;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.application.Criterion;
import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;

/**
 * Every test application of the repository contract is built here, through the domain's own verbs: the one place
 * to adapt when their signatures change. The applications live in 1901, a year no other test uses, so that the
 * suite can share a database with the service's other tests.
 */
public final class ContractFixtures {
    /** The day the test applications are received and changed. */
    public static final LocalDate TODAY = LocalDate.of(1901, 6, 15);
    public static final Instant AT = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    public static final Money REQUESTED = Money.of("1500000.00");
    /** Budgets are planned for 2000 and later, whatever the day. */
    private static final int BUDGET_YEAR = 2000;

    private ContractFixtures() {
    }

    /** A new application received today in the period, led by {@code lead} with the partners, as {@code submitter}. */
    public static Application submitted(RegistrationNumber number, ApplicationPeriod period, String submitter,
                                        String lead, String... partners) {
        return Application.submit(UUID.randomUUID(), number, period, content(lead, partners),
                step(applicant(submitter, lead), 0));
    }

    /** The fund officer finds all criteria met: CRITERIA_CHECKED, one version more. */
    public static void criteriaChecked(Application app) {
        app.assessCriteria(new CriteriaAssessment.Draft(Arrays.stream(Criterion.values())
                .map(c -> new CriterionResult(c, true, "Motivation")).toList(), List.of()), step(officer(), app.version()));
    }

    /** After the criteria check, the fund officer asks the offices to complete the application. */
    public static void completionRequested(Application app) {
        app.requestCompletion(new CompletionRequest.Draft(List.of("How many coaches?")),
                step(officer(), app.version()));
    }

    /** The offices answer the completion request with a revision taking part as {@code lead} and the partners. */
    public static void revised(Application app, String submitter, String lead, String... partners) {
        app.submitRevision(content(lead, partners), step(applicant(submitter, lead), app.version()));
    }

    /** A step at noon of the fixtures' day, UTC: the dates of the suite are the same in every zone's noon. */
    private static Step step(Actor by, long version) {
        return new Step(by, version, AT, ZoneOffset.UTC);
    }

    public static Actor applicant(String subject, String office) {
        return new Actor(subject, "Name of " + subject, Set.of(Role.APPLICANT), Optional.of(office),
                Optional.empty());
    }

    private static Actor officer() {
        return new Actor("contract-officer", "The fund officer", Set.of(Role.FUND_OFFICER), Optional.of("ksk"),
                Optional.empty());
    }

    private static ApplicationContent content(String lead, String... partners) {
        List<ParticipatingOffice> offices = new ArrayList<>();
        offices.add(new ParticipatingOffice(lead, true));
        Arrays.stream(partners).forEach(p -> offices.add(new ParticipatingOffice(p, false)));
        return new ApplicationContent("Early support in preschool", "Many placements of young children",
                "Family coaches in every preschool", new TargetGroup("Children aged 3-6", 60),
                List.of(new Goal("Fewer placements", List.of(new Indicator("placements", "Placements", "count",
                        Direction.LOWER_IS_BETTER, new Baseline(new BigDecimal("40"), TODAY.minusMonths(6)),
                        new BigDecimal("20"), null)))),
                List.of(new Activity("Recruit coaches", TODAY.plusMonths(1), TODAY.plusMonths(3))),
                new Budget(List.of(new BudgetLine(BUDGET_YEAR, CostCategory.PERSONNEL, Money.of("1200000.00")),
                        new BudgetLine(BUDGET_YEAR + 1, CostCategory.EVALUATION, Money.of("800000.00"))),
                        REQUESTED),
                new Plans("Mid-term follow-up", "External evaluation", "Into ordinary work"), offices,
                new Approval("Head of " + lead, TODAY),
                List.of(new CommitteeInformation("Barn- och ungdomsnämnden", TODAY.minusDays(3))));
    }
}
