package se.socialfund.domain.fund;

/** The kinds of movement in the fund's ledger, and what each does to its balances. */
public enum LedgerEntryKind {
    /** Markering i eget kapital at a year-end closing (bokslut): capital grows. */
    CAPITAL_MARKING,
    /** The board granted money to an investment: committed grows. */
    COMMITMENT,
    /** Money an investment did not use went back when it closed or was terminated: returned grows. */
    RELEASE,
    /** A committee's budget frame was reduced under the repayment model (återföring): returned grows. */
    REPAYMENT,
    /** A planned repayment that will not come back, written off with a reason: no balance changes. */
    WRITE_OFF
}
