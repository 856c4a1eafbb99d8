package se.socialfund.domain.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import se.socialfund.domain.application.ApplicationSnapshot;

/**
 * A report an investment owes the board's office, and when: the mid-term follow-up when half the project's time
 * has passed, the final evaluation at its planned end (or within {@value #EVALUATION_AFTER_TERMINATION_DAYS} days of
 * an early termination), and the committee's implementation decision within
 * {@value #IMPLEMENTATION_DECISION_DAYS} days of the evaluation. Due on the day itself, overdue from the day after.
 */
public record Deadline(Kind kind, LocalDate dueOn, Status status, long daysLeft, long daysOverdue) {
    public static final int EVALUATION_AFTER_TERMINATION_DAYS = 90;
    public static final int IMPLEMENTATION_DECISION_DAYS = 180;

    public enum Kind {
        MID_TERM_FOLLOW_UP, FINAL_EVALUATION, IMPLEMENTATION_DECISION,
        /** Riktlinjens uppföljning: the guideline is reviewed once per term of office (issue 21, board/). */
        GUIDELINE_REVIEW,
        /** An idea (idéprövning) left in screening longer than configured (issue 16); listed once overdue. */
        IDEA_SCREENING
    }

    public enum Status { DUE, OVERDUE }

    public static Deadline of(Kind kind, LocalDate dueOn, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, dueOn);
        return days >= 0 ? new Deadline(kind, dueOn, Status.DUE, days, 0)
                : new Deadline(kind, dueOn, Status.OVERDUE, 0, -days);
    }

    /** What the application owes now, as of the day (dates in the municipality's time zone). */
    public static List<Deadline> owedBy(ApplicationSnapshot app, LocalDate today, java.time.ZoneId zone) {
        List<Deadline> owed = new ArrayList<>();
        switch (app.stage()) {
            case IN_IMPLEMENTATION -> {
                owed.add(of(Kind.MID_TERM_FOLLOW_UP, app.projectStart().midTermFollowUpDue(), today));
                owed.add(of(Kind.FINAL_EVALUATION, app.projectStart().finalEvaluationDue(), today));
            }
            case FOLLOWED_UP -> owed.add(of(Kind.FINAL_EVALUATION, app.projectStart().finalEvaluationDue(), today));
            case TERMINATED -> owed.add(of(Kind.FINAL_EVALUATION,
                    app.termination().endedOn().plusDays(EVALUATION_AFTER_TERMINATION_DAYS), today));
            case EVALUATED -> owed.add(of(Kind.IMPLEMENTATION_DECISION, LocalDate.ofInstant(
                    app.evaluation().submittedAt(), zone)
                    .plusDays(IMPLEMENTATION_DECISION_DAYS), today));
            default -> {
                // nothing is owed before the project starts or after it is closed
            }
        }
        return owed;
    }
}
