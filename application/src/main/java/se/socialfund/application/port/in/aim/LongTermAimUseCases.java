package se.socialfund.application.port.in.aim;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.aim.AimLink;
import se.socialfund.domain.aim.AimValue;
import se.socialfund.domain.aim.ContextIndicator;

/**
 * The fund's long-term aim (långsiktigt mål: less long-term unemployment) in the yearly account: fund officers define
 * the municipality's context indicators, enter their values per year and link investments' indicators to them;
 * those who read the annual report read them. Every write is idempotent by nature (the same request twice leaves the
 * same state), so no If-Match is asked for.
 */
public interface LongTermAimUseCases {
    ContextIndicator define(String code, ContextIndicator.Draft draft);

    AimValue enter(String code, Integer year, BigDecimal value);

    AimLink link(UUID applicationId, String indicatorCode, String contextIndicator);

    /** Every indicator with its values (oldest first) and the links to it. */
    List<Aim> list();

    record Aim(ContextIndicator indicator, List<AimValue> values, List<AimLink> links) {
    }
}
