package se.socialfund.domain.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.application.RepaymentPlan;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.FundExhausted;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.Violations;

/**
 * The social investment fund: reserved equity (markering i eget kapital) that grants commit. Its one rule: it never
 * commits more than it has available. Each movement becomes a ledger entry; the balance is their sum.
 */
public final class Fund {
    private FundBalance balance;
    private final List<LedgerEntry> newEntries = new ArrayList<>();

    private Fund(FundBalance balance) {
        this.balance = balance;
    }

    public static Fund restore(FundBalance balance) {
        return new Fund(balance);
    }

    /**
     * Marks new capital at a year-end closing; the movement is dated the last day of that year.
     *
     * @param today the municipality's date of the marking: a closing is of a year that has ended
     */
    public LedgerEntry markCapital(Money amount, Integer closingYear, String reference, Actor by, Instant at,
                                   LocalDate today) {
        Violations v = new Violations();
        v.require(amount != null && !amount.isZero(), "amount", "must be more than zero");
        // a year's closing (bokslut) is made after the year has ended
        v.require(closingYear != null && closingYear >= Limits.YEAR_MIN && closingYear < today.getYear(),
                "closingYear", "the year of a year-end closing (bokslut) that has happened: an earlier year");
        v.requireText(reference, "reference", Limits.NAME);
        v.throwIfAny("the capital marking is invalid");
        return append(new LedgerEntry(LedgerEntryKind.CAPITAL_MARKING, LocalDate.of(closingYear, 12, 31), amount,
                reference, null, null, null, null, null, at, by.name()));
    }

    /** Commits a grant, or refuses with how much is available. */
    public LedgerEntry commit(Money amount, UUID applicationId, String registrationNumber, String reference,
                              LocalDate decidedOn, Actor by, Instant at) {
        if (amount.isGreaterThan(balance.available())) {
            throw new FundExhausted(amount, balance.available());
        }
        return append(new LedgerEntry(LedgerEntryKind.COMMITMENT, decidedOn, amount, reference, applicationId,
                registrationNumber, null, null, null, at, by.name()));
    }

    /** Returns money an investment did not use (nothing is recorded for zero). */
    public List<LedgerEntry> release(Money amount, UUID applicationId, String registrationNumber, String reference,
                                     LocalDate on, Actor by, Instant at) {
        if (amount.isZero()) {
            return List.of();
        }
        return List.of(append(new LedgerEntry(LedgerEntryKind.RELEASE, on, amount, reference, applicationId,
                registrationNumber, null, null, "unused money returned to the fund", at, by.name())));
    }

    /**
     * Records a repayment (the committee's budget frame was reduced and the money flows back: the balance grows) or
     * a write-off (what will not come back: no balance changes) of one installment of the investment's plan. It
     * cannot exceed what is still outstanding for that committee and year.
     *
     * @param settled what has already been repaid or written off for that installment
     */
    public LedgerEntry settle(Settlement s, RepaymentPlan plan, Money settled, String registrationNumber, Actor by,
                              Instant at) {
        s.validate();
        Money outstanding = outstanding(plan, s.committee(), s.year(), settled);
        if (s.amount().isGreaterThan(outstanding)) {
            throw new RuleViolation("amount", "only " + outstanding.format() + " SEK of " + s.committee() + "'s "
                    + s.year() + " installment is outstanding");
        }
        return append(new LedgerEntry(s.kind(), s.on(), s.amount(), s.reference(), s.applicationId(),
                registrationNumber, s.committee(), s.year(), s.reason(), at, by.name()));
    }

    private static Money outstanding(RepaymentPlan plan, String committee, int year, Money settled) {
        if (plan == null) {
            throw new RuleViolation("applicationId", "this investment has no repayment plan");
        }
        Money planned = plan.installments().stream()
                .filter(i -> i.committee().equals(committee) && i.year() == year)
                .map(RepaymentPlan.Installment::amount).findFirst()
                .orElseThrow(() -> new RuleViolation("committee", "the repayment plan has no installment for "
                        + committee + " in " + year));
        return planned.minusOrZero(settled);
    }

    private LedgerEntry append(LedgerEntry entry) {
        balance = balance.apply(entry.kind(), entry.amount());
        newEntries.add(entry);
        return entry;
    }

    public FundBalance balance() {
        return balance;
    }

    public List<LedgerEntry> newEntries() {
        return List.copyOf(newEntries);
    }
}
