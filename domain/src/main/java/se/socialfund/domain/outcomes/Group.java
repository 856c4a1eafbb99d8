package se.socialfund.domain.outcomes;

/**
 * A group of participants, described, never listed: the cohort or its comparison group.
 *
 * @param size the number of participants; at least {@link #SMALLEST}, so that no aggregate is about a few people
 */
public record Group(String description, int size) {
    /** The smallest group an aggregate may describe (as for the fund's target and control groups). */
    public static final int SMALLEST = 5;
}
