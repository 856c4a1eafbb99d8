package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Genomförandets start: the project leader, the project plan reported to the board's office, and the dates. The
 * mid-term follow-up falls due when half of the project's time has passed, the final evaluation at its end.
 *
 * @param projectLeader a member of staff, by name or title
 * @param projectPlan   the plan's summary or a reference to the document
 */
public record ProjectStart(String projectLeader, String projectPlan, LocalDate startDate, LocalDate plannedEndDate,
                           Instant reportedAt, String reportedBy) {

    /** The half-way date, rounded down to whole days: start + floor(days / 2). */
    public LocalDate midTermFollowUpDue() {
        long days = ChronoUnit.DAYS.between(startDate, plannedEndDate);
        return startDate.plusDays(days / 2);
    }

    public LocalDate finalEvaluationDue() {
        return plannedEndDate;
    }
}
