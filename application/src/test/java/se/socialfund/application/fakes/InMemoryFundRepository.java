package se.socialfund.application.fakes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.in.LedgerFilter;
import se.socialfund.application.port.in.LedgerLine;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.fund.LedgerEntry;
import se.socialfund.domain.fund.LedgerEntryKind;
import se.socialfund.domain.shared.Money;

/** The fund as a ledger in a list; the balance is kept alongside as the database keeps it. */
public final class InMemoryFundRepository implements FundRepository {
    private final List<LedgerLine> ledger = new ArrayList<>();
    private FundBalance balance = FundBalance.EMPTY;
    private int locks;

    /** Capital marked at an earlier closing, as if by the fund officer. */
    public InMemoryFundRepository withCapital(String amount) {
        LedgerEntry marking = new LedgerEntry(LedgerEntryKind.CAPITAL_MARKING, LocalDate.of(2025, 12, 31),
                Money.of(amount), "KF 2026-02-01 § 1", null, null, null, null, null, Instant.EPOCH, "seed");
        append(marking);
        return this;
    }

    @Override
    public Fund lockForUpdate() {
        locks++;
        return Fund.restore(balance);
    }

    @Override
    public List<LedgerLine> save(Fund fund) {
        List<LedgerLine> stored = fund.newEntries().stream().map(this::append).toList();
        if (!balance.equals(fund.balance())) {
            throw new IllegalStateException("the fund's balance " + fund.balance() + " does not follow from its "
                    + "ledger: " + balance);
        }
        return stored;
    }

    private LedgerLine append(LedgerEntry entry) {
        LedgerLine stored = new LedgerLine(ledger.size() + 1L, entry);
        ledger.add(stored);
        balance = balance.apply(entry.kind(), entry.amount());
        return stored;
    }

    private static FundBalance replay(List<LedgerEntry> entries) {
        FundBalance b = FundBalance.EMPTY;
        for (LedgerEntry e : entries) {
            b = b.apply(e.kind(), e.amount());
        }
        return b;
    }

    @Override
    public FundBalance balance() {
        return balance;
    }

    @Override
    public FundBalance balanceAsOf(LocalDate day) {
        return replay(ledger.stream().map(LedgerLine::entry).filter(e -> !e.entryDate().isAfter(day)).toList());
    }

    @Override
    public Page<LedgerLine> ledger(LedgerFilter filter, int limit, Long after) {
        List<LedgerLine> rows = ledger.stream()
                .filter(s -> after == null || s.position() > after)
                .filter(s -> filter.kind() == null || s.entry().kind() == filter.kind())
                .filter(s -> filter.applicationId() == null || filter.applicationId().equals(s.entry().applicationId()))
                .filter(s -> filter.from() == null || !s.entry().entryDate().isBefore(filter.from()))
                .filter(s -> filter.to() == null || !s.entry().entryDate().isAfter(filter.to()))
                .limit(limit + 1L).toList();
        return Page.of(rows, limit, LedgerLine::position);
    }

    @Override
    public Money settled(UUID applicationId, String committee, int year) {
        return ledger.stream().map(LedgerLine::entry)
                .filter(e -> e.kind() == LedgerEntryKind.REPAYMENT || e.kind() == LedgerEntryKind.WRITE_OFF)
                .filter(e -> applicationId.equals(e.applicationId()) && committee.equals(e.committee())
                        && Integer.valueOf(year).equals(e.year()))
                .map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
    }

    @Override
    public List<LedgerLine> entriesFor(UUID applicationId) {
        return ledger.stream().filter(s -> applicationId.equals(s.entry().applicationId())).toList();
    }

    @Override
    public Map<UUID, Money> releasedAsOf(LocalDate day) {
        Map<UUID, Money> released = new LinkedHashMap<>();
        ledger.stream().map(LedgerLine::entry)
                .filter(e -> e.kind() == LedgerEntryKind.RELEASE && e.applicationId() != null)
                .filter(e -> !e.entryDate().isAfter(day))
                .forEach(e -> released.merge(e.applicationId(), e.amount(), Money::plus));
        return released;
    }

    /** Every entry, oldest first, for assertions. */
    public List<LedgerEntry> entries() {
        return ledger.stream().map(LedgerLine::entry).toList();
    }

    public int locks() {
        return locks;
    }
}
