package se.socialfund.application.port.out.aim;

import java.util.List;
import java.util.Optional;

import se.socialfund.domain.aim.AimLink;
import se.socialfund.domain.aim.AimValue;
import se.socialfund.domain.aim.ContextIndicator;

/** The long-term aim's context indicators, their yearly values and the investments' indicators linked to them. */
public interface LongTermAims {
    /** By code. */
    List<ContextIndicator> indicators();

    Optional<ContextIndicator> indicator(String code);

    /** Inserts or replaces the indicator with this code. */
    void define(ContextIndicator indicator);

    /** The values of these years, of every indicator. */
    List<AimValue> values(int fromYear, int toYear);

    /** Inserts or replaces the indicator's value for the year. */
    void enter(AimValue value);

    List<AimLink> links();

    /** Inserts or replaces the link of the application's indicator. */
    void link(AimLink link);
}
