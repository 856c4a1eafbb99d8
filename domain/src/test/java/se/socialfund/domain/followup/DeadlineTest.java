package se.socialfund.domain.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.application.Journey;
import se.socialfund.domain.followup.Deadline.Kind;
import se.socialfund.domain.followup.Deadline.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static se.socialfund.domain.application.Fixtures.LEAD;
import static se.socialfund.domain.application.Fixtures.STOCKHOLM;
import static se.socialfund.domain.application.Fixtures.officeHead;
import static se.socialfund.domain.application.Fixtures.step;

/** What an investment owes, and when, read from its snapshot on the municipality's date. */
class DeadlineTest {

    @Test
    void a_running_project_owes_its_mid_term_follow_up_at_half_time_and_its_evaluation_at_the_planned_end() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted()
                .started(LocalDate.of(2026, 4, 1));

        List<Deadline> owed = Deadline.owedBy(j.app.snapshot(), LocalDate.of(2027, 4, 2), STOCKHOLM);

        // planned end two years after the start: 730 days, the half-way day is 365 days in
        assertThat(owed).containsExactly(
                new Deadline(Kind.MID_TERM_FOLLOW_UP, LocalDate.of(2027, 4, 1), Status.OVERDUE, 0, 1),
                new Deadline(Kind.FINAL_EVALUATION, LocalDate.of(2028, 4, 1), Status.DUE, 365, 0));
    }

    @Test
    void a_terminated_project_owes_its_evaluation_within_ninety_days_of_its_end() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started().terminated();
        LocalDate ended = j.app.snapshot().termination().endedOn();

        assertThat(Deadline.owedBy(j.app.snapshot(), ended, STOCKHOLM)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.FINAL_EVALUATION);
            assertThat(d.dueOn()).isEqualTo(ended.plusDays(Deadline.EVALUATION_AFTER_TERMINATION_DAYS));
        });
    }

    @Test
    void the_implementation_decision_is_due_from_the_municipalitys_date_of_the_evaluation() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started().followedUp();
        // New Year's Eve in UTC, New Year's Day in Stockholm
        Instant submitted = Instant.parse("2026-12-31T23:30:00Z");
        j.app.submitEvaluation(new Evaluation.Draft("Fewer placements", "Children stay at home", List.of(), null),
                step(officeHead(LEAD), j.app.version(), submitted));

        List<Deadline> owed = Deadline.owedBy(j.app.snapshot(), LocalDate.of(2027, 1, 1), STOCKHOLM);

        assertThat(owed).containsExactly(new Deadline(Kind.IMPLEMENTATION_DECISION,
                LocalDate.of(2027, 1, 1).plusDays(Deadline.IMPLEMENTATION_DECISION_DAYS), Status.DUE,
                Deadline.IMPLEMENTATION_DECISION_DAYS, 0));
    }

    @Test
    void nothing_is_owed_before_the_start_or_after_the_closing() {
        Journey granted = Journey.received().criteriaChecked().readyForDecision().granted();
        Journey closed = Journey.received().criteriaChecked().readyForDecision().granted().started().followedUp()
                .evaluated().closed();

        assertThat(Deadline.owedBy(granted.app.snapshot(), granted.today(), STOCKHOLM)).isEmpty();
        assertThat(Deadline.owedBy(closed.app.snapshot(), closed.today(), STOCKHOLM)).isEmpty();
    }
}
