package se.socialfund.application.usecase.event;

import java.time.Clock;
import java.time.Duration;

import se.socialfund.application.port.in.event.EventFeedQuery;
import se.socialfund.application.port.in.event.EventRetention;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.port.out.event.EventOutbox;
import se.socialfund.application.port.out.event.EventOutbox.Scope;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

/** Reads the change feed for the caller, scoped like the applications, and keeps it to its retention period. */
public final class EventFeedService implements EventFeedQuery, EventRetention {
    private final AuditedChanges changes;
    private final EventOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration retention;

    public EventFeedService(AuditedChanges changes, EventOutbox outbox, UnitOfWork unitOfWork, Clock clock,
                            Duration retention) {
        this.changes = changes;
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public FeedPage read(Long after, int limit, String type) {
        return changes.read("listEvents", (caller, subject) -> {
            Actor actor = caller.actor();
            long from = after == null ? 0 : after;
            EventOutbox.Slice slice = outbox.read(from, limit, scopeOf(actor), type);
            // checked after the read: a purge that ran meanwhile is noticed, never silently skipped
            long purged = outbox.purgedThrough();
            if (after != null && after < purged) {
                return new FeedPage(java.util.List.of(), purged, true);
            }
            var visible = slice.events().stream().filter(e -> e.isVisibleTo(actor)).toList();
            long cursor = slice.events().size() >= limit
                    ? slice.events().get(slice.events().size() - 1).sequence()
                    : Math.max(from, Math.max(slice.head(), purged));
            return new FeedPage(visible, cursor, false);
        });
    }

    static Scope scopeOf(Actor actor) {
        if (actor.seesAllOffices()) {
            return Scope.ALL;
        }
        return new Scope(false, actor.office().orElse(null),
                actor.has(Role.FORM_INTEGRATION) ? actor.subject() : null);
    }

    @Override
    public int purgeExpired() {
        int total = 0;
        int removed;
        do {
            removed = unitOfWork.inTransaction(() -> outbox.purgeBefore(clock.instant().minus(retention), 10_000));
            total += removed;
        } while (removed == 10_000);
        return total;
    }

}
