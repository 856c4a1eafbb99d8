package se.socialfund.domain.fund;

import java.time.LocalDate;
import java.util.UUID;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Violations;

/**
 * A repayment or a write-off of one installment of an investment's repayment plan (återföringsmodellen), as the
 * fund officer states it: the installment (committee and year), the amount, the day and a reference; a write-off
 * also its reason.
 *
 * @param kind REPAYMENT (the committee's frame was reduced and the money came back) or WRITE_OFF (it will not)
 * @param on   the day it was paid or written off
 */
public record Settlement(LedgerEntryKind kind, UUID applicationId, String committee, Integer year, Money amount,
                         LocalDate on, String reference, String reason) {

    public Settlement {
        if (kind != LedgerEntryKind.REPAYMENT && kind != LedgerEntryKind.WRITE_OFF) {
            throw new IllegalArgumentException("a settlement is a repayment or a write-off, not " + kind);
        }
    }

    public static Settlement repayment(UUID applicationId, String committee, Integer year, Money amount,
                                       LocalDate paidOn, String reference) {
        return new Settlement(LedgerEntryKind.REPAYMENT, applicationId, committee, year, amount, paidOn, reference,
                null);
    }

    public static Settlement writeOff(UUID applicationId, String committee, Integer year, Money amount,
                                      LocalDate writtenOffOn, String reason, String reference) {
        return new Settlement(LedgerEntryKind.WRITE_OFF, applicationId, committee, year, amount, writtenOffOn,
                reference, reason);
    }

    /** Everything it names, checked before the investment is looked up. */
    public void validate() {
        boolean writeOff = kind == LedgerEntryKind.WRITE_OFF;
        Violations v = new Violations();
        v.requirePresent(applicationId, "applicationId");
        v.requireText(committee, "committee", Limits.NAME);
        v.requireYear(year, "year");
        v.require(amount != null && !amount.isZero(), "amount", "must be more than zero");
        v.requirePresent(on, writeOff ? "writtenOffOn" : "paidOn");
        v.requireText(reference, "reference", Limits.NAME);
        if (writeOff) {
            v.requireText(reason, "reason", Limits.SHORT_TEXT);
        }
        v.throwIfAny(writeOff ? "the write-off is incomplete" : "the repayment is incomplete");
    }
}
