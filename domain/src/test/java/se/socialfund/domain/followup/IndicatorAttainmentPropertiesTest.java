package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import se.socialfund.domain.application.ApplicationContent.Baseline;
import se.socialfund.domain.application.ApplicationContent.ControlGroup;
import se.socialfund.domain.application.ApplicationContent.Direction;
import se.socialfund.domain.application.ApplicationContent.Indicator;
import se.socialfund.domain.followup.Measurement.Group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Goal attainment at the edges: equal, zero, negative, huge (up to 10^300) and tiny (down to 10^-300) baselines,
 * targets and measurements, in both directions, with and without a control group.
 *
 * <p>The expectations are computed exactly (BigDecimal arithmetic without rounding) and compared with what the
 * domain gives; where the exact value has more than 16 significant digits, the domain's result may differ by the
 * rounding of a 16-digit decimal (MathContext.DECIMAL64) and no more.
 */
class IndicatorAttainmentPropertiesTest {
    private static final LocalDate BASE_DAY = LocalDate.of(2025, 9, 1);
    private static final LocalDate OLDER = LocalDate.of(2026, 9, 1);
    private static final LocalDate LATEST = LocalDate.of(2027, 9, 1);
    private static final String CODE = "attendance";
    /** Relative room a 16-significant-digit rounding leaves (half a unit in the 16th digit is 5E-16). */
    private static final BigDecimal ROUNDING = new BigDecimal("1E-15");
    /** Half a unit in the fourth decimal: the rounding of progress. */
    private static final BigDecimal HALF_OF_FOURTH_DECIMAL = new BigDecimal("0.00005");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** How (and whether) the comparison group takes part. */
    enum ControlKind {
        /** No control group, no control measurement. */
        NONE,
        /** No control group on the indicator, yet a control-group measurement was reported. */
        NONE_BUT_CONTROL_MEASURED,
        /** A control group with its baseline and a measurement: a difference in differences can be computed. */
        FULL,
        /** A control group described without a baseline of its own. */
        WITHOUT_ITS_OWN_BASELINE,
        /** A control group whose baseline has no value. */
        BASELINE_WITHOUT_A_VALUE,
        /** A control group with a baseline that has not been measured since. */
        NOT_MEASURED;

        boolean measured() {
            return this != NONE && this != NOT_MEASURED;
        }
    }

    /** The latest target-group value and how it was chosen; fraction is its known share of the way to target. */
    record Pick(String kind, BigDecimal value, BigDecimal fraction) {
    }

    record Scenario(Direction direction, BigDecimal baseline, BigDecimal target, Pick latest, BigDecimal older,
                    ControlKind control, BigDecimal controlBaseline, BigDecimal controlLatest, boolean baselineKnown,
                    boolean measured) {

        Scenario withDirection(Direction d) {
            return new Scenario(d, baseline, target, latest, older, control, controlBaseline, controlLatest,
                    baselineKnown, measured);
        }

        Scenario incomplete(boolean knownBaseline, boolean isMeasured) {
            return new Scenario(direction, baseline, target, latest, older, control, controlBaseline, controlLatest,
                    knownBaseline, isMeasured);
        }

        Indicator indicator() {
            ControlGroup group = switch (control) {
                case NONE, NONE_BUT_CONTROL_MEASURED -> null;
                case FULL, NOT_MEASURED -> new ControlGroup("Comparable schools", 40,
                        new Baseline(controlBaseline, BASE_DAY));
                case WITHOUT_ITS_OWN_BASELINE -> new ControlGroup("Comparable schools", 40, null);
                case BASELINE_WITHOUT_A_VALUE -> new ControlGroup("Comparable schools", 40,
                        new Baseline(null, BASE_DAY));
            };
            return new Indicator(CODE, "School attendance", "percent", direction,
                    baselineKnown ? new Baseline(baseline, BASE_DAY) : null, target, group);
        }

        /**
         * The newest measurement of each group comes before an older one in the list, and other indicators' later
         * measurements surround them: only picking by indicator, group and date finds the right one.
         */
        List<Measurement> measurements() {
            List<Measurement> all = new ArrayList<>();
            all.add(new Measurement("placements", Group.TARGET, LATEST.plusDays(1), 30, BigDecimal.TEN));
            if (measured) {
                all.add(new Measurement(CODE, Group.TARGET, LATEST, 30, latest.value()));
                all.add(new Measurement(CODE, Group.TARGET, OLDER, 30, older));
            }
            if (control.measured()) {
                all.add(new Measurement(CODE, Group.CONTROL, LATEST, 40, controlLatest));
                all.add(new Measurement(CODE, Group.CONTROL, OLDER, 40, older));
            }
            all.add(new Measurement("placements", Group.CONTROL, LATEST.plusDays(2), 30, BigDecimal.ONE));
            return all;
        }

        IndicatorAttainment compute() {
            return IndicatorAttainment.compute(indicator(), measurements());
        }

        BigDecimal exactChange() {
            return latest.value().subtract(baseline);
        }

        BigDecimal exactSpan() {
            return target.subtract(baseline);
        }

        BigDecimal exactControlChange() {
            return controlLatest.subtract(controlBaseline);
        }

        /** +1 when a rise is better, -1 when a fall is. */
        int better() {
            return direction == Direction.LOWER_IS_BETTER ? -1 : 1;
        }
    }

    /** Zero in several scales, small integers (so that equal values turn up by chance), the API's range, huge,
     *  tiny and full 19-digit values, positive and negative. */
    static Arbitrary<BigDecimal> values() {
        return VALUES;
    }

    private static final Arbitrary<BigDecimal> VALUES = anyValue();

    private static Arbitrary<BigDecimal> anyValue() {
        Arbitrary<Long> twelveDigits = Arbitraries.longs().between(-999_999_999_999L, 999_999_999_999L);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.0000"), new BigDecimal("0E+5"),
                        BigDecimal.ONE, BigDecimal.ONE.negate())),
                Tuple.of(4, Arbitraries.integers().between(-100, 100).map(BigDecimal::valueOf)),
                Tuple.of(4, Arbitraries.longs().between(-1_000_000_000_000_000_000L, 1_000_000_000_000_000_000L)
                        .map(unscaled -> BigDecimal.valueOf(unscaled, 6))),
                Tuple.of(2, Combinators.combine(twelveDigits, Arbitraries.integers().between(20, 300))
                        .as((unscaled, exponent) -> BigDecimal.valueOf(unscaled).scaleByPowerOfTen(exponent))),
                Tuple.of(2, Combinators.combine(twelveDigits, Arbitraries.integers().between(20, 300))
                        .as((unscaled, exponent) -> BigDecimal.valueOf(unscaled).scaleByPowerOfTen(-exponent))),
                Tuple.of(2, Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-5, 25))
                        .as(BigDecimal::valueOf)));
    }

    /** What the target is, relative to the baseline. */
    enum TargetIs { ANY_VALUE, THE_BASELINE, THE_BASELINE_IN_ANOTHER_SCALE, ONE_LAST_PLACE_UNIT_ABOVE, A_HAIR_BELOW }

    /** What the latest target-group value is, relative to the baseline and the target. */
    enum LatestIs { ANY_VALUE, THE_BASELINE, THE_BASELINE_IN_ANOTHER_SCALE, THE_TARGET, THE_TARGET_IN_ANOTHER_SCALE,
        A_KNOWN_SHARE_OF_THE_WAY }

    /** What the latest control-group value is, relative to the control baseline. */
    enum ControlLatestIs { ANY_VALUE, ITS_BASELINE, MOVED_EXACTLY_AS_THE_TARGET_GROUP }

    /** The raw choices for the target group, from which the scenario's values are derived. */
    record TargetGroup(Direction direction, BigDecimal baseline, TargetIs targetIs, BigDecimal anyTarget,
                       LatestIs latestIs, BigDecimal anyLatest, BigDecimal share, BigDecimal older) {
        BigDecimal target() {
            return switch (targetIs) {
                case ANY_VALUE -> anyTarget;
                case THE_BASELINE -> baseline;
                case THE_BASELINE_IN_ANOTHER_SCALE -> baseline.setScale(baseline.scale() + 2);
                case ONE_LAST_PLACE_UNIT_ABOVE -> baseline.add(baseline.ulp());
                case A_HAIR_BELOW -> baseline.subtract(new BigDecimal("1E-300"));
            };
        }

        Pick latest() {
            BigDecimal target = target();
            return switch (latestIs) {
                case ANY_VALUE -> new Pick(latestIs.name(), anyLatest, null);
                case THE_BASELINE -> new Pick(latestIs.name(), baseline, BigDecimal.ZERO);
                case THE_BASELINE_IN_ANOTHER_SCALE ->
                        new Pick(latestIs.name(), baseline.setScale(baseline.scale() + 3), BigDecimal.ZERO);
                case THE_TARGET -> new Pick(latestIs.name(), target, BigDecimal.ONE);
                case THE_TARGET_IN_ANOTHER_SCALE ->
                        new Pick(latestIs.name(), target.setScale(target.scale() + 3), BigDecimal.ONE);
                case A_KNOWN_SHARE_OF_THE_WAY ->
                        new Pick(latestIs.name(), baseline.add(share.multiply(target.subtract(baseline))), share);
            };
        }
    }

    record ControlSide(ControlKind kind, BigDecimal baseline, ControlLatestIs latestIs, BigDecimal anyLatest) {
        BigDecimal latest(BigDecimal targetGroupChange) {
            return switch (latestIs) {
                case ANY_VALUE -> anyLatest;
                case ITS_BASELINE -> baseline;
                case MOVED_EXACTLY_AS_THE_TARGET_GROUP -> baseline.add(targetGroupChange);
            };
        }
    }

    /** Mostly a full control group, where the difference in differences is computed; each other kind too. */
    static Arbitrary<ControlKind> controlKinds() {
        return Arbitraries.frequency(Tuple.of(2, ControlKind.NONE), Tuple.of(1, ControlKind.NONE_BUT_CONTROL_MEASURED),
                Tuple.of(4, ControlKind.FULL), Tuple.of(1, ControlKind.WITHOUT_ITS_OWN_BASELINE),
                Tuple.of(1, ControlKind.BASELINE_WITHOUT_A_VALUE), Tuple.of(1, ControlKind.NOT_MEASURED));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<TargetIs> targetIs = Arbitraries.frequency(Tuple.of(6, TargetIs.ANY_VALUE),
                Tuple.of(1, TargetIs.THE_BASELINE), Tuple.of(1, TargetIs.THE_BASELINE_IN_ANOTHER_SCALE),
                Tuple.of(1, TargetIs.ONE_LAST_PLACE_UNIT_ABOVE), Tuple.of(1, TargetIs.A_HAIR_BELOW));
        Arbitrary<LatestIs> latestIs = Arbitraries.frequency(Tuple.of(4, LatestIs.ANY_VALUE),
                Tuple.of(1, LatestIs.THE_BASELINE), Tuple.of(1, LatestIs.THE_BASELINE_IN_ANOTHER_SCALE),
                Tuple.of(1, LatestIs.THE_TARGET), Tuple.of(1, LatestIs.THE_TARGET_IN_ANOTHER_SCALE),
                Tuple.of(2, LatestIs.A_KNOWN_SHARE_OF_THE_WAY));
        Arbitrary<BigDecimal> shares = Arbitraries.of("-1", "0.25", "0.5", "0.75", "1.5", "2").map(BigDecimal::new);
        Arbitrary<TargetGroup> targetGroups = Combinators.combine(Arbitraries.of(Direction.class), values(), targetIs,
                values(), latestIs, values(), shares, values()).as(TargetGroup::new);
        Arbitrary<ControlSide> controls = Combinators.combine(controlKinds(), values(),
                Arbitraries.frequency(Tuple.of(3, ControlLatestIs.ANY_VALUE), Tuple.of(1, ControlLatestIs.ITS_BASELINE),
                        Tuple.of(1, ControlLatestIs.MOVED_EXACTLY_AS_THE_TARGET_GROUP)), values())
                .as(ControlSide::new);
        return Combinators.combine(targetGroups, controls).as((t, c) -> {
            Pick latest = t.latest();
            return new Scenario(t.direction(), t.baseline(), t.target(), latest, t.older(), c.kind(), c.baseline(),
                    c.latest(latest.value().subtract(t.baseline())), true, true);
        });
    }

    @Provide
    Arbitrary<Scenario> possiblyIncomplete() {
        return Combinators.combine(scenarios(), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Scenario::incomplete);
    }

    @Property(tries = 1000)
    @Label("never throws, and what cannot be computed is absent rather than zero")
    void never_throws_and_leaves_out_what_cannot_be_computed(@ForAll("possiblyIncomplete") Scenario s) {
        IndicatorAttainment[] computed = new IndicatorAttainment[1];
        assertThatCode(() -> {
            computed[0] = s.compute();
            computed[0].targetReached();
        }).doesNotThrowAnyException();
        IndicatorAttainment a = computed[0];

        assertThat(a.target()).isEqualByComparingTo(s.target());
        if (s.measured()) {
            assertThat(a.latest().measuredOn()).isEqualTo(LATEST);
            assertThat(a.latest().value()).isEqualByComparingTo(s.latest().value());
            assertThat(a.targetReached()).isNotNull();
        } else {
            assertThat(a.latest()).isNull();
            assertThat(a.targetReached()).isNull();
        }
        if (s.measured() && s.baselineKnown()) {
            assertThat(a.change()).isNotNull();
            assertThat(a.improvement()).isNotNull();
        } else {
            assertThat(a.change()).isNull();
            assertThat(a.progressTowardTarget()).isNull();
            assertThat(a.differenceAgainstControl()).isNull();
            assertThat(a.improvement()).isNull();
        }
        if (!s.baselineKnown()) {
            assertThat(a.baseline()).isNull();
        }
        Statistics.label("complete").collect(s.measured() && s.baselineKnown());
    }

    @Property(tries = 1000)
    @Label("progress toward the target is absent exactly when the target equals the baseline")
    void progress_is_absent_exactly_when_the_target_equals_the_baseline(@ForAll("scenarios") Scenario s) {
        IndicatorAttainment a = s.compute();

        boolean flat = s.target().compareTo(s.baseline()) == 0;
        assertThat(a.progressTowardTarget() == null).as("progress absent").isEqualTo(flat);

        Statistics.label("target equals baseline").collect(flat);
        Statistics.label("target equals baseline").coverage(c -> {
            c.check(true).percentage(p -> p >= 5);
            c.check(false).percentage(p -> p >= 30);
        });
    }

    @Property(tries = 1000)
    @Label("change is the latest value minus the baseline")
    void change_is_the_latest_value_minus_the_baseline(@ForAll("scenarios") Scenario s) {
        IndicatorAttainment a = s.compute();

        assertRoundedFrom(a.change(), s.exactChange());
        assertThat(a.change().signum()).isEqualTo(s.exactChange().signum());
        Statistics.label("latest value").collect(s.latest().kind());
    }

    @Property(tries = 1000)
    @Label("progress is 0 at the baseline, 1 at the target and the share of the way in between, to four decimals")
    void progress_is_the_share_of_the_way_from_baseline_to_target(@ForAll("scenarios") Scenario s) {
        if (s.target().compareTo(s.baseline()) == 0) {
            return;
        }
        BigDecimal progress = s.compute().progressTowardTarget();

        assertThat(progress.scale()).isEqualTo(4);
        if (s.latest().value().compareTo(s.target()) == 0) {
            assertThat(progress).isEqualByComparingTo(BigDecimal.ONE);
        }
        if (s.latest().value().compareTo(s.baseline()) == 0) {
            assertThat(progress).isEqualByComparingTo(BigDecimal.ZERO);
        }
        if (s.latest().fraction() != null) {
            assertThat(progress).isEqualByComparingTo(s.latest().fraction());
        }
        BigDecimal exact = s.exactChange().divide(s.exactSpan(), MathContext.DECIMAL128);
        BigDecimal room = HALF_OF_FOURTH_DECIMAL.add(exact.abs().multiply(BigDecimal.TEN.multiply(ROUNDING)));
        assertThat(progress.subtract(exact).abs()).isLessThanOrEqualTo(room);

        Statistics.label("latest value").collect(s.latest().kind());
        Statistics.label("latest value").coverage(c -> {
            c.check(LatestIs.THE_BASELINE.name()).percentage(p -> p >= 2);
            c.check(LatestIs.THE_TARGET.name()).percentage(p -> p >= 2);
            c.check(LatestIs.A_KNOWN_SHARE_OF_THE_WAY.name()).percentage(p -> p >= 5);
        });
    }

    @Property(tries = 1000)
    @Label("a reached target means progress of at least 1, an unreached one at most 1")
    void target_reached_agrees_with_progress(@ForAll("scenarios") Scenario s) {
        int targetSide = s.exactSpan().signum() * s.better();
        if (targetSide <= 0) {
            return; // a target equal to, or on the worse side of, the baseline: no progress scale to agree with
        }
        IndicatorAttainment a = s.compute();

        if (a.targetReached()) {
            assertThat(a.progressTowardTarget()).isGreaterThanOrEqualTo(BigDecimal.ONE);
        } else {
            assertThat(a.progressTowardTarget()).isLessThanOrEqualTo(BigDecimal.ONE);
        }
        Statistics.label("target reached").collect(a.targetReached());
    }

    @Property(tries = 1000)
    @Label("the improvement is positive when things got better in the indicator's direction")
    void the_sign_of_the_improvement_follows_the_direction(@ForAll("scenarios") Scenario s) {
        IndicatorAttainment higher = s.withDirection(Direction.HIGHER_IS_BETTER).compute();
        IndicatorAttainment lower = s.withDirection(Direction.LOWER_IS_BETTER).compute();
        IndicatorAttainment a = s.direction() == Direction.LOWER_IS_BETTER ? lower : higher;

        // The same figures read in the opposite direction are the opposite improvement.
        assertThat(lower.improvement()).isEqualByComparingTo(higher.improvement().negate());
        if (s.control() == ControlKind.FULL) {
            BigDecimal exact = s.exactChange().subtract(s.exactControlChange());
            BigDecimal room = exactRoom(s).multiply(TWO);
            if (exact.signum() == 0) {
                assertThat(a.improvement().signum()).isZero();
            } else if (exact.abs().compareTo(room) > 0) {
                assertThat(a.improvement().signum()).isEqualTo(s.better() * exact.signum());
            } else {
                // cancellation below the 16th digit: the sign cannot be told, but the figure is within rounding
                assertThat(a.improvement().abs()).isLessThanOrEqualTo(room.multiply(TWO));
            }
            assertThat(a.improvement().abs()).isEqualByComparingTo(a.differenceAgainstControl().abs());
        } else {
            assertThat(a.improvement().signum()).isEqualTo(s.better() * s.exactChange().signum());
            assertThat(a.improvement().abs()).isEqualByComparingTo(a.change().abs());
        }
        Statistics.label("direction").collect(s.direction(), a.improvement().signum());
    }

    @Property(tries = 1000)
    @Label("the difference against control is change minus control change, and only with a measured control group")
    void the_difference_against_control_is_a_difference_in_differences(@ForAll("scenarios") Scenario s) {
        IndicatorAttainment a = s.compute();

        assertThat(a.controlLatest() != null).as("control latest present").isEqualTo(s.control().measured());
        if (s.control() == ControlKind.FULL) {
            assertThat(a.controlLatest().value()).isEqualByComparingTo(s.controlLatest());
            assertRoundedFrom(a.controlChange(), s.exactControlChange());
            assertRoundedFrom(a.differenceAgainstControl(), a.change().subtract(a.controlChange()));
            BigDecimal exact = s.exactChange().subtract(s.exactControlChange());
            assertThat(a.differenceAgainstControl().subtract(exact).abs())
                    .isLessThanOrEqualTo(exactRoom(s).multiply(TWO));
        } else {
            assertThat(a.controlChange()).isNull();
            assertThat(a.differenceAgainstControl()).isNull();
        }
        Statistics.label("control group").collect(s.control());
        Statistics.label("control group").coverage(c -> c.check(ControlKind.FULL).percentage(p -> p >= 15));
    }

    /** Equal to the exact value when that fits in 16 significant digits; otherwise off by its rounding at most. */
    private static void assertRoundedFrom(BigDecimal actual, BigDecimal exact) {
        if (exact.stripTrailingZeros().precision() <= 16) {
            assertThat(actual).isEqualByComparingTo(exact);
        } else {
            assertThat(actual.subtract(exact).abs()).isLessThanOrEqualTo(exact.abs().multiply(ROUNDING));
        }
    }

    /** What two rounded changes may together be off by: the rounding of each, relative to its size. */
    private static BigDecimal exactRoom(Scenario s) {
        return s.exactChange().abs().add(s.exactControlChange().abs()).multiply(ROUNDING);
    }
}
