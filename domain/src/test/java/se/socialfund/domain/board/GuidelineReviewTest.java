package se.socialfund.domain.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.followup.Deadline;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuidelineReviewTest {
    private static final Period THREE_YEARS = Period.ofYears(3);

    @Test
    void terms_begin_on_15_october_of_every_fourth_year_from_2022() {
        assertThat(TermOfOffice.of(LocalDate.of(2026, 10, 14))).isEqualTo(
                new TermOfOffice(LocalDate.of(2022, 10, 15), LocalDate.of(2026, 10, 14)));
        assertThat(TermOfOffice.of(LocalDate.of(2026, 10, 15))).isEqualTo(
                new TermOfOffice(LocalDate.of(2026, 10, 15), LocalDate.of(2030, 10, 14)));
        assertThat(TermOfOffice.of(LocalDate.of(2029, 12, 31)).start()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(TermOfOffice.of(LocalDate.of(2030, 10, 15)).start()).isEqualTo(LocalDate.of(2030, 10, 15));
        assertThat(TermOfOffice.of(LocalDate.of(2022, 1, 10)).start()).isEqualTo(LocalDate.of(2018, 10, 15));
        assertThat(TermOfOffice.of(LocalDate.of(2026, 11, 29)).label()).isEqualTo("2026\u20132030");
    }

    @Test
    void the_review_is_due_within_the_term_as_configured_and_never_after_its_last_day() {
        TermOfOffice term = TermOfOffice.beginningIn(2026);
        assertThat(term.due(THREE_YEARS)).isEqualTo(LocalDate.of(2029, 10, 15));
        assertThat(term.due(Period.ofYears(9))).isEqualTo(LocalDate.of(2030, 10, 14));
    }

    @Test
    void the_2026_term_owes_a_review_until_one_within_it_is_recorded() {
        LocalDate today = LocalDate.of(2027, 1, 10);
        assertThat(GuidelineReview.owed(today, THREE_YEARS, List.of())).contains(
                Deadline.of(Deadline.Kind.GUIDELINE_REVIEW, LocalDate.of(2029, 10, 15), today));
        GuidelineReview earlierTerm = review(LocalDate.of(2024, 5, 2), today);
        assertThat(GuidelineReview.owed(today, THREE_YEARS, List.of(earlierTerm))).isPresent();
        GuidelineReview thisTerm = review(LocalDate.of(2027, 1, 9), today);
        assertThat(thisTerm.termStart()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(GuidelineReview.owed(today, THREE_YEARS, List.of(earlierTerm, thisTerm))).isEmpty();
        // the next term owes its own
        assertThat(GuidelineReview.owed(LocalDate.of(2030, 10, 15), THREE_YEARS, List.of(thisTerm)))
                .map(Deadline::dueOn).contains(LocalDate.of(2033, 10, 15));
    }

    @Test
    void an_overdue_review_says_by_how_many_days() {
        Deadline d = GuidelineReview.owed(LocalDate.of(2030, 1, 1), Period.ofYears(3), List.of()).orElseThrow();
        assertThat(d.status()).isEqualTo(Deadline.Status.OVERDUE);
        assertThat(d.daysOverdue()).isEqualTo(78);
    }

    @Test
    void a_review_has_a_date_in_a_term_of_the_guideline_not_in_the_future_and_a_decision_reference() {
        LocalDate today = LocalDate.of(2027, 1, 10);
        assertThatThrownBy(() -> GuidelineReview.record(UUID.randomUUID(), new GuidelineReview.Draft(
                LocalDate.of(2027, 1, 11), " "), today, Instant.EPOCH, "x"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.violations())
                        .extracting(RuleViolation.Violation::field)
                        .containsExactlyInAnyOrder("reviewedOn", "decisionReference"));
        assertThatThrownBy(() -> review(LocalDate.of(2022, 10, 14), today)).isInstanceOf(RuleViolation.class);
    }

    private static GuidelineReview review(LocalDate on, LocalDate today) {
        return GuidelineReview.record(UUID.randomUUID(), new GuidelineReview.Draft(on, "KS 2027-01-09 § 4"), today,
                Instant.EPOCH, "Fondhandläggare");
    }
}
