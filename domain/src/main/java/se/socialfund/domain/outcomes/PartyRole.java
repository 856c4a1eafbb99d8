package se.socialfund.domain.outcomes;

/** What an organisation is in an outcomes contract (INDIGO's roles of the organisations of a project). */
public enum PartyRole {
    /** Pays for the outcomes: the municipality. */
    OUTCOME_PAYER,
    /** Finances the intervention up front and is repaid from the outcome payments. */
    INVESTOR,
    /** Delivers the intervention. */
    PROVIDER,
    /** Validates the measurements; must be independent of the provider. */
    EVALUATOR,
    /** Designs, arranges or manages the contract. */
    INTERMEDIARY
}
