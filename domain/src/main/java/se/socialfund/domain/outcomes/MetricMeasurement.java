package se.socialfund.domain.outcomes;

import java.math.BigDecimal;

/** One metric measured for the cohort and for its comparison in one period. */
public record MetricMeasurement(String metricCode, GroupMeasurement cohort, GroupMeasurement comparison) {

    /**
     * The period's outcome in the metric's units: the cohort's improvement over the comparison, times the cohort's n
     * when the values are means per participant.
     */
    public BigDecimal outcome(OutcomeMetric metric) {
        BigDecimal improvement = metric.direction().improvement(cohort.value(), comparison.value());
        return metric.aggregate() == Aggregate.MEAN_PER_PARTICIPANT
                ? improvement.multiply(BigDecimal.valueOf(cohort.n())) : improvement;
    }
}
