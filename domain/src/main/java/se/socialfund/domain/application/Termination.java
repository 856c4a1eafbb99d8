package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/** The fund officer ended a running project early; it still owes its final evaluation. */
public record Termination(String reason, LocalDate endedOn, Instant recordedAt, String recordedBy) {

    /** Why and when the project ended; not before it started. */
    public record Draft(String reason, LocalDate endedOn) {
        void validate(LocalDate startDate, Violations v) {
            v.requireText(reason, "reason", Limits.TEXT);
            v.require(endedOn != null && !endedOn.isBefore(startDate), "endedOn",
                    "the date the project ended, not before its start");
        }

        Termination record(Instant at, String by) {
            return new Termination(reason, endedOn, at, by);
        }
    }
}
