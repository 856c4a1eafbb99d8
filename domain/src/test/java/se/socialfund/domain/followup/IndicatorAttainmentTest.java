package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.application.ApplicationContent.Baseline;
import se.socialfund.domain.application.ApplicationContent.ControlGroup;
import se.socialfund.domain.application.ApplicationContent.Direction;
import se.socialfund.domain.application.ApplicationContent.Indicator;
import se.socialfund.domain.followup.Measurement.Group;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorAttainmentTest {
    private static final LocalDate BASE_DAY = LocalDate.of(2025, 9, 1);
    private static final LocalDate MID = LocalDate.of(2026, 9, 1);
    private static final LocalDate END = LocalDate.of(2027, 9, 1);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Indicator attendance(ControlGroup control) {
        return new Indicator("attendance", "School attendance", "percent", Direction.HIGHER_IS_BETTER,
                new Baseline(d("60"), BASE_DAY), d("80"), control);
    }

    private static Indicator placements(ControlGroup control) {
        return new Indicator("placements", "Placements", "count", Direction.LOWER_IS_BETTER,
                new Baseline(d("40"), BASE_DAY), d("20"), control);
    }

    private static Measurement m(String indicator, Group group, LocalDate on, String value) {
        return new Measurement(indicator, group, on, 30, d(value));
    }

    @Test
    void higher_is_better_without_a_control_group() {
        // baseline 60, target 80, latest 70: change +10, progress 10 / (80 - 60) = 0.5, improvement +10
        IndicatorAttainment a = IndicatorAttainment.compute(attendance(null), List.of(
                m("attendance", Group.TARGET, MID, "70")));

        assertThat(a.change()).isEqualByComparingTo("10");
        assertThat(a.progressTowardTarget()).isEqualTo(d("0.5000"));
        assertThat(a.controlChange()).isNull();
        assertThat(a.differenceAgainstControl()).isNull();
        assertThat(a.improvement()).isEqualByComparingTo("10");
        assertThat(a.targetReached()).isFalse();
    }

    @Test
    void higher_is_better_against_a_control_group_is_a_difference_in_differences() {
        // target group 60 -> 70 (+10); control group 58 -> 63 (+5); difference in differences +10 - +5 = +5
        ControlGroup control = new ControlGroup("Comparable schools", 55, new Baseline(d("58"), BASE_DAY));

        IndicatorAttainment a = IndicatorAttainment.compute(attendance(control), List.of(
                m("attendance", Group.TARGET, MID, "70"), m("attendance", Group.CONTROL, MID, "63")));

        assertThat(a.change()).isEqualByComparingTo("10");
        assertThat(a.controlChange()).isEqualByComparingTo("5");
        assertThat(a.differenceAgainstControl()).isEqualByComparingTo("5");
        assertThat(a.improvement()).isEqualByComparingTo("5");
        assertThat(a.progressTowardTarget()).isEqualTo(d("0.5000"));
    }

    @Test
    void lower_is_better_without_a_control_group_counts_a_fall_as_an_improvement() {
        // baseline 40, target 20, latest 30: change -10, progress -10 / (20 - 40) = 0.5, improvement +10
        IndicatorAttainment a = IndicatorAttainment.compute(placements(null), List.of(
                m("placements", Group.TARGET, MID, "30")));

        assertThat(a.change()).isEqualByComparingTo("-10");
        assertThat(a.progressTowardTarget()).isEqualTo(d("0.5000"));
        assertThat(a.improvement()).isEqualByComparingTo("10");
    }

    @Test
    void lower_is_better_against_a_control_group() {
        // target group 40 -> 30 (-10); control group 42 -> 38 (-4); difference -10 - (-4) = -6; improvement +6
        ControlGroup control = new ControlGroup("Comparable district", 55, new Baseline(d("42"), BASE_DAY));

        IndicatorAttainment a = IndicatorAttainment.compute(placements(control), List.of(
                m("placements", Group.TARGET, MID, "30"), m("placements", Group.CONTROL, MID, "38")));

        assertThat(a.controlChange()).isEqualByComparingTo("-4");
        assertThat(a.differenceAgainstControl()).isEqualByComparingTo("-6");
        assertThat(a.improvement()).isEqualByComparingTo("6");
    }

    @Test
    void a_control_group_doing_better_than_the_target_group_shows_a_negative_improvement() {
        // target group 40 -> 38 (-2); control group 42 -> 35 (-7); difference -2 - (-7) = +5; improvement -5
        ControlGroup control = new ControlGroup("Comparable district", 55, new Baseline(d("42"), BASE_DAY));

        IndicatorAttainment a = IndicatorAttainment.compute(placements(control), List.of(
                m("placements", Group.TARGET, MID, "38"), m("placements", Group.CONTROL, MID, "35")));

        assertThat(a.improvement()).isEqualByComparingTo("-5");
    }

    @Test
    void the_newest_measurement_of_each_group_counts() {
        // 70 at mid-term, 82 at the end: change 22, progress 22 / 20 = 1.1, target reached
        IndicatorAttainment a = IndicatorAttainment.compute(attendance(null), List.of(
                m("attendance", Group.TARGET, END, "82"), m("attendance", Group.TARGET, MID, "70"),
                m("placements", Group.TARGET, END, "1")));

        assertThat(a.latest().measuredOn()).isEqualTo(END);
        assertThat(a.latest().value()).isEqualByComparingTo("82");
        assertThat(a.progressTowardTarget()).isEqualTo(d("1.1000"));
        assertThat(a.targetReached()).isTrue();
    }

    @Test
    void progress_is_rounded_to_four_decimals() {
        // baseline 60, target 80, latest 61: 1 / 20 = 0.05; latest 60.1: 0.1 / 20 = 0.005; 2/3 of the way: 0.6667
        Indicator third = new Indicator("share", "Share", "percent", Direction.HIGHER_IS_BETTER,
                new Baseline(d("0"), BASE_DAY), d("3"), null);

        assertThat(IndicatorAttainment.compute(third, List.of(m("share", Group.TARGET, MID, "2")))
                .progressTowardTarget()).isEqualTo(d("0.6667"));
    }

    @Test
    void a_target_equal_to_the_baseline_gives_no_progress_instead_of_dividing_by_zero() {
        Indicator flat = new Indicator("attendance", "Attendance", "percent", Direction.HIGHER_IS_BETTER,
                new Baseline(d("60"), BASE_DAY), d("60.0"), null);

        IndicatorAttainment a = IndicatorAttainment.compute(flat, List.of(m("attendance", Group.TARGET, MID, "65")));

        assertThat(a.change()).isEqualByComparingTo("5");
        assertThat(a.progressTowardTarget()).isNull();
        assertThat(a.improvement()).isEqualByComparingTo("5");
    }

    @Test
    void without_a_baseline_there_is_no_change_no_progress_and_no_improvement() {
        Indicator noBaseline = new Indicator("attendance", "Attendance", "percent", Direction.HIGHER_IS_BETTER,
                null, d("80"), null);

        IndicatorAttainment a = IndicatorAttainment.compute(noBaseline, List.of(
                m("attendance", Group.TARGET, MID, "70")));

        assertThat(a.baseline()).isNull();
        assertThat(a.latest().value()).isEqualByComparingTo("70");
        assertThat(a.change()).isNull();
        assertThat(a.progressTowardTarget()).isNull();
        assertThat(a.improvement()).isNull();
        assertThat(a.targetReached()).isFalse();
    }

    @Test
    void a_control_group_without_its_own_baseline_gives_no_difference_in_differences() {
        ControlGroup control = new ControlGroup("Comparable district", 55, null);

        IndicatorAttainment a = IndicatorAttainment.compute(placements(control), List.of(
                m("placements", Group.TARGET, MID, "30"), m("placements", Group.CONTROL, MID, "38")));

        assertThat(a.controlLatest().value()).isEqualByComparingTo("38");
        assertThat(a.controlChange()).isNull();
        assertThat(a.differenceAgainstControl()).isNull();
        assertThat(a.improvement()).isEqualByComparingTo("10");
    }

    @Test
    void without_measurements_nothing_is_computed_and_nothing_is_claimed() {
        IndicatorAttainment a = IndicatorAttainment.compute(placements(null), List.of());

        assertThat(a.latest()).isNull();
        assertThat(a.change()).isNull();
        assertThat(a.improvement()).isNull();
        assertThat(a.targetReached()).isNull();
    }

    @Test
    void a_falling_indicator_has_reached_its_target_at_or_below_it() {
        assertThat(IndicatorAttainment.compute(placements(null), List.of(m("placements", Group.TARGET, MID, "20")))
                .targetReached()).isTrue();
        assertThat(IndicatorAttainment.compute(placements(null), List.of(m("placements", Group.TARGET, MID, "21")))
                .targetReached()).isFalse();
    }
}
