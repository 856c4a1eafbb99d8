package se.socialfund.application.usecase.event;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.application.port.in.AuditFilter;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.out.event.EventOutbox;
import se.socialfund.application.port.out.event.EventOutbox.ApplicationFacts;
import se.socialfund.domain.audit.AuditEvent;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.audit.ChainVerification;
import se.socialfund.domain.event.ChangeEvent;

/**
 * The audit trail, with the event feed's outbox written alongside: every successful change of an application gets
 * its change event in the same transaction as its audit event, with the audit event's sequence. That sequence is
 * taken under the chain's head lock, held to the commit, so sequences are in commit order: a reader of the feed
 * never sees a later event before an earlier one has committed (README, "The event feed").
 *
 * <p>What the event says of the application is read before the append (one read by key, not the whole aggregate,
 * or none when the transaction itself wrote the row: the outbox's adapter knows what it wrote), so the head lock is
 * held no longer than for the two inserts, and the change's other locks barely longer.
 */
public final class EventPublishingAuditTrail implements AuditTrail {
    private final AuditTrail trail;
    private final EventOutbox outbox;

    public EventPublishingAuditTrail(AuditTrail trail, EventOutbox outbox) {
        this.trail = trail;
        this.outbox = outbox;
    }

    @Override
    public AuditEvent append(AuditRecord record) {
        Optional<ApplicationFacts> changed = changedApplication(record);
        AuditEvent sealed = trail.append(record);
        changed.ifPresent(app -> outbox.append(event(sealed.sequence(), record, app)));
        return sealed;
    }

    /** A successful operation that changed an application (its version moved); refusals and replays are not news. */
    private Optional<ApplicationFacts> changedApplication(AuditRecord r) {
        if (r.outcome() != AuditRecord.Outcome.SUCCEEDED || !"application".equals(r.objectType())
                || r.objectId() == null || r.versionAfter() == null
                || r.versionAfter().equals(r.versionBefore())) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(r.objectId());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return outbox.facts(id);
    }

    static ChangeEvent event(long sequence, AuditRecord r, ApplicationFacts app) {
        Instant at = r.occurredAt();
        return new ChangeEvent(sequence, UUID.randomUUID(), EventTypes.of(r.action(), app.stage()),
                "/api/v1/applications/" + app.id(), at, app.id(), app.registrationNumber(), app.stage(),
                app.version(), app.offices(), app.submittedBy());
    }

    @Override
    public Page<AuditEvent> find(AuditFilter filter, int limit, Long after) {
        return trail.find(filter, limit, after);
    }

    @Override
    public ChainVerification verify() {
        return trail.verify();
    }
}
