package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * Genomförandets start: the project leader, the project plan reported to the board's office, and the dates. The
 * mid-term follow-up falls due when half of the project's time has passed, the final evaluation at its end.
 *
 * @param projectLeader a member of staff, by name or title
 * @param projectPlan   the plan's summary or a reference to the document
 */
public record ProjectStart(String projectLeader, String projectPlan, LocalDate startDate, LocalDate plannedEndDate,
                           Instant reportedAt, String reportedBy) {

    /** What the office reports; the project cannot start before the board decided. */
    public record Draft(String projectLeader, String projectPlan, LocalDate startDate, LocalDate plannedEndDate) {
        void validate(LocalDate decidedOn, Violations v) {
            v.requireText(projectLeader, "projectLeader", Limits.NAME);
            v.requireText(projectPlan, "projectPlan", Limits.TEXT);
            v.requirePresent(startDate, "startDate");
            v.require(startDate == null || !startDate.isBefore(decidedOn), "startDate",
                    "a project cannot start before the board's decision (" + decidedOn + ")");
            v.require(plannedEndDate != null && (startDate == null || plannedEndDate.isAfter(startDate)),
                    "plannedEndDate", "must be after the start date");
        }

        ProjectStart record(Instant at, String by) {
            return new ProjectStart(projectLeader, projectPlan, startDate, plannedEndDate, at, by);
        }
    }

    /** The half-way date, rounded down to whole days: start + floor(days / 2). */
    public LocalDate midTermFollowUpDue() {
        long days = ChronoUnit.DAYS.between(startDate, plannedEndDate);
        return startDate.plusDays(days / 2);
    }

    public LocalDate finalEvaluationDue() {
        return plannedEndDate;
    }
}
