package se.socialfund.application.usecase;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.ApplicationStepUseCases.StepCommand;
import se.socialfund.application.port.in.FollowUpQueries.AnnualReport;
import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.BoardDecision.Outcome;
import se.socialfund.domain.application.CostReport;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.application.ProjectStart;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.application.Termination;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static se.socialfund.application.usecase.World.*;

/**
 * The annual report shows each investment's money as of the year's end, like the fund's position: what a later
 * year adds (cost reports, releases) never changes an earlier year's report.
 */
class FollowUpQueryServiceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private final World world = World.on(DAY).withPeriodAround(DAY);
    private UUID id;

    private long version() {
        return world.applications.stored(id).version();
    }

    private void on(LocalDate day) {
        world.clock.set(noon(day));
    }

    /** Granted 1,000,000.00 on 2026-03-05 out of 40,000,000.00 marked at the 2025 closing; started the next day. */
    @BeforeEach
    void an_investment_started_in_2026() {
        world.fund.withCapital("40000000.00");
        id = world.submitted(LEAD).applicationId();
        on(LocalDate.of(2026, 3, 3));
        world.as(fundOfficer()).lifecycle.assessCriteria(new StepCommand<>(id, version(),
                new CriteriaAssessment.Draft(allCriteriaMet(), List.of())));
        on(LocalDate.of(2026, 3, 4));
        world.lifecycle.addMunicipalPerspective(new StepCommand<>(id, version(),
                new MunicipalPerspective.Draft(List.of("safe-childhood"), List.of("16.2"), Recommendation.GRANT,
                        "Fits")));
        on(LocalDate.of(2026, 3, 5));
        world.lifecycle.recordBoardDecision(new StepCommand<>(id, version(),
                new BoardDecision.Draft(Outcome.GRANTED, Money.of("1000000.00"), List.of(), List.of(), world.today(),
                        "§ 123")));
        on(LocalDate.of(2026, 3, 6));
        world.as(applicant(LEAD)).lifecycle.startProject(new StepCommand<>(id, version(),
                new ProjectStart.Draft("Leader", "Plan", world.today(), LocalDate.of(2028, 3, 6))));
    }

    /** A running-total cost report filed on {@code filedOn}, for costs up to {@code asOf}. */
    private void costsReported(LocalDate filedOn, LocalDate asOf, CostLine... lines) {
        on(filedOn);
        world.as(applicant(LEAD)).lifecycle.reportCosts(new StepCommand<>(id, version(),
                new CostReport.Draft(asOf, List.of(lines), null)));
    }

    private static CostLine personnel(int year, String amount) {
        return new CostLine(year, CostCategory.PERSONNEL, Money.of(amount));
    }

    private AnnualReport.Report annual(int year) {
        return world.as(auditor()).followUps.annual(year);
    }

    private AnnualReport.Investment ours(AnnualReport.Report report) {
        return report.investments().stream().filter(i -> i.applicationId().equals(id)).findFirst().orElseThrow();
    }

    private void terminatedOn(LocalDate day) {
        on(day);
        world.as(fundOfficer()).lifecycle.terminate(new StepCommand<>(id, version(),
                new Termination.Draft("Not staffed", day)));
    }

    @Test
    void a_past_years_money_is_as_of_its_end_and_a_later_years_cost_report_and_release_do_not_change_it() {
        costsReported(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 30), personnel(2026, "200000.00"));
        // the year-end report is filed in January, but its costs run to 31 December: it is the year's figure
        costsReported(LocalDate.of(2027, 1, 20), LocalDate.of(2026, 12, 31), personnel(2026, "300000.00"));
        on(LocalDate.of(2027, 2, 1));
        AnnualReport.Report before = annual(2026);

        // 2027: a restated 2026 line and the year's own costs, then a termination that releases the unspent 400,000
        costsReported(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 3, 31), personnel(2026, "350000.00"),
                personnel(2027, "250000.00"));
        terminatedOn(LocalDate.of(2027, 4, 10));
        on(LocalDate.of(2027, 5, 1));
        AnnualReport.Report after = annual(2026);
        AnnualReport.Report thisYear = annual(2027);

        for (AnnualReport.Report report2026 : List.of(before, after)) {
            assertThat(report2026.fundAsOf()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(ours(report2026).grantedAmount()).isEqualTo(Money.of("1000000.00"));
            assertThat(ours(report2026).spentAmount()).isEqualTo(Money.of("300000.00"));
            assertThat(ours(report2026).releasedAmount()).isEqualTo(Money.ZERO);
            assertThat(report2026.totalSpent()).isEqualTo(Money.of("300000.00"));
            assertThat(report2026.fund()).isEqualTo(new FundBalance(Money.of("40000000.00"),
                    Money.of("1000000.00"), Money.ZERO));
        }
        assertThat(after.fund()).isEqualTo(before.fund());
        assertThat(ours(after).spentAmount()).isEqualTo(ours(before).spentAmount());

        assertThat(thisYear.fundAsOf()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(ours(thisYear).spentAmount()).isEqualTo(Money.of("600000.00"));
        assertThat(ours(thisYear).releasedAmount()).isEqualTo(Money.of("400000.00"));
        assertThat(thisYear.totalSpent()).isEqualTo(Money.of("600000.00"));
        assertThat(thisYear.fund()).isEqualTo(new FundBalance(Money.of("40000000.00"), Money.of("1000000.00"),
                Money.of("400000.00")));
        assertThat(thisYear.fund().available()).isEqualTo(Money.of("39400000.00"));
    }

    @Test
    void a_later_cost_report_dated_earlier_corrects_the_figure_of_the_year_it_is_dated_in() {
        costsReported(LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 30), personnel(2026, "300000.00"));
        // filed after the first but for costs up to an earlier day: by the domain's rule the latest filed report
        // is what was spent, so it replaces the first for 2026 too
        costsReported(LocalDate.of(2027, 1, 15), LocalDate.of(2026, 11, 30), personnel(2026, "280000.00"));
        on(LocalDate.of(2027, 2, 1));

        assertThat(ours(annual(2026)).spentAmount()).isEqualTo(Money.of("280000.00"));
        assertThat(ours(annual(2027)).spentAmount()).isEqualTo(Money.of("280000.00"));
    }

    @Test
    void a_year_before_any_cost_report_is_dated_in_shows_nothing_spent() {
        costsReported(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 31), personnel(2026, "100000.00"),
                personnel(2027, "50000.00"));

        assertThat(ours(annual(2026)).spentAmount()).isEqualTo(Money.ZERO);
        assertThat(ours(annual(2027)).spentAmount()).isEqualTo(Money.of("150000.00"));
    }

    @Test
    void a_terminated_project_stays_in_every_years_report_until_its_implementation_decision_closes_it() {
        costsReported(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 31), personnel(2026, "100000.00"));
        terminatedOn(LocalDate.of(2026, 10, 1));
        on(LocalDate.of(2028, 2, 1));
        // it still owes its evaluation and the implementation decision, so it is still the fund's business
        for (int year : List.of(2026, 2027, 2028)) {
            AnnualReport.Investment listed = ours(annual(year));
            assertThat(listed.stage()).as("%s", year).isEqualTo(Stage.TERMINATED);
            assertThat(listed.spentAmount()).as("%s", year).isEqualTo(Money.of("100000.00"));
            assertThat(listed.releasedAmount()).as("%s", year).isEqualTo(Money.of("900000.00"));
        }

        world.as(officeHead(LEAD)).lifecycle.submitEvaluation(new StepCommand<>(id, version(),
                new Evaluation.Draft("Ended early", "Few gains", List.of(), null)));
        on(LocalDate.of(2028, 3, 1));
        world.as(fundOfficer()).lifecycle.recordImplementationDecision(new StepCommand<>(id,
                version(), new ImplementationDecision.Draft(ImplementationDecision.Outcome.NOT_IMPLEMENTED, null,
                "Barn- och ungdomsnämnden", world.today(), "BUN § 12", "Ended early")));

        assertThat(ours(annual(2028)).stage()).as("closed during 2028: still in that year's report")
                .isEqualTo(Stage.CLOSED);
        on(LocalDate.of(2029, 1, 10));
        assertThat(annual(2029).investments()).extracting(AnnualReport.Investment::applicationId)
                .as("closed before 2029").doesNotContain(id);
        assertThat(ours(annual(2027)).releasedAmount()).isEqualTo(Money.of("900000.00"));
    }
}
