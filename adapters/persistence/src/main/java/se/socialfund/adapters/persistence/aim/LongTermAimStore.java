package se.socialfund.adapters.persistence.aim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import se.socialfund.application.port.out.aim.LongTermAims;
import se.socialfund.domain.aim.AimLink;
import se.socialfund.domain.aim.AimValue;
import se.socialfund.domain.aim.ContextIndicator;

/** The long-term aim as rows; every write is an upsert. */
@ApplicationScoped
public class LongTermAimStore implements LongTermAims {
    @Inject
    EntityManager em;

    @Override
    public List<ContextIndicator> indicators() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT code, name, unit, source, source_key "
                + "FROM context_indicator ORDER BY code").getResultList();
        return rows.stream().map(LongTermAimStore::indicator).toList();
    }

    @Override
    public Optional<ContextIndicator> indicator(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT code, name, unit, source, source_key "
                + "FROM context_indicator WHERE code = :code").setParameter("code", code).getResultList();
        return rows.stream().map(LongTermAimStore::indicator).findFirst();
    }

    @Override
    public void define(ContextIndicator i) {
        em.createNativeQuery("INSERT INTO context_indicator (code, name, unit, source, source_key) "
                        + "VALUES (:code, :name, :unit, :source, CAST(:key AS text)) ON CONFLICT (code) DO UPDATE SET "
                        + "name = EXCLUDED.name, unit = EXCLUDED.unit, source = EXCLUDED.source, "
                        + "source_key = EXCLUDED.source_key")
                .setParameter("code", i.code()).setParameter("name", i.name()).setParameter("unit", i.unit())
                .setParameter("source", i.source()).setParameter("key", i.sourceKey()).executeUpdate();
    }

    @Override
    public List<AimValue> values(int fromYear, int toYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT indicator, year, value FROM context_indicator_value "
                        + "WHERE year BETWEEN :from AND :to ORDER BY indicator, year")
                .setParameter("from", fromYear).setParameter("to", toYear).getResultList();
        return rows.stream().map(r -> new AimValue((String) r[0], ((Number) r[1]).intValue(),
                (BigDecimal) r[2])).toList();
    }

    @Override
    public void enter(AimValue v) {
        em.createNativeQuery("INSERT INTO context_indicator_value (indicator, year, value) "
                        + "VALUES (:indicator, :year, :value) ON CONFLICT (indicator, year) DO UPDATE SET "
                        + "value = EXCLUDED.value")
                .setParameter("indicator", v.indicator()).setParameter("year", v.year())
                .setParameter("value", v.value()).executeUpdate();
    }

    @Override
    public List<AimLink> links() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT application_id, indicator_code, context_indicator "
                + "FROM aim_link ORDER BY context_indicator, application_id, indicator_code").getResultList();
        return rows.stream().map(r -> new AimLink((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    @Override
    public void link(AimLink l) {
        em.createNativeQuery("INSERT INTO aim_link (application_id, indicator_code, context_indicator) "
                        + "VALUES (:app, :code, :context) ON CONFLICT (application_id, indicator_code) DO UPDATE SET "
                        + "context_indicator = EXCLUDED.context_indicator")
                .setParameter("app", l.applicationId()).setParameter("code", l.indicatorCode())
                .setParameter("context", l.contextIndicator()).executeUpdate();
    }

    private static ContextIndicator indicator(Object[] r) {
        return new ContextIndicator((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]);
    }
}
