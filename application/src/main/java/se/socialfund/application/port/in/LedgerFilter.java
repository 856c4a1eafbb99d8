package se.socialfund.application.port.in;

import java.time.LocalDate;
import java.util.UUID;

import se.socialfund.domain.fund.LedgerEntryKind;

/** Which ledger entries to list; null means no filter. */
public record LedgerFilter(LedgerEntryKind kind, UUID applicationId, LocalDate from, LocalDate to) {
}
