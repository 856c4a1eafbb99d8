package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import se.socialfund.domain.application.ApplicationContent.Baseline;
import se.socialfund.domain.application.ApplicationContent.Direction;
import se.socialfund.domain.application.ApplicationContent.Indicator;

/**
 * Goal attainment (måluppfyllelse) for one indicator, computed from its baseline, its target and the latest
 * measurements of the target group and, where there is one, the control group.
 *
 * <ul>
 * <li>{@code change} = latest target-group value - baseline value</li>
 * <li>{@code progressTowardTarget} = change / (target - baseline), 1 meaning the target is reached; none when the
 * target equals the baseline</li>
 * <li>{@code controlChange} = latest control value - control baseline; {@code differenceAgainstControl} = change -
 * controlChange (a difference in differences)</li>
 * <li>{@code improvement}: the difference against control (or the change, without one) signed so that positive is
 * better, whichever the indicator's direction</li>
 * </ul>
 * Values that cannot be computed (no baseline, no measurement) are absent, never zero, and never a division by
 * zero.
 */
public record IndicatorAttainment(String indicator, String unit, Direction direction, BigDecimal baseline,
                                  BigDecimal target, Latest latest, BigDecimal change,
                                  BigDecimal progressTowardTarget, Latest controlLatest, BigDecimal controlChange,
                                  BigDecimal differenceAgainstControl, BigDecimal improvement) {
    private static final MathContext MC = MathContext.DECIMAL64;

    /** The newest measurement of a group: its date, its n and its value. */
    public record Latest(LocalDate measuredOn, int n, BigDecimal value) {
    }

    public static IndicatorAttainment compute(Indicator indicator, List<Measurement> measurements) {
        Optional<Measurement> target = latest(indicator.code(), Measurement.Group.TARGET, measurements);
        Optional<Measurement> control = latest(indicator.code(), Measurement.Group.CONTROL, measurements);
        BigDecimal base = value(indicator.baseline());
        BigDecimal change = target.isPresent() && base != null ? target.get().value().subtract(base, MC) : null;
        BigDecimal progress = null;
        if (change != null) {
            BigDecimal span = indicator.target().subtract(base, MC);
            if (span.signum() != 0) {
                progress = change.divide(span, MC).setScale(4, RoundingMode.HALF_EVEN);
            }
        }
        BigDecimal controlBase = indicator.controlGroup() == null ? null : value(indicator.controlGroup().baseline());
        BigDecimal controlChange = control.isPresent() && controlBase != null
                ? control.get().value().subtract(controlBase, MC) : null;
        BigDecimal difference = change != null && controlChange != null ? change.subtract(controlChange, MC) : null;
        BigDecimal effect = difference != null ? difference : change;
        BigDecimal improvement = effect == null ? null
                : indicator.direction() == Direction.LOWER_IS_BETTER ? effect.negate() : effect;
        return new IndicatorAttainment(indicator.code(), indicator.unit(), indicator.direction(), base,
                indicator.target(), target.map(IndicatorAttainment::latestOf).orElse(null), change, progress,
                control.map(IndicatorAttainment::latestOf).orElse(null), controlChange, difference, improvement);
    }

    /** Whether the latest target-group value has reached the target, in the indicator's direction. */
    public Boolean targetReached() {
        if (latest == null) {
            return null;
        }
        int cmp = latest.value().compareTo(target);
        return direction == Direction.LOWER_IS_BETTER ? cmp <= 0 : cmp >= 0;
    }

    private static BigDecimal value(Baseline baseline) {
        return baseline == null ? null : baseline.value();
    }

    private static Latest latestOf(Measurement m) {
        return new Latest(m.measuredOn(), m.n(), m.value());
    }

    private static Optional<Measurement> latest(String code, Measurement.Group group, List<Measurement> all) {
        return all.stream().filter(m -> m.indicator().equals(code) && m.group() == group)
                .max(Comparator.comparing(Measurement::measuredOn));
    }
}
