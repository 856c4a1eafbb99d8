package se.socialfund.application.port.in;

import java.time.LocalDate;
import java.util.UUID;

import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.shared.Money;

/** The fund: its position, its ledger, capital markings and the repayment model. One use case each. */
public final class FundUseCases {
    private FundUseCases() {
    }

    /** The fund's position, today or as of a past date. */
    public interface ViewFund {
        record FundView(FundBalance balance, LocalDate asOf) {
        }

        FundView view(LocalDate asOf);

        Page<LedgerLine> ledger(LedgerFilter filter, int limit, Long after);
    }

    /** Markering i eget kapital at a year-end closing. */
    public interface MarkCapital {
        record Command(Money amount, Integer closingYear, String reference) {
        }

        LedgerLine markCapital(Command command);
    }

    /** A realised repayment under the repayment model: a committee's budget frame was reduced. */
    public interface RecordRepayment {
        record Command(UUID applicationId, String committee, Integer year, Money amount, LocalDate paidOn,
                       String reference) {
        }

        LedgerLine recordRepayment(Command command);
    }

    /** What will not come back of a planned repayment, written off with a reason. */
    public interface WriteOffRepayment {
        record Command(UUID applicationId, String committee, Integer year, Money amount, LocalDate writtenOffOn,
                       String reason, String reference) {
        }

        LedgerLine writeOff(Command command);
    }
}
