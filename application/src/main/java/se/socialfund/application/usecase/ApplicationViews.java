package se.socialfund.application.usecase;

import java.util.ArrayList;
import java.util.List;

import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.followup.IndicatorAttainment;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;

/**
 * Builds what a caller sees of an application, including what the service computes from the follow-up. Small
 * groups (n below five) are shown only to the application's own offices and the fund officers.
 */
final class ApplicationViews {
    private ApplicationViews() {
    }

    static boolean seesSmallGroups(ApplicationSnapshot application, Actor actor) {
        return actor.has(Role.FUND_OFFICER) || application.offices().stream().anyMatch(actor::belongsTo);
    }

    static ApplicationView view(Application app, Actor actor) {
        return view(app.snapshot(), app.allowedActions(actor), seesSmallGroups(app.snapshot(), actor));
    }

    static ApplicationView view(ApplicationSnapshot s, List<Action> allowedActions, boolean seesSmallGroups) {
        List<Measurement> followUp = s.followUp() == null ? List.of()
                : publishable(s.followUp().measurements(), seesSmallGroups);
        List<Measurement> evaluation = s.evaluation() == null ? List.of()
                : publishable(s.evaluation().measurements(), seesSmallGroups);
        return new ApplicationView(s, allowedActions, followUp, evaluation,
                attainment(s, followUp, evaluation), economics(s), !seesSmallGroups);
    }

    static List<Measurement> publishable(List<Measurement> measurements, boolean seesSmallGroups) {
        return seesSmallGroups ? measurements : measurements.stream().filter(m -> !m.isSmallGroup()).toList();
    }

    /** Attainment per indicator from all measurements the reader may see (the newest of each group counts). */
    static List<IndicatorAttainment> attainment(ApplicationSnapshot app, List<Measurement> followUp,
                                                List<Measurement> evaluation) {
        if (followUp.isEmpty() && evaluation.isEmpty()) {
            return List.of();
        }
        List<Measurement> all = new ArrayList<>(followUp);
        all.addAll(evaluation);
        return app.content().indicators().stream().map(i -> IndicatorAttainment.compute(i, all)).toList();
    }

    /** The economic evaluation computed against what the investment cost: spent, or granted if nothing reported. */
    static EconomicEvaluation.Result economics(ApplicationSnapshot app) {
        if (app.evaluation() == null || app.evaluation().economics() == null) {
            return null;
        }
        Money cost = app.costReports().isEmpty() ? app.grantedAmount() : app.spentAmount();
        return app.evaluation().economics().compute(cost);
    }
}
