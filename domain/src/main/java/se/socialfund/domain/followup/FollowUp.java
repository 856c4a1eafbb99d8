package se.socialfund.domain.followup;

import java.time.Instant;
import java.util.List;

import se.socialfund.domain.application.ApplicationContent.Indicator;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * Halvtidsuppföljning: indicator measurements against the baseline (and the control group), progress and risks.
 */
public record FollowUp(String progress, String risks, List<Measurement> measurements, Instant submittedAt,
                       String submittedBy) {
    public FollowUp {
        measurements = List.copyOf(measurements);
    }

    /** What the office reports at mid-term. */
    public record Draft(String progress, String risks, List<Measurement> measurements) {
        public void validate(List<Indicator> indicators, Violations v) {
            v.requireText(progress, "progress", Limits.TEXT);
            v.requireText(risks, "risks", Limits.TEXT);
            Measurement.validate(measurements, indicators, v);
        }

        public FollowUp record(Instant at, String by) {
            return new FollowUp(progress, risks, measurements, at, by);
        }
    }
}
