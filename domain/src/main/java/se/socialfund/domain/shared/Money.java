package se.socialfund.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of Swedish kronor, to the öre. Never a binary float: amounts are parsed from decimal text, and
 * arithmetic stays exact. Amounts are never negative; a direction (commitment, repayment, ...) lives elsewhere.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {
    public static final Money ZERO = new Money(BigDecimal.ZERO);
    /** Up to 13 integer digits (below ten thousand billion kronor) and at most two decimals. */
    private static final Pattern FORMAT = Pattern.compile("(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?");

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("money is never negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("money has at most two decimals");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Parses "11600000.00", "0.10" or "250"; refuses signs, exponents, separators and more than two decimals. */
    public static Money parse(String text, String field) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new RuleViolation(field, "an amount in SEK as a decimal string with at most two decimals, "
                    + "not negative, e.g. \"11600000.00\"");
        }
        return new Money(new BigDecimal(text));
    }

    /** Like {@link #parse} but also refuses zero: what is granted, committed or repaid is always something. */
    public static Money parsePositive(String text, String field) {
        Money money = parse(text, field);
        if (money.isZero()) {
            throw new RuleViolation(field, "must be more than zero");
        }
        return money;
    }

    public static Money of(String text) {
        return new Money(new BigDecimal(text));
    }

    public static Money ofOre(long ore) {
        return new Money(BigDecimal.valueOf(ore, 2));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    /** Subtraction that cannot go below zero; callers check {@link #isLessThan} first where that matters. */
    public Money minus(Money other) {
        if (amount.compareTo(other.amount) < 0) {
            throw new IllegalStateException("money would become negative: " + format() + " - " + other.format());
        }
        return new Money(amount.subtract(other.amount));
    }

    /** The difference, or zero when {@code other} is larger. */
    public Money minusOrZero(Money other) {
        return isLessThan(other) ? ZERO : minus(other);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public long ore() {
        return amount.movePointRight(2).longValueExact();
    }

    /** Plain decimal text with exactly two decimals, as the API and the ledger show it. */
    public String format() {
        return amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return format() + " SEK";
    }
}
