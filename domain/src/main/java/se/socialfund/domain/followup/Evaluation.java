package se.socialfund.domain.followup;

import java.time.Instant;
import java.util.List;

import se.socialfund.domain.application.ApplicationContent.Indicator;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * Utvärdering: the whole intervention evaluated at its end: goal attainment (computed from the measurements),
 * human gains, and the economic evaluation of what it is expected to save, in which budget.
 */
public record Evaluation(String summary, String humanGains, List<Measurement> measurements,
                         EconomicEvaluation economics, Instant submittedAt, String submittedBy) {
    public Evaluation {
        measurements = List.copyOf(measurements);
    }

    /** What the office reports at the end (or after a termination). */
    public record Draft(String summary, String humanGains, List<Measurement> measurements,
                        EconomicEvaluation economics) {
        public void validate(List<Indicator> indicators, Violations v) {
            v.requireText(summary, "summary", Limits.TEXT);
            v.requireText(humanGains, "humanGains", Limits.TEXT);
            Measurement.validate(measurements, indicators, v);
            if (economics != null) {
                economics.validate("economics", v);
            }
        }

        public Evaluation record(Instant at, String by) {
            return new Evaluation(summary, humanGains, measurements, economics, at, by);
        }
    }
}
