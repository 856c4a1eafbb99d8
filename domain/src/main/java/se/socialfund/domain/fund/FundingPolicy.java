package se.socialfund.domain.fund;

import java.util.Optional;
import java.util.function.Supplier;

import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.application.Termination;
import se.socialfund.domain.shared.Money;

/**
 * The rule between an investment and the fund, in one place: a grant commits its amount in the same act as the
 * decision, and never more than the fund has available; an investment that ends (terminated or closed) gives back
 * what it did not spend. The caller runs each method in one transaction with the fund locked (the supplier is asked
 * only when money moves) and stores the fund it answers.
 */
public final class FundingPolicy {
    private FundingPolicy() {
    }

    /**
     * Kommunstyrelsens beslut: a grant is booked on the day it is recorded (the meeting is cited), so the fund's
     * position as of any date never shows more committed than it held.
     */
    public static Optional<Fund> decide(Application app, BoardDecision.Draft draft, Step step, Supplier<Fund> fund) {
        BoardDecision decision = app.recordBoardDecision(draft, step);
        if (!decision.granted()) {
            return Optional.empty();
        }
        Fund locked = fund.get();
        locked.commit(decision.grantedAmount(), app.id(), app.registrationNumber().toString(), decision.citation(),
                step.today(), step.by(), step.at());
        return Optional.of(locked);
    }

    /** The fund officer ends the project early: the money not spent goes back now. */
    public static Optional<Fund> terminate(Application app, Termination.Draft draft, Step step, Supplier<Fund> fund) {
        return release(app, app.terminate(draft, step), "termination " + draft.endedOn(), step, fund);
    }

    /** The implementation decision closes the investment: the money not spent goes back. */
    public static Optional<Fund> close(Application app, ImplementationDecision.Draft draft, Step step,
                                       Supplier<Fund> fund) {
        return release(app, app.recordImplementationDecision(draft, step), draft.reference(), step, fund);
    }

    private static Optional<Fund> release(Application app, Money unspent, String reference, Step step,
                                          Supplier<Fund> fund) {
        if (unspent.isZero()) {
            return Optional.empty();
        }
        Fund locked = fund.get();
        locked.release(unspent, app.id(), app.registrationNumber().toString(), reference, step.today(), step.by(),
                step.at());
        return Optional.of(locked);
    }
}
