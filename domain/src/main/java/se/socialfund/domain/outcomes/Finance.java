package se.socialfund.domain.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;

import se.socialfund.domain.shared.Money;

/**
 * The investor's money and what it earns.
 *
 * @param committed            what the investor committed (Team Nystart: at most 10 MSEK)
 * @param drawn                what has been drawn of it; payments are reckoned on this
 * @param activityShare        the share of the drawn investment paid on activity, spread evenly over the periods
 * @param investorSavingsShare the investor's share of measured savings (Team Nystart: 0.60)
 * @param returnCap            the most the investor may earn on the drawn investment (Team Nystart: 0.20)
 * @param returnConditionMetric the code of the metric a return depends on, or null for an unconditional return
 */
public record Finance(Money committed, Money drawn, BigDecimal activityShare, BigDecimal investorSavingsShare,
                      BigDecimal returnCap, String returnConditionMetric) {

    /** The most the investor may ever receive: drawn × (1 + return cap), to the öre. */
    public Money investorCap() {
        return new Money(drawn.amount().multiply(BigDecimal.ONE.add(returnCap)).setScale(2, RoundingMode.HALF_EVEN));
    }
}
