package se.socialfund.domain.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.shared.Money;

/**
 * Genomförandet: a granted investment's project from its start. It exists only once the office has reported the
 * start, so its start date is always known to the steps that need it (cost reports, termination, the repayment
 * model).
 */
public record Project(ProjectStart start, List<CostReport> costReports, FollowUp followUp, Evaluation evaluation,
                      Termination termination, RepaymentPlan repaymentPlan) {
    public Project {
        if (start == null) {
            throw new IllegalArgumentException("a project exists from its start");
        }
        costReports = costReports == null ? List.of() : List.copyOf(costReports);
    }

    static Project started(ProjectStart start) {
        return new Project(start, List.of(), null, null, null, null);
    }

    Project reported(CostReport report) {
        List<CostReport> all = new ArrayList<>(costReports);
        all.add(report);
        return new Project(start, all, followUp, evaluation, termination, repaymentPlan);
    }

    Project followedUp(FollowUp f) {
        return new Project(start, costReports, f, evaluation, termination, repaymentPlan);
    }

    Project evaluated(Evaluation e) {
        return new Project(start, costReports, followUp, e, termination, repaymentPlan);
    }

    Project terminated(Termination t) {
        return new Project(start, costReports, followUp, evaluation, t, repaymentPlan);
    }

    Project withRepaymentPlan(RepaymentPlan plan) {
        return new Project(start, costReports, followUp, evaluation, termination, plan);
    }

    /** Återföringsmodellen applies to projects started before it was abolished. */
    public boolean underRepaymentModel() {
        return start.startDate().getYear() < RepaymentPlan.ABOLISHED_FROM_YEAR;
    }

    /** What the latest cost report says the project has spent. */
    public Money spent() {
        return costReports.isEmpty() ? Money.ZERO : costReports.get(costReports.size() - 1).total();
    }

    /**
     * What the project had spent as of the day: the latest filed cost report whose costs run to that day or
     * earlier (each report is a running total), zero when none does. Reports filed later but dated after the day
     * do not change it, so a past year's figure stays put.
     */
    public Money spentAsOf(LocalDate day) {
        for (int i = costReports.size() - 1; i >= 0; i--) {
            if (!costReports.get(i).asOf().isAfter(day)) {
                return costReports.get(i).total();
            }
        }
        return Money.ZERO;
    }
}
