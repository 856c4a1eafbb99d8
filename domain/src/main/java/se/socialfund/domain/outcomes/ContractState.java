package se.socialfund.domain.outcomes;

/** Where an outcomes contract is in its life. */
public enum ContractState {
    /** Terms written, nothing binding yet. */
    DRAFTED,
    /** Signed by the parties; delivery has not been measured yet. */
    SIGNED,
    /** Periods are being measured, validated and paid. */
    IN_DELIVERY,
    /** Every period is paid; the settlement is final and nothing more is paid. */
    FINAL_SETTLEMENT,
    /** Done. */
    CLOSED
}
