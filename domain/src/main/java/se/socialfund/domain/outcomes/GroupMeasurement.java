package se.socialfund.domain.outcomes;

import java.math.BigDecimal;

/** An aggregate of a group in one period: how many were measured, and the group's value. Never an individual. */
public record GroupMeasurement(int n, BigDecimal value) {
}
