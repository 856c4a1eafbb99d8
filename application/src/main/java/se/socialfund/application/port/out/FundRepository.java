package se.socialfund.application.port.out;

import se.socialfund.application.port.in.LedgerFilter;
import se.socialfund.application.port.in.LedgerLine;
import se.socialfund.application.port.in.Page;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.fund.LedgerEntry;
import se.socialfund.domain.fund.LedgerEntryKind;
import se.socialfund.domain.shared.Money;

/** The fund's balance and its ledger. */
public interface FundRepository {
    /**
     * Loads the fund and locks it until the transaction ends, so that no two transactions can commit the same
     * money: the guard against over-allocation under concurrency.
     */
    Fund lockForUpdate();

    /** Appends the fund's new ledger entries and stores its balance; answers the entries as stored. */
    List<LedgerLine> save(Fund fund);

    FundBalance balance();

    /** The balance from the ledger entries dated on or before the day. */
    FundBalance balanceAsOf(LocalDate day);

    Page<LedgerLine> ledger(LedgerFilter filter, int limit, Long after);

    /** What has been repaid or written off of one installment of an investment's repayment plan. */
    Money settled(UUID applicationId, String committee, int year);

    /** Repaid and written-off sums per application (for reports). */
    List<LedgerLine> entriesFor(UUID applicationId);

    /**
     * Unused money released back to the fund, per investment, from the releases dated on or before the day (for the
     * annual report, which shows each investment's money as of the year's end). Investments without any are absent.
     */
    Map<UUID, Money> releasedAsOf(LocalDate day);
}
