package se.socialfund.domain.aim;

import java.math.BigDecimal;

import se.socialfund.domain.shared.Violations;

/** A context indicator's value for a year (an aggregate for the municipality, as the source publishes it). */
public record AimValue(String indicator, int year, BigDecimal value) {
    /** The value the fund officer enters for the year; entering it again replaces it (idempotent by nature). */
    public static AimValue enter(String indicator, Integer year, BigDecimal value, int thisYear) {
        Violations v = new Violations();
        v.requireYear(year, "year");
        v.require(year == null || year <= thisYear, "year", "cannot be a year that has not begun");
        v.requireMeasure(value, "value");
        v.throwIfAny("the context indicator's value is invalid");
        return new AimValue(indicator, year, value);
    }
}
