package se.socialfund.adapters.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.jpa.HibernateHints;

import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.in.AuditFilter;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.audit.AuditEvent;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.audit.ChainVerification;

/**
 * The audit trail in PostgreSQL. An append locks the chain's head row, so events are sealed one after another and
 * each links to the one before; the head is taken last in the transaction, to hold it briefly.
 */
@ApplicationScoped
public class AuditStore implements AuditTrail {
    private static final String COLUMNS = "sequence, occurred_at, request_id, actor_subject, actor_name, actor_roles, "
            + "actor_office, client_id, action, outcome, object_type, object_id, registration_number, "
            + "version_before, version_after, previous_hash, hash, content_sha256";

    @Inject
    EntityManager em;

    @Inject
    DeferredWrites deferred;

    @Override
    public AuditEvent append(AuditRecord record) {
        // the change's deferred writes (a submission's rows) travel with the head's lock: one round trip
        Object[] head = deferred.flushWith("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 "
                + "FOR UPDATE", Map.of()).get(0);
        AuditEvent event = AuditEvent.seal(((Number) head[0]).longValue() + 1, record, (String) head[1]);
        // the event and the head's move in one statement: the head is held to the commit, so each round trip
        // after its lock is one that every change waits for
        em.createNativeQuery("WITH e AS (INSERT INTO audit_event (" + COLUMNS + ") VALUES (:sequence, :at, "
                        + ":request, :subject, :name, :roles, :office, :client, :action, :outcome, :objectType, "
                        + ":objectId, :number, CAST(:before AS bigint), CAST(:after AS bigint), :previous, :hash, :sha) "
                        + "RETURNING sequence, hash) "
                        + "UPDATE audit_chain_head h SET last_sequence = e.sequence, last_hash = e.hash FROM e "
                        + "WHERE h.id = 1")
                .setParameter("sequence", event.sequence())
                .setParameter("at", OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC))
                .setParameter("request", record.requestId())
                .setParameter("subject", record.actorSubject())
                .setParameter("name", record.actorName())
                .setParameter("roles", String.join(",", record.actorRoles()))
                .setParameter("office", record.actorOffice())
                .setParameter("client", record.clientId())
                .setParameter("action", record.action())
                .setParameter("outcome", record.outcome().name())
                .setParameter("objectType", record.objectType())
                .setParameter("objectId", record.objectId())
                .setParameter("number", record.registrationNumber())
                .setParameter("before", record.versionBefore() == null ? null : record.versionBefore().toString())
                .setParameter("after", record.versionAfter() == null ? null : record.versionAfter().toString())
                .setParameter("previous", event.previousHash())
                .setParameter("hash", event.hash())
                .setParameter("sha", record.contentSha256())
                .executeUpdate();
        return event;
    }

    @Override
    public Page<AuditEvent> find(AuditFilter f, int limit, Long after) {
        deferred.flush();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event");
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        if (f.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        if (f.actor() != null) {
            where.add("actor_subject = :actor");
            params.put("actor", f.actor());
        }
        if (f.objectId() != null) {
            where.add("object_id = :object");
            params.put("object", f.objectId());
        }
        if (f.action() != null) {
            where.add("action = :action");
            params.put("action", f.action());
        }
        if (after != null) {
            where.add("sequence > :after");
            params.put("after", after);
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY sequence LIMIT ").append(limit + 1);
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.of(rows.stream().map(AuditStore::toEvent).toList(), limit, AuditEvent::sequence);
    }

    @Override
    public ChainVerification verify() {
        deferred.flush();
        // the head first: events appended while the walk runs lie beyond it and wait for the next verification
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1").getSingleResult();
        long headSequence = ((Number) head[0]).longValue();
        ChainVerification.Walker walker = new ChainVerification.Walker();
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_event "
                        + "WHERE sequence <= :head ORDER BY sequence")
                .setParameter("head", headSequence)
                .setHint(HibernateHints.HINT_FETCH_SIZE, 1000).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream();
        try (rows) {
            var iterator = rows.iterator();
            while (iterator.hasNext() && walker.accept(toEvent(iterator.next()))) {
                em.clear();
            }
        }
        return walker.resultAgainstHead(headSequence, (String) head[1]);
    }

    private static AuditEvent toEvent(Object[] r) {
        String roles = (String) r[5];
        AuditRecord record = new AuditRecord(se.socialfund.adapters.persistence.event.SqlArrays.instant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), (String) r[6],
                (String) r[7], (String) r[8], AuditRecord.Outcome.valueOf((String) r[9]), (String) r[10],
                (String) r[11], (String) r[12], r[13] == null ? null : ((Number) r[13]).longValue(),
                r[14] == null ? null : ((Number) r[14]).longValue(), (String) r[17]);
        return new AuditEvent(((Number) r[0]).longValue(), record, (String) r[15], (String) r[16]);
    }
}
