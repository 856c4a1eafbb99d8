package se.socialfund.domain.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.socialfund.domain.application.ApplicationContent.Activity;
import se.socialfund.domain.application.ApplicationContent.Approval;
import se.socialfund.domain.application.ApplicationContent.Baseline;
import se.socialfund.domain.application.ApplicationContent.Budget;
import se.socialfund.domain.application.ApplicationContent.BudgetLine;
import se.socialfund.domain.application.ApplicationContent.CommitteeInformation;
import se.socialfund.domain.application.ApplicationContent.ControlGroup;
import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.ApplicationContent.Direction;
import se.socialfund.domain.application.ApplicationContent.Goal;
import se.socialfund.domain.application.ApplicationContent.Indicator;
import se.socialfund.domain.application.ApplicationContent.ParticipatingOffice;
import se.socialfund.domain.application.ApplicationContent.Plans;
import se.socialfund.domain.application.ApplicationContent.TargetGroup;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;

/** Test data: a complete application, the people who act on it, and the municipality's dates. */
public final class Fixtures {
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /**
     * The lead office, a participating office, and an office that has nothing to do with the application (office
     * codes are lower case, see {@code Limits.OFFICE}).
     */
    public static final String LEAD = "utb";
    public static final String PARTNER = "soc";
    public static final String OTHER = "kul";
    public static final Money REQUESTED = Money.of("1500000.00");
    public static final Set<String> KNOWN_GOALS = Set.of("education-and-work", "safe-childhood");

    private Fixtures() {
    }

    public static Actor actor(Role role, String office) {
        String subject = role.claim() + "@" + (office == null ? "none" : office);
        return new Actor(subject, "Name of " + subject, Set.of(role), Optional.ofNullable(office), Optional.empty());
    }

    public static Actor applicant(String office) {
        return actor(Role.APPLICANT, office);
    }

    public static Actor officeHead(String office) {
        return actor(Role.OFFICE_HEAD, office);
    }

    public static Actor fundOfficer() {
        return actor(Role.FUND_OFFICER, "ksk");
    }

    public static Actor advisor() {
        return actor(Role.SCIENTIFIC_ADVISOR, null);
    }

    public static Actor auditor() {
        return actor(Role.AUDITOR, null);
    }

    public static Actor form() {
        return actor(Role.FORM_INTEGRATION, null);
    }

    /** Noon in Stockholm on that day. */
    public static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(STOCKHOLM).toInstant();
    }

    /** A step by {@code by}, who saw {@code version}, at noon in Stockholm on {@code day}. */
    public static Step step(Actor by, long version, LocalDate day) {
        return new Step(by, version, noon(day), STOCKHOLM);
    }

    /** A step by {@code by}, who saw {@code version}, at that moment in Stockholm. */
    public static Step step(Actor by, long version, Instant at) {
        return new Step(by, version, at, STOCKHOLM);
    }

    /**
     * The steps possible now for someone with the right role: what the fund officer, the scientific advisor and
     * the lead office's applicant and office head are offered together (each step is one of theirs).
     */
    public static List<Action> possibleActions(Application app) {
        Set<Action> offered = java.util.EnumSet.noneOf(Action.class);
        for (Actor someone : List.of(fundOfficer(), advisor(), applicant(LEAD), officeHead(LEAD))) {
            offered.addAll(app.allowedActions(someone));
        }
        return List.copyOf(offered);
    }

    public static ApplicationPeriod periodAround(LocalDate day) {
        return new ApplicationPeriod(UUID.randomUUID(), "Period " + day.getYear(), day.minusDays(10),
                day.plusDays(20), noon(day.minusDays(30)), "officer");
    }

    /** Content, complete and valid when received on {@code receivedOn}. */
    public static ContentBuilder content(LocalDate receivedOn) {
        return new ContentBuilder(receivedOn);
    }

    public static List<CriterionResult> allCriteriaMet() {
        return Arrays.stream(Criterion.values()).map(c -> new CriterionResult(c, true, "Motivation for " + c)).toList();
    }

    public static List<CriterionResult> criteriaFailing(Criterion failed) {
        return Arrays.stream(Criterion.values())
                .map(c -> new CriterionResult(c, c != failed, c == failed ? "Not shown: " + c : "Motivation for " + c))
                .toList();
    }

    /** A mutable way to write the immutable content, one section at a time. */
    public static final class ContentBuilder {
        public String title = "Early support in preschool";
        public String currentSituation = "Many placements of young children in the district";
        public String intervention = "Family coaches in every preschool";
        public TargetGroup targetGroup = new TargetGroup("Children aged 3-6 and their families", 60);
        public List<Goal> goals;
        public List<Activity> activityPlan;
        public Budget budget;
        public Plans plans = new Plans("Mid-term follow-up", "External evaluation", "Into ordinary work");
        public List<ParticipatingOffice> offices = List.of(new ParticipatingOffice(LEAD, true),
                new ParticipatingOffice(PARTNER, false));
        public Approval officeHeadApproval;
        public List<CommitteeInformation> committeesInformed;

        ContentBuilder(LocalDate receivedOn) {
            LocalDate measured = receivedOn.minusMonths(6);
            goals = List.of(
                    new Goal("Fewer placements outside the home", List.of(new Indicator("placements",
                            "Placements outside the home", "count", Direction.LOWER_IS_BETTER,
                            new Baseline(new BigDecimal("40"), measured), new BigDecimal("20"),
                            new ControlGroup("Comparable district", 55, new Baseline(new BigDecimal("42"), measured))))),
                    new Goal("Better school attendance", List.of(new Indicator("attendance", "School attendance",
                            "percent", Direction.HIGHER_IS_BETTER, new Baseline(new BigDecimal("60"), measured),
                            new BigDecimal("80"), null))));
            int year = receivedOn.getYear();
            activityPlan = List.of(new Activity("Recruit family coaches", receivedOn.plusMonths(3),
                    receivedOn.plusMonths(5)));
            // total 2,000,000.00 of which 1,500,000.00 is requested from the fund
            budget = new Budget(List.of(new BudgetLine(year, CostCategory.PERSONNEL, Money.of("800000.00")),
                    new BudgetLine(year + 1, CostCategory.PERSONNEL, Money.of("900000.00")),
                    new BudgetLine(year + 1, CostCategory.EVALUATION, Money.of("300000.00"))), REQUESTED);
            officeHeadApproval = new Approval("Head of " + LEAD, receivedOn.minusDays(10));
            committeesInformed = List.of(new CommitteeInformation("Barn- och ungdomsnämnden", receivedOn.minusDays(5)));
        }

        public ContentBuilder with(java.util.function.Consumer<ContentBuilder> change) {
            change.accept(this);
            return this;
        }

        public ApplicationContent build() {
            return new ApplicationContent(title, currentSituation, intervention, targetGroup, goals, activityPlan,
                    budget, plans, offices, officeHeadApproval, committeesInformed);
        }
    }
}
