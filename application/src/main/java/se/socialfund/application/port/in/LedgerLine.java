package se.socialfund.application.port.in;

import se.socialfund.domain.fund.LedgerEntry;

/** A ledger entry as stored, with its position in the fund's ledger (the paging key). */
public record LedgerLine(long position, LedgerEntry entry) {
}
