package se.socialfund.adapters.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.in.LedgerFilter;
import se.socialfund.application.port.in.LedgerLine;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.fund.LedgerEntry;
import se.socialfund.domain.fund.LedgerEntryKind;
import se.socialfund.domain.shared.Money;

/**
 * The fund in PostgreSQL: one balance row, locked by every movement ({@code SELECT ... FOR UPDATE}), and the
 * append-only ledger. The balance row is the ledger's running sum, and a check constraint on it refuses
 * over-commitment even if the code above were wrong.
 */
@ApplicationScoped
public class FundStore implements FundRepository {
    @Inject
    EntityManager em;

    @Override
    public Fund lockForUpdate() {
        FundEntity e = em.find(FundEntity.class, FundEntity.THE_FUND, LockModeType.PESSIMISTIC_WRITE);
        return Fund.restore(balanceOf(e));
    }

    @Override
    public List<LedgerLine> save(Fund fund) {
        FundEntity e = em.find(FundEntity.class, FundEntity.THE_FUND);
        FundBalance b = fund.balance();
        e.capital = b.capital().amount();
        e.committed = b.committed().amount();
        e.returned = b.returned().amount();
        List<LedgerEntryEntity> rows = new ArrayList<>();
        for (LedgerEntry entry : fund.newEntries()) {
            LedgerEntryEntity row = new LedgerEntryEntity();
            row.kind = entry.kind().name();
            row.entryDate = entry.entryDate();
            row.amount = entry.amount().amount();
            row.reference = entry.reference();
            row.applicationId = entry.applicationId();
            row.registrationNumber = entry.registrationNumber();
            row.committee = entry.committee();
            row.planYear = entry.year();
            row.note = entry.note();
            row.recordedAt = entry.recordedAt();
            row.recordedBy = entry.recordedBy();
            em.persist(row);
            rows.add(row);
        }
        em.flush();
        return rows.stream().map(FundStore::stored).toList();
    }

    @Override
    public FundBalance balance() {
        return balanceOf(em.find(FundEntity.class, FundEntity.THE_FUND));
    }

    @Override
    public FundBalance balanceAsOf(LocalDate day) {
        FundBalance balance = FundBalance.EMPTY;
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery("SELECT kind, sum(amount) FROM fund_ledger_entry "
                + "WHERE entry_date <= :day GROUP BY kind").setParameter("day", day).getResultList();
        for (Object[] row : sums) {
            balance = balance.apply(LedgerEntryKind.valueOf((String) row[0]), new Money((BigDecimal) row[1]));
        }
        return balance;
    }

    @Override
    public Page<LedgerLine> ledger(LedgerFilter f, int limit, Long after) {
        StringBuilder jpql = new StringBuilder("from LedgerEntryEntity e");
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        if (f.kind() != null) {
            where.add("e.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.applicationId() != null) {
            where.add("e.applicationId = :application");
            params.put("application", f.applicationId());
        }
        if (f.from() != null) {
            where.add("e.entryDate >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.add("e.entryDate <= :to");
            params.put("to", f.to());
        }
        if (after != null) {
            where.add("e.position > :after");
            params.put("after", after);
        }
        if (!where.isEmpty()) {
            jpql.append(" where ").append(String.join(" and ", where));
        }
        jpql.append(" order by e.position");
        TypedQuery<LedgerEntryEntity> query = em.createQuery(jpql.toString(), LedgerEntryEntity.class)
                .setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        return Page.of(query.getResultStream().map(FundStore::stored).toList(), limit, LedgerLine::position);
    }

    @Override
    public Money settled(UUID applicationId, String committee, int year) {
        BigDecimal sum = (BigDecimal) em.createNativeQuery("SELECT coalesce(sum(amount), 0) FROM fund_ledger_entry "
                        + "WHERE application_id = :id AND committee = :committee AND plan_year = :year "
                        + "AND kind IN ('REPAYMENT', 'WRITE_OFF')")
                .setParameter("id", applicationId).setParameter("committee", committee).setParameter("year", year)
                .getSingleResult();
        return new Money(sum);
    }

    @Override
    public List<LedgerLine> entriesFor(UUID applicationId) {
        return em.createQuery("from LedgerEntryEntity e where e.applicationId = :id order by e.position",
                        LedgerEntryEntity.class).setParameter("id", applicationId).getResultStream()
                .map(FundStore::stored).toList();
    }

    @Override
    public Map<UUID, Money> releasedAsOf(LocalDate day) {
        Map<UUID, Money> released = new LinkedHashMap<>();
        em.createQuery("select e.applicationId, sum(e.amount) from LedgerEntryEntity e where e.kind = :kind "
                        + "and e.entryDate <= :day and e.applicationId is not null group by e.applicationId",
                        Object[].class)
                .setParameter("kind", LedgerEntryKind.RELEASE.name()).setParameter("day", day).getResultStream()
                .forEach(row -> released.put((UUID) row[0], new Money((BigDecimal) row[1])));
        return released;
    }

    private static LedgerLine stored(LedgerEntryEntity e) {
        return new LedgerLine(e.position, new LedgerEntry(LedgerEntryKind.valueOf(e.kind), e.entryDate,
                new Money(e.amount), e.reference, e.applicationId, e.registrationNumber, e.committee, e.planYear,
                e.note, e.recordedAt, e.recordedBy));
    }

    private static FundBalance balanceOf(FundEntity e) {
        return new FundBalance(new Money(e.capital), new Money(e.committed), new Money(e.returned));
    }
}
