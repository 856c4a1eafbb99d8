package se.socialfund.domain.period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * Ansökningsperiod: one of the two windows a year in which offices may submit. Both dates are inclusive, in the
 * municipality's time zone. Periods never overlap.
 */
public record ApplicationPeriod(UUID id, String name, LocalDate opensOn, LocalDate closesOn, Instant createdAt,
                                String createdBy) {
    /** The guideline: two application periods every year. */
    public static final int PER_YEAR = 2;

    public ApplicationPeriod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opensOn, "opensOn");
        Objects.requireNonNull(closesOn, "closesOn");
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    public boolean overlaps(ApplicationPeriod other) {
        return !opensOn.isAfter(other.closesOn) && !other.opensOn.isAfter(closesOn);
    }

    /** The year a period belongs to is the year it opens. */
    public int year() {
        return opensOn.getYear();
    }

    /**
     * Validates a new period against the rules and the periods that exist: the dates in order, within one year,
     * no overlap, and at most two a year.
     */
    public static ApplicationPeriod open(UUID id, String name, LocalDate opensOn, LocalDate closesOn,
                                         List<ApplicationPeriod> existing, Instant at, String by) {
        Violations v = new Violations();
        v.requireText(name, "name", Limits.NAME);
        v.requirePresent(opensOn, "opensOn");
        v.requirePresent(closesOn, "closesOn");
        v.require(opensOn == null || closesOn == null || !closesOn.isBefore(opensOn), "closesOn",
                "cannot be before the opening date");
        v.require(opensOn == null || closesOn == null || opensOn.getYear() == closesOn.getYear(), "closesOn",
                "a period lies within one calendar year");
        v.throwIfAny("the application period is invalid");
        ApplicationPeriod period = new ApplicationPeriod(id, name, opensOn, closesOn, at, by);
        for (ApplicationPeriod other : existing) {
            if (period.overlaps(other)) {
                throw new Conflict("period-overlap", "the period would overlap '" + other.name() + "' ("
                        + other.opensOn() + " to " + other.closesOn() + ")");
            }
        }
        long sameYear = existing.stream().filter(p -> p.year() == period.year()).count();
        if (sameYear >= PER_YEAR) {
            throw new Conflict("periods-per-year", period.year() + " already has its " + PER_YEAR
                    + " application periods");
        }
        return period;
    }
}
