package se.socialfund.adapters.persistence.outcomes;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.socialfund.adapters.persistence.Documents;
import se.socialfund.application.port.out.outcomes.OutcomesContracts;
import se.socialfund.domain.outcomes.ContractState;
import se.socialfund.domain.outcomes.OutcomesContract;
import se.socialfund.domain.outcomes.OutcomesContractSnapshot;
import se.socialfund.domain.outcomes.Payment;
import se.socialfund.domain.outcomes.PeriodRecord;
import se.socialfund.domain.shared.StaleVersion;

/**
 * Outcomes contracts in PostgreSQL, in plain SQL: the contract's snapshot as jsonb in its row, which each step
 * locks ({@code SELECT ... FOR UPDATE}) and updates only at the version it read; the row's {@code paid_total} is
 * bound by check constraints to both caps; each approved payment is also appended to {@code outcomes_payment}.
 */
@ApplicationScoped
public class OutcomesContractStore implements OutcomesContracts {
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Inject
    EntityManager em;

    @Override
    public void add(OutcomesContract contract) {
        OutcomesContractSnapshot s = contract.snapshot();
        em.createNativeQuery("INSERT INTO outcomes_contract (id, version, state, provider_office, title, payment_cap, "
                        + "investor_cap, paid_total, document, created_at, updated_at) VALUES (:id, :version, :state, "
                        + ":office, :title, :cap, :investorCap, :paid, CAST(:document AS jsonb), :created, :updated)")
                .setParameter("id", s.id()).setParameter("version", s.version()).setParameter("state", s.state().name())
                .setParameter("office", s.terms().providerOffice()).setParameter("title", s.terms().title())
                .setParameter("cap", s.terms().paymentCap().amount())
                .setParameter("investorCap", s.terms().finance().investorCap().amount())
                .setParameter("paid", contract.paidTotal().amount()).setParameter("document", Documents.write(Documents.OUTCOMES_CONTRACT, s))
                .setParameter("created", Timestamp.from(s.createdAt()))
                .setParameter("updated", Timestamp.from(s.updatedAt())).executeUpdate();
        appendPayments(s, Set.of());
    }

    @Override
    public Optional<OutcomesContract> find(UUID id) {
        return load("SELECT document FROM outcomes_contract WHERE id = :id", id);
    }

    @Override
    public Optional<OutcomesContract> lockForUpdate(UUID id) {
        return load("SELECT document FROM outcomes_contract WHERE id = :id FOR UPDATE", id);
    }

    @Override
    public void update(OutcomesContract contract, long expectedVersion) {
        OutcomesContractSnapshot s = contract.snapshot();
        int updated = em.createNativeQuery("UPDATE outcomes_contract SET version = :version, state = :state, "
                        + "title = :title, payment_cap = :cap, investor_cap = :investorCap, paid_total = :paid, "
                        + "document = CAST(:document AS jsonb), updated_at = :updated "
                        + "WHERE id = :id AND version = :expected")
                .setParameter("version", s.version()).setParameter("state", s.state().name())
                .setParameter("title", s.terms().title()).setParameter("cap", s.terms().paymentCap().amount())
                .setParameter("investorCap", s.terms().finance().investorCap().amount())
                .setParameter("paid", contract.paidTotal().amount()).setParameter("document", Documents.write(Documents.OUTCOMES_CONTRACT, s))
                .setParameter("updated", Timestamp.from(s.updatedAt())).setParameter("id", s.id())
                .setParameter("expected", expectedVersion).executeUpdate();
        if (updated != 1) {
            throw new StaleVersion(expectedVersion, currentVersion(s.id()));
        }
        @SuppressWarnings("unchecked")
        List<Number> stored = em.createNativeQuery("SELECT DISTINCT period FROM outcomes_payment "
                + "WHERE contract_id = :id").setParameter("id", s.id()).getResultList();
        Set<Integer> paidPeriods = new HashSet<>();
        stored.forEach(n -> paidPeriods.add(n.intValue()));
        appendPayments(s, paidPeriods);
        em.flush();
    }

    @Override
    public List<Listed> list(String providerOffice, ContractState state, int limit, Long after) {
        StringBuilder sql = new StringBuilder("SELECT position, document FROM outcomes_contract WHERE position > "
                + ":after");
        if (providerOffice != null) {
            sql.append(" AND provider_office = :office");
        }
        if (state != null) {
            sql.append(" AND state = :state");
        }
        sql.append(" ORDER BY position LIMIT :limit");
        var query = em.createNativeQuery(sql.toString()).setParameter("after", after == null ? 0L : after)
                .setParameter("limit", limit);
        if (providerOffice != null) {
            query.setParameter("office", providerOffice);
        }
        if (state != null) {
            query.setParameter("state", state.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Listed(((Number) r[0]).longValue(), read(r[1].toString()))).toList();
    }

    private void appendPayments(OutcomesContractSnapshot s, Set<Integer> alreadyStored) {
        for (PeriodRecord r : s.periods()) {
            if (r.approval() == null || alreadyStored.contains(r.number())) {
                continue;
            }
            for (Payment p : r.approval().payments()) {
                em.createNativeQuery("INSERT INTO outcomes_payment (contract_id, period, kind, metric_code, formula, "
                                + "formula_version, inputs, due, held_back, amount, recipient, approved_at, approved_by) "
                                + "VALUES (:id, :period, :kind, :metric, :formula, :formulaVersion, "
                                + "CAST(:inputs AS jsonb), :due, :held, :amount, :recipient, :at, :by)")
                        .setParameter("id", s.id()).setParameter("period", p.period())
                        .setParameter("kind", p.kind().name()).setParameter("metric", p.metricCode())
                        .setParameter("formula", p.formula()).setParameter("formulaVersion", p.formulaVersion())
                        .setParameter("inputs", write(p.inputs())).setParameter("due", p.due().amount())
                        .setParameter("held", p.heldBack().amount()).setParameter("amount", p.amount().amount())
                        .setParameter("recipient", p.recipient())
                        .setParameter("at", Timestamp.from(r.approval().at())).setParameter("by", r.approval().by())
                        .executeUpdate();
            }
        }
    }

    private long currentVersion(UUID id) {
        Object v = em.createNativeQuery("SELECT version FROM outcomes_contract WHERE id = :id").setParameter("id", id)
                .getResultStream().findFirst().orElse(0L);
        return ((Number) v).longValue();
    }

    private Optional<OutcomesContract> load(String sql, UUID id) {
        return em.createNativeQuery(sql).setParameter("id", id).getResultStream().findFirst()
                .map(doc -> OutcomesContract.restore(read(doc.toString())));
    }

    /** A payment's inputs (a JSON array, in its append-only row). */
    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payment's inputs could not be written as JSON", e);
        }
    }

    /** The contract's document, of its {@link Documents#OUTCOMES_CONTRACT} kind and version. */
    static OutcomesContractSnapshot read(String json) {
        return Documents.read(Documents.OUTCOMES_CONTRACT, json, OutcomesContractSnapshot.class, null);
    }
}
