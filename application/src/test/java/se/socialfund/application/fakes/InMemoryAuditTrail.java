package se.socialfund.application.fakes;

import java.util.ArrayList;
import java.util.List;

import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.in.AuditFilter;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.audit.AuditEvent;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.audit.ChainVerification;

/** Seals each record onto a chain kept in a list. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public AuditEvent append(AuditRecord record) {
        String previous = events.isEmpty() ? AuditEvent.GENESIS : events.get(events.size() - 1).hash();
        AuditEvent event = AuditEvent.seal(events.size() + 1L, record, previous);
        events.add(event);
        return event;
    }

    @Override
    public Page<AuditEvent> find(AuditFilter filter, int limit, Long after) {
        List<AuditEvent> rows = events.stream()
                .filter(e -> after == null || e.sequence() > after)
                .filter(e -> filter.from() == null || !e.record().occurredAt().isBefore(filter.from()))
                .filter(e -> filter.to() == null || e.record().occurredAt().isBefore(filter.to()))
                .filter(e -> filter.actor() == null || filter.actor().equals(e.record().actorSubject()))
                .filter(e -> filter.objectId() == null || filter.objectId().equals(e.record().objectId()))
                .filter(e -> filter.action() == null || filter.action().equals(e.record().action()))
                .limit(limit + 1L).toList();
        return Page.of(rows, limit, AuditEvent::sequence);
    }

    @Override
    public ChainVerification verify() {
        ChainVerification.Walker walker = new ChainVerification.Walker();
        for (AuditEvent event : events) {
            if (!walker.accept(event)) {
                break;
            }
        }
        return walker.result();
    }

    /** The records, oldest first. */
    public List<AuditRecord> records() {
        return events.stream().map(AuditEvent::record).toList();
    }

    public AuditRecord last() {
        return events.get(events.size() - 1).record();
    }

    public int size() {
        return events.size();
    }
}
