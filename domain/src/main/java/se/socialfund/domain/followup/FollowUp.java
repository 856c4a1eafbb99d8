package se.socialfund.domain.followup;

import java.time.Instant;
import java.util.List;

/**
 * Halvtidsuppföljning: indicator measurements against the baseline (and the control group), progress and risks.
 */
public record FollowUp(String progress, String risks, List<Measurement> measurements, Instant submittedAt,
                       String submittedBy) {
    public FollowUp {
        measurements = List.copyOf(measurements);
    }
}
