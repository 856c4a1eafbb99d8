package se.socialfund.domain.outcomes;

import java.time.LocalDate;

/** A period whose outcomes are measured and paid once, numbered from 1. */
public record MeasurementPeriod(int number, LocalDate start, LocalDate end) {
}
