package se.socialfund.domain.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An outcomes contract as data: what a read model shows and what the store keeps. {@code terms} are the current
 * terms (after the amendments); the amendments keep what changed.
 */
public record OutcomesContractSnapshot(UUID id, long version, ContractState state, ContractTerms terms,
                                       Signature signature, List<PeriodRecord> periods, List<Amendment> amendments,
                                       Instant createdAt, String createdBy, Instant updatedAt) {
    /** The signing: the date the last party signed and the decision behind it. */
    public record Signature(LocalDate signedOn, String decisionReference, Instant recordedAt, String recordedBy) {
    }

    public OutcomesContractSnapshot {
        periods = List.copyOf(periods);
        amendments = List.copyOf(amendments);
    }

    /** Every approved payment, in period order. */
    public List<Payment> payments() {
        return periods.stream().filter(p -> p.approval() != null).flatMap(p -> p.approval().payments().stream())
                .toList();
    }
}
