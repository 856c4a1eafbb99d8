package se.socialfund.application.port.in;

import java.util.List;

import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.followup.IndicatorAttainment;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.idea.ApplicationOrigin;

/**
 * An application as one caller may see it: its state as immutable data (never the live aggregate), the steps this
 * caller may take now, and what the service computes from its follow-up. Readers outside the application's offices
 * and the fund officers get the measurements of groups smaller than five removed, and attainment computed without
 * them.
 *
 * @param followUpMeasurements   the mid-term follow-up's measurements this caller may see
 * @param evaluationMeasurements the final evaluation's measurements this caller may see
 * @param economics              the computed economic evaluation, when the evaluation has one
 * @param origin                 the idea the application was made from (idéprövning), when it was; shown where the
 *                               read asks for it (the application read by id), otherwise null
 */
public record ApplicationView(ApplicationSnapshot application, List<Action> allowedActions,
                              List<Measurement> followUpMeasurements, List<Measurement> evaluationMeasurements,
                              List<IndicatorAttainment> attainment, EconomicEvaluation.Result economics,
                              boolean smallGroupsSuppressed, ApplicationOrigin origin) {
    public ApplicationView(ApplicationSnapshot application, List<Action> allowedActions,
                           List<Measurement> followUpMeasurements, List<Measurement> evaluationMeasurements,
                           List<IndicatorAttainment> attainment, EconomicEvaluation.Result economics,
                           boolean smallGroupsSuppressed) {
        this(application, allowedActions, followUpMeasurements, evaluationMeasurements, attainment, economics,
                smallGroupsSuppressed, null);
    }

    /** The same view, showing the application's origin. */
    public ApplicationView withOrigin(ApplicationOrigin origin) {
        return new ApplicationView(application, allowedActions, followUpMeasurements, evaluationMeasurements,
                attainment, economics, smallGroupsSuppressed, origin);
    }

    public ApplicationView {
        allowedActions = List.copyOf(allowedActions);
        followUpMeasurements = List.copyOf(followUpMeasurements);
        evaluationMeasurements = List.copyOf(evaluationMeasurements);
        attainment = List.copyOf(attainment);
    }
}
