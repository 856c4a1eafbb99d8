package se.socialfund.application.port.in.outcomes;

import java.util.List;
import java.util.UUID;

import se.socialfund.domain.outcomes.ContractState;
import se.socialfund.domain.outcomes.OutcomesContractSnapshot;
import se.socialfund.domain.outcomes.Settlement;

/** Reading outcomes contracts: the list, one contract, its settlement and its INDIGO export. */
public interface OutcomesContractQueries {
    /** One page of the contracts the caller may see, oldest first; {@code after} is the last position seen. */
    ContractPage list(ContractState state, int limit, Long after);

    OutcomesContractView get(UUID id);

    Settlement settlement(UUID id);

    /** The contract for its INDIGO project document (the REST adapter writes the document). */
    OutcomesContractSnapshot forIndigo(UUID id);

    record ContractPage(List<OutcomesContractView> items, Long after) {
    }
}
