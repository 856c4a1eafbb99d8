package se.socialfund.domain.application;

import se.socialfund.domain.shared.Money;

/**
 * Investeringen: what a grant starts. It exists only from the board's decision to grant, so its amount is always
 * known; its project exists from the start the office reports; it ends with the implementation decision, when what
 * was not spent goes back to the fund.
 *
 * @param grant    the board's decision to grant, with the amount the fund committed
 * @param project  the project, from its start; null before it
 * @param released unused money already returned to the fund (on a termination, and on closing)
 * @param closing  the committee's implementation decision that closed the investment, if taken
 */
public record Investment(BoardDecision grant, Project project, Money released, ImplementationDecision closing) {
    public Investment {
        if (grant == null || !grant.granted()) {
            throw new IllegalArgumentException("an investment starts from a decision to grant");
        }
        released = released == null ? Money.ZERO : released;
    }

    static Investment granted(BoardDecision grant) {
        return new Investment(grant, null, Money.ZERO, null);
    }

    Investment started(Project p) {
        return new Investment(grant, p, released, closing);
    }

    /** The project's change, kept with the investment. */
    Investment with(Project p) {
        return started(p);
    }

    /** Records what went back to the fund and, when it closes, the decision that closed it. */
    Investment released(Money amount, ImplementationDecision decision) {
        return new Investment(grant, project, released.plus(amount), decision == null ? closing : decision);
    }

    public Money grantedAmount() {
        return grant.grantedAmount();
    }

    public Money spent() {
        return project == null ? Money.ZERO : project.spent();
    }

    /** Granted money neither spent nor already returned: what goes back to the fund when the investment ends. */
    public Money unspent() {
        return grantedAmount().minusOrZero(spent()).minusOrZero(released);
    }
}
