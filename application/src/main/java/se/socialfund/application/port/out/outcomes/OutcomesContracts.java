package se.socialfund.application.port.out.outcomes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.outcomes.ContractState;
import se.socialfund.domain.outcomes.OutcomesContract;
import se.socialfund.domain.outcomes.OutcomesContractSnapshot;

/** Where outcomes contracts are kept, with their payments as an append-only ledger. */
public interface OutcomesContracts {
    void add(OutcomesContract contract);

    Optional<OutcomesContract> find(UUID id);

    /**
     * Loads the contract and locks its row until the transaction ends, so that two approvals never compute
     * payments from the same paid-before: the guard (with the row's check constraints) that keeps every cap.
     */
    Optional<OutcomesContract> lockForUpdate(UUID id);

    /**
     * Stores a changed contract, if it is still at {@code expectedVersion}, and appends the payments it approved
     * since; the row's running totals must stay within the caps or the database refuses.
     */
    void update(OutcomesContract contract, long expectedVersion);

    /** A contract with its position in the list (for keyset paging). */
    record Listed(long position, OutcomesContractSnapshot contract) {
    }

    /** Contracts in the order they were created; {@code providerOffice} null for all offices. */
    List<Listed> list(String providerOffice, ContractState state, int limit, Long after);
}
