package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectStartTest {

    private static ProjectStart running(String start, String end) {
        return new ProjectStart("Leader", "Plan", LocalDate.parse(start), LocalDate.parse(end), Instant.EPOCH,
                "applicant");
    }

    @Test
    void the_mid_term_follow_up_falls_due_half_way_rounded_down_to_whole_days() {
        // 2026-01-01 to 2027-01-01 is 365 days (2026 is no leap year); half is 182.5, rounded down 182;
        // 2026-01-01 + 182 days: Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 181 days to 1 July, so 2 July
        assertThat(running("2026-01-01", "2027-01-01").midTermFollowUpDue()).isEqualTo(LocalDate.parse("2026-07-02"));
    }

    @Test
    void in_a_leap_year_the_extra_day_moves_the_half_way_point_by_half_a_day() {
        // 2028-01-01 to 2029-01-01 is 366 days; half is exactly 183;
        // 2028-01-01 + 183 days: Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 = 182 days to 1 July, so 2 July
        assertThat(running("2028-01-01", "2029-01-01").midTermFollowUpDue()).isEqualTo(LocalDate.parse("2028-07-02"));
    }

    @Test
    void a_two_year_project_is_followed_up_after_its_first_year() {
        // 2026-08-15 to 2028-08-15 is 365 + 366 = 731 days (it spans 29 Feb 2028); half rounded down is 365 days
        assertThat(running("2026-08-15", "2028-08-15").midTermFollowUpDue()).isEqualTo(LocalDate.parse("2027-08-15"));
    }

    @Test
    void an_odd_number_of_days_rounds_the_half_down() {
        // 3 days: half is 1.5, rounded down 1
        assertThat(running("2026-03-01", "2026-03-04").midTermFollowUpDue()).isEqualTo(LocalDate.parse("2026-03-02"));
        // 1 day: half is 0.5, rounded down 0: due on the first day
        assertThat(running("2026-03-01", "2026-03-02").midTermFollowUpDue()).isEqualTo(LocalDate.parse("2026-03-01"));
    }

    @Test
    void the_final_evaluation_falls_due_at_the_planned_end() {
        assertThat(running("2026-01-01", "2027-06-30").finalEvaluationDue()).isEqualTo(LocalDate.parse("2027-06-30"));
    }
}
