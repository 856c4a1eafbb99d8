package se.socialfund.domain.outcomes;

/**
 * An outcome the contract measures, and how it pays.
 *
 * @param code       short and unique within the contract, e.g. {@code REPLACEMENT}
 * @param definition when the outcome counts as achieved
 * @param unit       what a value counts, e.g. "placement days" or "SEK per child"
 */
public record OutcomeMetric(String code, String definition, String unit, Direction direction, Aggregate aggregate,
                            PaymentRule payment) {
}
