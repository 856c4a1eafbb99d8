package se.socialfund.domain.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.socialfund.domain.shared.Money;

/**
 * One movement of the fund, never changed once written.
 *
 * @param entryDate          the date the movement takes effect (a decision's or a closing's date)
 * @param reference          the decision it rests on (minutes paragraph, committee decision, closing)
 * @param applicationId      the investment it concerns, if any
 * @param registrationNumber that investment's registration number, if any
 * @param committee          for repayments and write-offs: the committee whose budget frame is concerned
 * @param year               for repayments and write-offs: the plan year concerned
 */
public record LedgerEntry(LedgerEntryKind kind, LocalDate entryDate, Money amount, String reference,
                          UUID applicationId, String registrationNumber, String committee, Integer year, String note,
                          Instant recordedAt, String recordedBy) {
}
