package se.socialfund.domain.application;

/** What happened to an application, in the past tense; one per business step. */
public enum EventType {
    RECEIVED,
    CRITERIA_ASSESSED,
    COMPLETION_REQUESTED,
    REVISION_SUBMITTED,
    MUNICIPAL_PERSPECTIVE_ADDED,
    REVIEW_ADDED,
    BOARD_DECISION_RECORDED,
    PROJECT_STARTED,
    COSTS_REPORTED,
    FOLLOW_UP_SUBMITTED,
    EVALUATION_SUBMITTED,
    IMPLEMENTATION_DECISION_RECORDED,
    WITHDRAWN,
    TERMINATED,
    REPAYMENT_PLAN_SET
}
