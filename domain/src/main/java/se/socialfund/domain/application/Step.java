package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import se.socialfund.domain.shared.Actor;

/**
 * One step's circumstances: who takes it, the version of the application they saw (If-Match), and when, with the
 * municipality's time zone that turns the moment into a date.
 */
public record Step(Actor by, long expectedVersion, Instant at, ZoneId zone) {
    /** The municipality's date at the moment of the step. */
    public LocalDate today() {
        return LocalDate.ofInstant(at, zone);
    }

    /** The municipality's date of another moment. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
