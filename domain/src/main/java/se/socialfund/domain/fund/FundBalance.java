package se.socialfund.domain.fund;

import se.socialfund.domain.shared.Money;

/** The fund's position: available = capital + returned - committed. */
public record FundBalance(Money capital, Money committed, Money returned) {
    public static final FundBalance EMPTY = new FundBalance(Money.ZERO, Money.ZERO, Money.ZERO);

    public Money available() {
        return capital.plus(returned).minus(committed);
    }

    public FundBalance apply(LedgerEntryKind kind, Money amount) {
        return switch (kind) {
            case CAPITAL_MARKING -> new FundBalance(capital.plus(amount), committed, returned);
            case COMMITMENT -> new FundBalance(capital, committed.plus(amount), returned);
            case RELEASE, REPAYMENT -> new FundBalance(capital, committed, returned.plus(amount));
            case WRITE_OFF -> this;
        };
    }
}
