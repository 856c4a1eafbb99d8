package se.socialfund.domain.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.socialfund.domain.application.ApplicationContent.Activity;
import se.socialfund.domain.application.ApplicationContent.Approval;
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
import se.socialfund.domain.application.Fixtures.ContentBuilder;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ApplicationContentTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static ContentBuilder valid() {
        return Fixtures.content(TODAY);
    }

    private static List<String> violatedFields(ApplicationContent content) {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> content.validate(TODAY));
        assertThat(refused).as("the content should have been refused").isNotNull();
        return refused.violations().stream().map(RuleViolation.Violation::field).toList();
    }

    private static Indicator indicator(String code) {
        return new Indicator(code, "Name", "count", Direction.HIGHER_IS_BETTER, null, BigDecimal.TEN, null);
    }

    @Test
    void complete_content_is_accepted() {
        assertThatCode(() -> valid().build().validate(TODAY)).doesNotThrowAnyException();
    }

    static Stream<Arguments> missingSections() {
        return Stream.of(
                missing("title", c -> c.title = " "),
                missing("currentSituation", c -> c.currentSituation = null),
                missing("intervention", c -> c.intervention = ""),
                missing("targetGroup", c -> c.targetGroup = null),
                missing("targetGroup.description", c -> c.targetGroup = new TargetGroup(null, 60)),
                missing("targetGroup.size", c -> c.targetGroup = new TargetGroup("Children", 0)),
                missing("targetGroup.size", c -> c.targetGroup = new TargetGroup("Children", 4)),
                missing("goals.0.indicators.0.controlGroup.size", c -> c.goals = List.of(new Goal("Goal", List.of(
                        new Indicator("a", "Name", "count", Direction.HIGHER_IS_BETTER, null, BigDecimal.TEN,
                                new ApplicationContent.ControlGroup("Four families", 4, null)))))),
                missing("goals", c -> c.goals = List.of()),
                missing("goals.0.description", c -> c.goals = List.of(new Goal(" ", List.of(indicator("a"))))),
                missing("goals.0.indicators", c -> c.goals = List.of(new Goal("Goal", List.of()))),
                missing("goals.0.indicators.0.code", c -> c.goals = List.of(new Goal("Goal",
                        List.of(indicator("Not A Code"))))),
                missing("goals.0.indicators.0.unit", c -> c.goals = List.of(new Goal("Goal", List.of(
                        new Indicator("a", "Name", null, Direction.HIGHER_IS_BETTER, null, BigDecimal.TEN, null))))),
                missing("goals.0.indicators.0.direction", c -> c.goals = List.of(new Goal("Goal", List.of(
                        new Indicator("a", "Name", "count", null, null, BigDecimal.TEN, null))))),
                missing("goals.0.indicators.0.target", c -> c.goals = List.of(new Goal("Goal", List.of(
                        new Indicator("a", "Name", "count", Direction.HIGHER_IS_BETTER, null, null, null))))),
                missing("goals.0.indicators.0.baseline", c -> c.goals = List.of(new Goal("Goal", List.of(
                        new Indicator("a", "Name", "count", Direction.HIGHER_IS_BETTER,
                                new ApplicationContent.Baseline(BigDecimal.ONE, null), BigDecimal.TEN, null))))),
                missing("activityPlan", c -> c.activityPlan = List.of()),
                missing("activityPlan.0", c -> c.activityPlan = List.of(new Activity("Recruit",
                        TODAY.plusMonths(2), TODAY.plusMonths(1)))),
                missing("budget", c -> c.budget = null),
                missing("budget.lines", c -> c.budget = new Budget(List.of(), Money.of("1"))),
                missing("budget.requestedAmount", c -> c.budget = new Budget(c.budget.lines(), Money.ZERO)),
                missing("budget.lines.0.year", c -> c.budget = new Budget(List.of(
                        new BudgetLine(1999, CostCategory.OTHER, Money.of("10"))), Money.of("10"))),
                missing("plans", c -> c.plans = null),
                missing("plans.followUp", c -> c.plans = new Plans(null, "e", "i")),
                missing("plans.evaluation", c -> c.plans = new Plans("f", " ", "i")),
                missing("plans.implementation", c -> c.plans = new Plans("f", "e", "")),
                missing("offices", c -> c.offices = List.of()),
                missing("officeHeadApproval", c -> c.officeHeadApproval = null),
                missing("officeHeadApproval.approvedBy", c -> c.officeHeadApproval = new Approval(" ", TODAY)),
                missing("officeHeadApproval.approvedOn", c -> c.officeHeadApproval = new Approval("Head", null)),
                missing("committeesInformed", c -> c.committeesInformed = List.of()),
                missing("committeesInformed.0.committee", c -> c.committeesInformed = List.of(
                        new CommitteeInformation("", TODAY))),
                missing("committeesInformed.0.informedOn", c -> c.committeesInformed = List.of(
                        new CommitteeInformation("Socialnämnden", null))));
    }

    private static Arguments missing(String field, Consumer<ContentBuilder> change) {
        return arguments(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingSections")
    void a_missing_or_blank_section_is_named_by_its_json_pointer(String field, Consumer<ContentBuilder> change) {
        assertThat(violatedFields(valid().with(change).build())).containsExactly(field);
    }

    @Test
    void every_missing_section_is_reported_at_once() {
        ApplicationContent empty = new ApplicationContent(null, null, null, null, null, null, null, null, null, null,
                null);

        assertThat(violatedFields(empty)).containsExactly("title", "currentSituation", "intervention",
                "targetGroup", "goals", "activityPlan", "budget", "plans", "offices", "officeHeadApproval",
                "committeesInformed");
    }

    @Test
    void an_application_without_a_lead_office_is_refused() {
        ContentBuilder content = valid().with(c -> c.offices = List.of(new ParticipatingOffice("utb", false),
                new ParticipatingOffice("soc", false)));

        assertThat(violatedFields(content.build())).containsExactly("offices");
    }

    @Test
    void an_application_with_two_lead_offices_is_refused() {
        ContentBuilder content = valid().with(c -> c.offices = List.of(new ParticipatingOffice("utb", true),
                new ParticipatingOffice("soc", true)));

        assertThat(violatedFields(content.build())).containsExactly("offices");
    }

    @Test
    void the_lead_office_is_the_one_marked_lead_wherever_it_is_listed() {
        ApplicationContent content = valid().with(c -> c.offices = List.of(new ParticipatingOffice("soc", false),
                new ParticipatingOffice("utb", true))).build();

        assertThat(content.leadOffice()).isEqualTo("utb");
        assertThat(content.officeCodes()).containsExactly("soc", "utb");
    }

    @Test
    void an_office_takes_part_only_once() {
        ContentBuilder content = valid().with(c -> c.offices = List.of(new ParticipatingOffice("utb", true),
                new ParticipatingOffice("utb", false)));

        assertThat(violatedFields(content.build())).containsExactly("offices.1.office");
    }

    @Test
    void more_requested_than_the_budget_totals_is_refused_and_the_total_is_named() {
        ContentBuilder content = valid().with(c -> c.budget = new Budget(c.budget.lines(), Money.of("2000000.01")));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> content.build().validate(TODAY));

        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("budget.requestedAmount");
            assertThat(v.message()).contains("2000000.00");
        });
    }

    @Test
    void the_whole_budget_may_be_requested() {
        ContentBuilder content = valid().with(c -> c.budget = new Budget(c.budget.lines(), Money.of("2000000.00")));

        assertThatCode(() -> content.build().validate(TODAY)).doesNotThrowAnyException();
    }
    @Test
    void a_request_above_the_total_is_reported_together_with_other_missing_sections() {
        ContentBuilder content = valid().with(c -> {
            c.title = null;
            c.budget = new Budget(c.budget.lines(), Money.of("2000000.01"));
        });

        assertThat(violatedFields(content.build())).containsExactly("title", "budget.requestedAmount");
    }

    @Test
    void one_budget_line_per_year_and_category() {
        ContentBuilder content = valid().with(c -> c.budget = new Budget(List.of(
                new BudgetLine(2026, CostCategory.PERSONNEL, Money.of("100")),
                new BudgetLine(2026, CostCategory.PERSONNEL, Money.of("200"))), Money.of("100")));

        assertThat(violatedFields(content.build())).containsExactly("budget.lines.1");
    }

    @Test
    void the_budget_total_is_the_exact_sum_of_its_lines() {
        assertThat(valid().build().budget().total()).isEqualTo(Money.of("2000000.00"));
    }

    @Test
    void indicator_codes_are_unique_across_all_goals() {
        ContentBuilder content = valid().with(c -> c.goals = List.of(
                new Goal("First", List.of(indicator("placements"))),
                new Goal("Second", List.of(indicator("attendance"), indicator("placements")))));

        assertThat(violatedFields(content.build())).containsExactly("goals.1.indicators.1.code");
    }

    @Test
    void an_office_head_approval_dated_after_the_day_of_receipt_is_refused() {
        ContentBuilder future = valid().with(c -> c.officeHeadApproval = new Approval("Head", TODAY.plusDays(1)));
        ContentBuilder sameDay = valid().with(c -> c.officeHeadApproval = new Approval("Head", TODAY));

        assertThat(violatedFields(future.build())).containsExactly("officeHeadApproval.approvedOn");
        assertThatCode(() -> sameDay.build().validate(TODAY)).doesNotThrowAnyException();
    }

    @Test
    void a_committee_cannot_have_been_informed_in_the_future() {
        ContentBuilder content = valid().with(c -> c.committeesInformed = List.of(
                new CommitteeInformation("Socialnämnden", TODAY),
                new CommitteeInformation("Barn- och ungdomsnämnden", TODAY.plusDays(1))));

        assertThat(violatedFields(content.build())).containsExactly("committeesInformed.1.informedOn");
    }

    @Test
    void a_missing_baseline_or_control_group_is_a_remark_not_a_refusal() {
        ApplicationContent content = valid().with(c -> c.goals = List.of(new Goal("Goal", List.of(
                indicator("attendance"))))).build();

        assertThatCode(() -> content.validate(TODAY)).doesNotThrowAnyException();
        assertThat(content.ambitionRemarks()).containsExactly(
                "indicator 'attendance' has no baseline measurement (basmätning)",
                "indicator 'attendance' has no control group (kontrollgrupp)");
    }

    @Test
    void the_remarks_name_only_what_each_indicator_lacks() {
        // the fixture: 'placements' has baseline and control group, 'attendance' a baseline only
        assertThat(valid().build().ambitionRemarks())
                .containsExactly("indicator 'attendance' has no control group (kontrollgrupp)");
    }
}
