package se.socialfund.domain.document;

/** What a document is in the case: the kinds the fund's public page lists per investment, and OTHER. */
public enum DocumentType {
    APPLICATION, ASSIGNMENT_SPECIFICATION, PROJECT_PLAN, COST_REPORT, FOLLOW_UP, EVALUATION, FINAL_REPORT,
    DECISION_MEMO, OUTCOMES_CONTRACT, OTHER
}
