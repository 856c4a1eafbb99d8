package se.socialfund.domain.outcomes;

/** What a measured value is: the group's total (placement days) or its mean per participant (cost per child). */
public enum Aggregate {
    /** The outcome of a period is the difference of the totals. */
    TOTAL,
    /** The outcome of a period is the difference of the means times the cohort's n. */
    MEAN_PER_PARTICIPANT
}
