package se.socialfund.domain.outcomes;

import java.math.BigDecimal;

import se.socialfund.domain.shared.Money;

/**
 * How a metric pays. One record for the four kinds, so that the terms stay plain data an auditor (and the
 * persistence adapter) can read; {@link #problems} says which fields each kind needs.
 *
 * @param pricePerUnit       {@link Kind#PRICE_PER_UNIT}: what one unit of cumulative outcome is worth
 * @param share              {@link Kind#SHARE_OF_DIFFERENCE}: the share (0-1) of the measured difference
 * @param minimumImprovement {@link Kind#RETURN_CONDITION}: the improvement over the comparison that meets it
 */
public record PaymentRule(Kind kind, Money pricePerUnit, BigDecimal share, BigDecimal minimumImprovement) {
    public enum Kind {
        /** Essex: a price per unit of outcome (a care day avoided), paid on the cumulative outcome. */
        PRICE_PER_UNIT,
        /** Team Nystart: the investor's share of measured savings up to break-even, then a capped return. */
        SHARE_OF_SAVINGS,
        /** Koto-SIB: a share of the measured difference against the comparison group. */
        SHARE_OF_DIFFERENCE,
        /** Pays nothing itself: the outcome on which the investor's return depends (school results). */
        RETURN_CONDITION
    }

    public static PaymentRule pricePerUnit(Money price) {
        return new PaymentRule(Kind.PRICE_PER_UNIT, price, null, null);
    }

    public static PaymentRule shareOfSavings() {
        return new PaymentRule(Kind.SHARE_OF_SAVINGS, null, null, null);
    }

    public static PaymentRule shareOfDifference(BigDecimal share) {
        return new PaymentRule(Kind.SHARE_OF_DIFFERENCE, null, share, null);
    }

    public static PaymentRule returnCondition(BigDecimal minimumImprovement) {
        return new PaymentRule(Kind.RETURN_CONDITION, null, null, minimumImprovement);
    }

    public boolean pays() {
        return kind != Kind.RETURN_CONDITION;
    }

    /** The broken rules of this payment rule, at fields under {@code at}. */
    void problems(String at, se.socialfund.domain.shared.Violations v) {
        if (kind == null) {
            v.require(false, at + ".kind", "is required");
            return;
        }
        switch (kind) {
            case PRICE_PER_UNIT -> v.require(pricePerUnit != null && !pricePerUnit.isZero(), at + ".pricePerUnit",
                    "a price per unit above zero is required for PRICE_PER_UNIT");
            case SHARE_OF_DIFFERENCE -> v.require(share != null && share.signum() > 0
                    && share.compareTo(BigDecimal.ONE) <= 0, at + ".share", "a share above 0 and at most 1 is "
                    + "required for SHARE_OF_DIFFERENCE");
            case RETURN_CONDITION -> v.require(minimumImprovement != null && minimumImprovement.signum() > 0,
                    at + ".minimumImprovement", "an improvement above zero is required for RETURN_CONDITION");
            case SHARE_OF_SAVINGS -> {
            }
        }
        v.require(kind == Kind.PRICE_PER_UNIT || pricePerUnit == null, at + ".pricePerUnit",
                "only a PRICE_PER_UNIT rule has a price");
        v.require(kind == Kind.SHARE_OF_DIFFERENCE || share == null, at + ".share",
                "only a SHARE_OF_DIFFERENCE rule has its own share (savings are shared by the finance's terms)");
        v.require(kind == Kind.RETURN_CONDITION || minimumImprovement == null, at + ".minimumImprovement",
                "only a RETURN_CONDITION has a minimum improvement");
    }
}
