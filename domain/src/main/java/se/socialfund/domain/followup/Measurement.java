package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.socialfund.domain.application.ApplicationContent.Indicator;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * One aggregate measurement of an indicator for a group at a date: how many were measured (n) and the group's
 * value (a share, a mean, a count). Never an individual's value.
 */
public record Measurement(String indicator, Group group, LocalDate measuredOn, Integer n, BigDecimal value) {
    /** The intervention's target group, or the comparison group (kontrollgrupp). */
    public enum Group { TARGET, CONTROL }

    /** Groups smaller than this are never shown to anyone outside the owning office and the fund officers. */
    public static final int MIN_PUBLISHED_GROUP = 5;

    public boolean isSmallGroup() {
        return n < MIN_PUBLISHED_GROUP;
    }

    /**
     * Checks measurements against the application's indicators: each of them, one per indicator, group and date,
     * and a control group's only where the indicator has one.
     */
    public static void validate(List<Measurement> measurements, List<Indicator> indicators, Violations v) {
        if (!v.requireList(measurements, 0, 500, "measurements")) {
            return;
        }
        Set<String> codes = new HashSet<>();
        Set<String> withControl = new HashSet<>();
        indicators.forEach(i -> {
            codes.add(i.code());
            if (i.controlGroup() != null) {
                withControl.add(i.code());
            }
        });
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            String at = "measurements." + i;
            if (m == null) {
                v.requirePresent(null, at);
                continue;
            }
            v.require(m.indicator() != null && codes.contains(m.indicator()), at + ".indicator",
                    "one of the application's indicators: " + codes);
            v.requirePresent(m.group(), at + ".group");
            v.requirePresent(m.measuredOn(), at + ".measuredOn");
            v.requireRange(m.n(), 0, Limits.MAX_COUNT, at + ".n");
            v.requireMeasure(m.value(), at + ".value");
            v.require(m.group() != Group.CONTROL || m.indicator() == null || withControl.contains(m.indicator()),
                    at + ".group", "this indicator has no control group");
            v.require(seen.add(m.indicator() + "/" + m.group() + "/" + m.measuredOn()), at,
                    "one measurement per indicator, group and date");
        }
    }
}
