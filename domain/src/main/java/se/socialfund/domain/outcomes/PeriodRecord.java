package se.socialfund.domain.outcomes;

import java.time.Instant;
import java.util.List;

/**
 * What happened in one measurement period: the measurements, their validation by the evaluator, and the payment
 * approval with the payments it computed. Each part exists only once the step before it was taken.
 */
public record PeriodRecord(int number, List<MetricMeasurement> measurements, Instant measuredAt, String measuredBy,
                           Validation validation, Approval approval) {
    public record Validation(Instant at, String by, String statement) {
    }

    public record Approval(Instant at, String by, List<Payment> payments) {
        public Approval {
            payments = List.copyOf(payments);
        }
    }

    public PeriodRecord {
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    public static PeriodRecord open(int number) {
        return new PeriodRecord(number, List.of(), null, null, null, null);
    }

    public Status status() {
        if (approval != null) {
            return Status.APPROVED;
        }
        if (validation != null) {
            return Status.VALIDATED;
        }
        return measuredAt != null ? Status.MEASURED : Status.OPEN;
    }

    public enum Status { OPEN, MEASURED, VALIDATED, APPROVED }
}
