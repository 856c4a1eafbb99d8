package se.socialfund.application.port.in.outcomes;

import java.util.List;

import se.socialfund.domain.outcomes.OutcomesContractSnapshot;

/** A contract as its reader sees it, with the steps this reader may take now. */
public record OutcomesContractView(OutcomesContractSnapshot contract, List<String> allowedActions) {
}
