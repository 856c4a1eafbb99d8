package se.socialfund.domain.outcomes;

import java.util.List;

import se.socialfund.domain.shared.Money;

/**
 * One computed payment, never typed in: the formula (name and version), every input it used, what was due before
 * the caps, what the caps held back, and the amount paid. An auditor recomputes it from these alone.
 *
 * @param metricCode the metric it pays for, or null for the payment on activity
 * @param recipient  the receiving organisation's number (the investor)
 */
public record Payment(int period, Kind kind, String metricCode, String formula, int formulaVersion,
                      List<Input> inputs, Money due, Money heldBack, Money amount, String recipient) {
    public enum Kind {
        /** The share of the investment paid for delivering the service. */
        ACTIVITY,
        /** A payment for measured outcomes. */
        OUTCOME
    }

    /** A named input of a formula, as exact decimal text. */
    public record Input(String name, String value) {
    }

    public Payment {
        inputs = List.copyOf(inputs);
    }
}
