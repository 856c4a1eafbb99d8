package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One aggregate measurement of an indicator for a group at a date: how many were measured (n) and the group's
 * value (a share, a mean, a count). Never an individual's value.
 */
public record Measurement(String indicator, Group group, LocalDate measuredOn, int n, BigDecimal value) {
    /** The intervention's target group, or the comparison group (kontrollgrupp). */
    public enum Group { TARGET, CONTROL }

    /** Groups smaller than this are never shown to anyone outside the owning office and the fund officers. */
    public static final int MIN_PUBLISHED_GROUP = 5;

    public boolean isSmallGroup() {
        return n < MIN_PUBLISHED_GROUP;
    }
}
