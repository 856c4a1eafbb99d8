package se.socialfund.application.port.out.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.event.ChangeEvent;
import se.socialfund.domain.webhook.WebhookEndpoint;

/**
 * Webhook endpoints and their delivery state, kept in the database so that a restart resumes where it stopped. A
 * worker leases an endpoint while it delivers to it, so that one endpoint's messages go out one at a time, in order,
 * also when several instances of the service run.
 */
public interface WebhookEndpoints {
    /** Stores a new endpoint; it is sent the events committed after this transaction's snapshot of the feed. */
    void add(WebhookEndpoint endpoint);

    List<WebhookEndpoint> list();

    Optional<WebhookEndpoint> find(UUID id);

    /** Replaces the secret; the old one is still signed with until {@code previousUntil}. */
    void rotate(UUID id, String secret, String previousSecret, Instant previousUntil);

    /** Leases up to {@code max} enabled endpoints, due and behind the feed's head, until {@code leaseUntil}. */
    List<WebhookEndpoint> leaseDue(Instant now, Instant leaseUntil, int max);

    /** The next event of these types (empty: any) after the position, and the feed's head in the same snapshot. */
    Next next(long after, List<String> eventTypes);

    record Next(Optional<ChangeEvent> event, long head) {
    }

    /**
     * Delivered (or nothing more to deliver) through this sequence: the position moves, failures are forgotten.
     * Answers whether the endpoint is still enabled (a fund officer may have deactivated it meanwhile).
     */
    boolean advance(UUID id, long through, Instant now);

    /** An attempt failed: count it and wait until {@code nextAttemptAt} (not if it was deactivated meanwhile). */
    void failed(UUID id, int attempts, Instant failingSince, Instant nextAttemptAt, Integer status, String error);

    /**
     * Not delivered to until reactivated: it answered 410, or failed for the whole retry period (not if it was
     * deactivated meanwhile: the fund officer's reason stays).
     */
    void disable(UUID id, String reason, Integer status, Instant now);

    /** Disabled by a fund officer, if it is enabled (its last status kept); answers whether it was. */
    boolean deactivate(UUID id, String reason, Instant now);

    /**
     * Enabled again, if it is disabled; answers whether it was. Delivery resumes at its position, with the message
     * that was not delivered, which gets a whole retry period anew.
     */
    boolean reactivate(UUID id, Instant now);

    /** Ends the lease. */
    void release(UUID id);
}
