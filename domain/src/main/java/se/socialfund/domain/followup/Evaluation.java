package se.socialfund.domain.followup;

import java.time.Instant;
import java.util.List;

/**
 * Utvärdering: the whole intervention evaluated at its end: goal attainment (computed from the measurements),
 * human gains, and the economic evaluation of what it is expected to save, in which budget.
 */
public record Evaluation(String summary, String humanGains, List<Measurement> measurements,
                         EconomicEvaluation economics, Instant submittedAt, String submittedBy) {
    public Evaluation {
        measurements = List.copyOf(measurements);
    }
}
