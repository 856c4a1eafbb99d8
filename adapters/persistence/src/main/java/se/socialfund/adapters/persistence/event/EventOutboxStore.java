package se.socialfund.adapters.persistence.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.socialfund.application.port.out.event.EventOutbox;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.event.ChangeEvent;

/**
 * The outbox in PostgreSQL. A read and the feed's head come from one statement, hence one snapshot: every sequence
 * up to that head is committed (sequences are taken under the audit chain's head lock, held to the commit).
 */
@ApplicationScoped
public class EventOutboxStore implements EventOutbox {
    static final String COLUMNS = "sequence, id, type, subject, occurred_at, application_id, registration_number, "
            + "stage, version, offices, submitted_by";

    @Inject
    EntityManager em;

    @Inject
    se.socialfund.adapters.persistence.WrittenApplications written;

    @Override
    public void append(ChangeEvent e) {
        em.createNativeQuery("INSERT INTO feed_event (" + COLUMNS + ") VALUES (:sequence, :id, :type, :subject, :at, "
                        + ":application, :number, :stage, :version, CAST(:offices AS text[]), :submitter)")
                .setParameter("sequence", e.sequence()).setParameter("id", e.id()).setParameter("type", e.type())
                .setParameter("subject", e.subject()).setParameter("at", SqlArrays.utc(e.time()))
                .setParameter("application", e.applicationId()).setParameter("number", e.registrationNumber())
                .setParameter("stage", e.stage().name()).setParameter("version", e.version())
                .setParameter("offices", SqlArrays.literal(e.offices())).setParameter("submitter", e.submittedBy())
                .executeUpdate();
    }

    @Override
    public Optional<ApplicationFacts> facts(UUID applicationId) {
        // a change this transaction just made is known without reading the row back (a submission's case)
        Optional<ApplicationFacts> known = written.find(applicationId);
        if (known.isPresent()) {
            return known;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, registration_number, stage, version, offices, "
                + "submitted_by FROM application WHERE id = :id").setParameter("id", applicationId).getResultList();
        return rows.stream().findFirst().map(r -> new ApplicationFacts((UUID) r[0], (String) r[1],
                Stage.valueOf((String) r[2]), ((Number) r[3]).longValue(), SqlArrays.texts(r[4]), (String) r[5]));
    }

    @Override
    public Slice read(long after, int limit, Scope scope, String type) {
        List<String> where = new ArrayList<>(List.of("f.sequence > :after"));
        if (!scope.all()) {
            List<String> any = new ArrayList<>();
            if (scope.office() != null) {
                any.add("f.offices @> ARRAY[CAST(:office AS text)]");
            }
            if (scope.submitter() != null) {
                any.add("f.submitted_by = :submitter");
            }
            where.add(any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")");
        }
        if (type != null) {
            where.add("f.type = :type");
        }
        // one statement: the head is read in the same snapshot as the events
        String sql = "WITH head AS (SELECT coalesce(max(sequence), 0) AS head FROM feed_event) "
                + "SELECT h.head, e.* FROM head h LEFT JOIN LATERAL (SELECT " + prefixed() + " FROM feed_event f "
                + "WHERE " + String.join(" AND ", where) + " ORDER BY f.sequence LIMIT :limit) e ON true "
                + "ORDER BY e.sequence";
        Query q = em.createNativeQuery(sql).setParameter("after", after).setParameter("limit", limit);
        if (!scope.all() && scope.office() != null) {
            q.setParameter("office", scope.office());
        }
        if (!scope.all() && scope.submitter() != null) {
            q.setParameter("submitter", scope.submitter());
        }
        if (type != null) {
            q.setParameter("type", type);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        long head = rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue();
        List<ChangeEvent> events = new ArrayList<>();
        for (Object[] r : rows) {
            if (r[1] != null) {
                events.add(toEvent(r, 1));
            }
        }
        return new Slice(events, head);
    }

    private static String prefixed() {
        StringBuilder b = new StringBuilder();
        for (String c : COLUMNS.split(", ")) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append("f.").append(c);
        }
        return b.toString();
    }

    /** An event from the row's columns in {@link #COLUMNS} order, starting at {@code i}. */
    public static ChangeEvent toEvent(Object[] r, int i) {
        return new ChangeEvent(((Number) r[i]).longValue(), (UUID) r[i + 1], (String) r[i + 2], (String) r[i + 3],
                SqlArrays.instant(r[i + 4]), (UUID) r[i + 5], (String) r[i + 6], Stage.valueOf((String) r[i + 7]),
                ((Number) r[i + 8]).longValue(), SqlArrays.texts(r[i + 9]), (String) r[i + 10]);
    }

    @Override
    public long purgedThrough() {
        return ((Number) em.createNativeQuery("SELECT purged_through FROM feed_horizon WHERE id = 1")
                .getSingleResult()).longValue();
    }

    @Override
    public int purgeBefore(Instant keepFrom, int atMost) {
        // the horizon row is locked first: purges run one at a time, and the horizon only grows
        em.createNativeQuery("SELECT purged_through FROM feed_horizon WHERE id = 1 FOR UPDATE").getSingleResult();
        // only a prefix: events up to (not including) the oldest one that must be kept
        @SuppressWarnings("unchecked")
        List<Number> removed = em.createNativeQuery("""
                        DELETE FROM feed_event WHERE sequence IN (
                          SELECT sequence FROM feed_event
                           WHERE occurred_at < :keepFrom
                             AND sequence < coalesce((SELECT min(sequence) FROM feed_event
                                                       WHERE occurred_at >= :keepFrom), 9223372036854775807)
                           ORDER BY sequence LIMIT :atMost)
                        RETURNING sequence""")
                .setParameter("keepFrom", SqlArrays.utc(keepFrom)).setParameter("atMost", atMost).getResultList();
        if (!removed.isEmpty()) {
            long newest = removed.stream().mapToLong(Number::longValue).max().orElseThrow();
            em.createNativeQuery("UPDATE feed_horizon SET purged_through = greatest(purged_through, :newest) "
                    + "WHERE id = 1").setParameter("newest", newest).executeUpdate();
        }
        return removed.size();
    }
}
