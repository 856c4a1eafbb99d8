package se.socialfund.domain.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.socialfund.domain.shared.Money;

/**
 * A change of the terms: what changed, why, the decision behind it and from when. The changes it may carry are
 * the periods (those not yet measured), the payment cap and the investment drawn; none rewrites an approved payment.
 *
 * @param periods         the whole new list of periods, or null when they do not change
 * @param paymentCap      the new cap, or null
 * @param investmentDrawn the new drawn investment, or null
 */
public record Amendment(int number, String description, String reason, String decisionReference,
                        LocalDate effectiveFrom, List<MeasurementPeriod> periods, Money paymentCap,
                        Money investmentDrawn, Instant recordedAt, String recordedBy) {
    public Amendment {
        periods = periods == null ? null : List.copyOf(periods);
    }
}
