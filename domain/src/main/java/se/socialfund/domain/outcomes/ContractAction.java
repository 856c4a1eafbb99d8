package se.socialfund.domain.outcomes;

import java.util.EnumSet;
import java.util.Set;

import se.socialfund.domain.shared.Role;

import static se.socialfund.domain.outcomes.ContractState.*;
import static se.socialfund.domain.shared.Role.EVALUATOR;
import static se.socialfund.domain.shared.Role.FUND_OFFICER;

/**
 * The steps on an outcomes contract: who may take each and in which states. The data behind
 * {@code allowedActions} and the refusals.
 */
public enum ContractAction {
    SIGN("signature", EnumSet.of(FUND_OFFICER), EnumSet.of(DRAFTED)),
    AMEND("amendments", EnumSet.of(FUND_OFFICER), EnumSet.of(SIGNED, IN_DELIVERY)),
    /** Measurements come from the municipality's registers (fund officer) or the evaluator's own collection. */
    RECORD_MEASUREMENTS("measurements", EnumSet.of(FUND_OFFICER, EVALUATOR), EnumSet.of(SIGNED, IN_DELIVERY)),
    VALIDATE("validation", EnumSet.of(EVALUATOR), EnumSet.of(IN_DELIVERY)),
    APPROVE_PAYMENT("payment-approval", EnumSet.of(FUND_OFFICER), EnumSet.of(IN_DELIVERY)),
    ENTER_FINAL_SETTLEMENT("final-settlement", EnumSet.of(FUND_OFFICER), EnumSet.of(IN_DELIVERY)),
    CLOSE("closure", EnumSet.of(FUND_OFFICER), EnumSet.of(FINAL_SETTLEMENT));

    private final String resource;
    private final Set<Role> roles;
    private final Set<ContractState> from;

    ContractAction(String resource, Set<Role> roles, Set<ContractState> from) {
        this.resource = resource;
        this.roles = roles;
        this.from = from;
    }

    /** The sub-resource that takes this step. */
    public String resource() {
        return resource;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean allowedIn(ContractState state) {
        return from.contains(state);
    }
}
