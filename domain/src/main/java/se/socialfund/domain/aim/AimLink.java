package se.socialfund.domain.aim;

import java.util.Collection;
import java.util.UUID;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * An investment's indicator linked to the long-term aim: the application's indicator (its code within the
 * application) measures something that the context indicator follows for the whole municipality. An indicator of an
 * application is linked to at most one context indicator; linking it again moves the link (idempotent by nature).
 */
public record AimLink(UUID applicationId, String indicatorCode, String contextIndicator) {
    public static AimLink link(UUID applicationId, String indicatorCode, Collection<String> applicationsIndicators,
                               String contextIndicator, boolean contextIndicatorExists) {
        Violations v = new Violations();
        v.requireMatch(indicatorCode, Limits.CODE, "indicatorCode", Limits.CODE_MESSAGE);
        v.require(indicatorCode == null || applicationsIndicators.contains(indicatorCode), "indicatorCode",
                "one of the application's indicators: " + String.join(", ", applicationsIndicators));
        v.requireMatch(contextIndicator, Limits.CODE, "contextIndicator", Limits.CODE_MESSAGE);
        v.require(contextIndicator == null || contextIndicatorExists, "contextIndicator",
                "a context indicator of the long-term aim that has been defined");
        v.throwIfAny("the link to the long-term aim is invalid");
        return new AimLink(applicationId, indicatorCode, contextIndicator);
    }
}
