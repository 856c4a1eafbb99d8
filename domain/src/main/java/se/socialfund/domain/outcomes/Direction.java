package se.socialfund.domain.outcomes;

import java.math.BigDecimal;

/** Which way a metric improves: fewer placement days, or higher school results. */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER;

    /** The cohort's improvement over the comparison, positive when the cohort did better. */
    public BigDecimal improvement(BigDecimal cohort, BigDecimal comparison) {
        return this == LOWER_IS_BETTER ? comparison.subtract(cohort) : cohort.subtract(comparison);
    }
}
