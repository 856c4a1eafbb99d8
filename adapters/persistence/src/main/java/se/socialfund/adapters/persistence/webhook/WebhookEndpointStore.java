package se.socialfund.adapters.persistence.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.socialfund.adapters.persistence.event.EventOutboxStore;
import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.out.webhook.WebhookEndpoints;
import se.socialfund.domain.event.ChangeEvent;
import se.socialfund.domain.webhook.WebhookEndpoint;

/** Webhook endpoints and their delivery state in PostgreSQL. */
@ApplicationScoped
public class WebhookEndpointStore implements WebhookEndpoints {
    private static final String COLUMNS = "id, url, event_types, description, secret, previous_secret, "
            + "previous_secret_until, created_at, created_by, state, disabled_reason, delivered_through, attempts, "
            + "failing_since, next_attempt_at, last_status, last_error";

    @Inject
    EntityManager em;

    @Override
    public void add(WebhookEndpoint e) {
        // its position: the feed's head in this statement's snapshot; later commits have later sequences
        em.createNativeQuery("INSERT INTO webhook_endpoint (id, url, event_types, description, secret, created_at, "
                        + "created_by, state, delivered_through, attempts, next_attempt_at) VALUES (:id, :url, "
                        + "CAST(:types AS text[]), :description, :secret, :at, :by, 'ENABLED', "
                        + "(SELECT coalesce(max(sequence), 0) FROM feed_event), 0, :at)")
                .setParameter("id", e.id()).setParameter("url", e.url().toString())
                .setParameter("types", SqlArrays.literal(e.eventTypes()))
                .setParameter("description", e.description()).setParameter("secret", e.secret())
                .setParameter("at", SqlArrays.utc(e.createdAt())).setParameter("by", e.createdBy())
                .executeUpdate();
    }

    @Override
    public List<WebhookEndpoint> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM webhook_endpoint "
                + "ORDER BY created_at, id").getResultList();
        return rows.stream().map(WebhookEndpointStore::toEndpoint).toList();
    }

    @Override
    public Optional<WebhookEndpoint> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(WebhookEndpointStore::toEndpoint);
    }

    @Override
    public void rotate(UUID id, String secret, String previousSecret, Instant previousUntil) {
        em.createNativeQuery("UPDATE webhook_endpoint SET secret = :secret, previous_secret = :previous, "
                        + "previous_secret_until = :until WHERE id = :id")
                .setParameter("secret", secret).setParameter("previous", previousSecret)
                .setParameter("until", SqlArrays.utc(previousUntil)).setParameter("id", id).executeUpdate();
    }

    @Override
    public List<WebhookEndpoint> leaseDue(Instant now, Instant leaseUntil, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE webhook_endpoint SET leased_until = :lease "
                        + "WHERE id IN (SELECT id FROM webhook_endpoint WHERE state = 'ENABLED' "
                        + "AND next_attempt_at <= :now AND (leased_until IS NULL OR leased_until < :now) "
                        // only endpoints behind the feed's head: an idle one costs nothing per round
                        + "AND delivered_through < (SELECT coalesce(max(sequence), 0) FROM feed_event) "
                        + "ORDER BY next_attempt_at LIMIT :max FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .setParameter("lease", SqlArrays.utc(leaseUntil)).setParameter("now", SqlArrays.utc(now))
                .setParameter("max", max).getResultList();
        return rows.stream().map(WebhookEndpointStore::toEndpoint).toList();
    }

    @Override
    public Next next(long after, List<String> eventTypes) {
        String typed = eventTypes.isEmpty() ? "" : " AND f.type = ANY(CAST(:types AS text[]))";
        Query q = em.createNativeQuery("WITH head AS (SELECT coalesce(max(sequence), 0) AS head FROM feed_event) "
                        + "SELECT h.head, e.* FROM head h LEFT JOIN LATERAL (SELECT f.* FROM feed_event f "
                        + "WHERE f.sequence > :after" + typed + " ORDER BY f.sequence LIMIT 1) e ON true")
                .setParameter("after", after);
        if (!eventTypes.isEmpty()) {
            q.setParameter("types", SqlArrays.literal(eventTypes));
        }
        Object[] row = (Object[]) q.getSingleResult();
        long head = ((Number) row[0]).longValue();
        if (row[1] == null) {
            return new Next(Optional.empty(), head);
        }
        ChangeEvent event = EventOutboxStore.toEvent(row, 1);
        return new Next(Optional.of(event), head);
    }

    @Override
    public boolean advance(UUID id, long through, Instant now) {
        List<?> state = em.createNativeQuery("UPDATE webhook_endpoint SET delivered_through = "
                        + "greatest(delivered_through, :through), attempts = 0, failing_since = NULL, "
                        + "next_attempt_at = :now, last_status = NULL, last_error = NULL WHERE id = :id RETURNING state")
                .setParameter("through", through).setParameter("now", SqlArrays.utc(now)).setParameter("id", id)
                .getResultList();
        return state.size() == 1 && "ENABLED".equals(state.get(0));
    }

    @Override
    public void failed(UUID id, int attempts, Instant failingSince, Instant nextAttemptAt, Integer status,
                       String error) {
        em.createNativeQuery("UPDATE webhook_endpoint SET attempts = :attempts, failing_since = :since, "
                        + "next_attempt_at = :next, last_status = CAST(:status AS integer), last_error = :error "
                        + "WHERE id = :id AND state = 'ENABLED'")
                .setParameter("attempts", attempts).setParameter("since", SqlArrays.utc(failingSince))
                .setParameter("next", SqlArrays.utc(nextAttemptAt))
                .setParameter("status", status == null ? null : status.toString())
                .setParameter("error", error == null ? null : truncate(error)).setParameter("id", id)
                .executeUpdate();
    }

    @Override
    public void disable(UUID id, String reason, Integer status, Instant now) {
        em.createNativeQuery("UPDATE webhook_endpoint SET state = 'DISABLED', disabled_reason = :reason, "
                        + "last_status = CAST(:status AS integer), next_attempt_at = :now WHERE id = :id "
                        + "AND state = 'ENABLED'")
                .setParameter("reason", reason).setParameter("status", status == null ? null : status.toString())
                .setParameter("now", SqlArrays.utc(now)).setParameter("id", id).executeUpdate();
    }

    @Override
    public boolean deactivate(UUID id, String reason, Instant now) {
        return em.createNativeQuery("UPDATE webhook_endpoint SET state = 'DISABLED', disabled_reason = :reason, "
                        + "next_attempt_at = :now WHERE id = :id AND state = 'ENABLED'")
                .setParameter("reason", reason).setParameter("now", SqlArrays.utc(now)).setParameter("id", id)
                .executeUpdate() == 1;
    }

    @Override
    public boolean reactivate(UUID id, Instant now) {
        return em.createNativeQuery("UPDATE webhook_endpoint SET state = 'ENABLED', disabled_reason = NULL, "
                        + "attempts = 0, failing_since = NULL, next_attempt_at = :now WHERE id = :id "
                        + "AND state = 'DISABLED'")
                .setParameter("now", SqlArrays.utc(now)).setParameter("id", id).executeUpdate() == 1;
    }

    @Override
    public void release(UUID id) {
        em.createNativeQuery("UPDATE webhook_endpoint SET leased_until = NULL WHERE id = :id")
                .setParameter("id", id).executeUpdate();
    }

    private static String truncate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static WebhookEndpoint toEndpoint(Object[] r) {
        return new WebhookEndpoint((UUID) r[0], URI.create((String) r[1]), SqlArrays.texts(r[2]), (String) r[3],
                (String) r[4], (String) r[5], SqlArrays.instant(r[6]), SqlArrays.instant(r[7]), (String) r[8],
                WebhookEndpoint.State.valueOf((String) r[9]), (String) r[10], ((Number) r[11]).longValue(),
                ((Number) r[12]).intValue(), SqlArrays.instant(r[13]), SqlArrays.instant(r[14]),
                r[15] == null ? null : ((Number) r[15]).intValue(), (String) r[16]);
    }
}
