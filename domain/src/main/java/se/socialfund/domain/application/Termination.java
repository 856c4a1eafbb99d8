package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;

/** The fund officer ended a running project early; it still owes its final evaluation. */
public record Termination(String reason, LocalDate endedOn, Instant recordedAt, String recordedBy) {
}
