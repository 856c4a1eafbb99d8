package se.socialfund.application.port.out;

import se.socialfund.application.port.in.AuditFilter;
import se.socialfund.application.port.in.Page;

import java.time.Instant;

import se.socialfund.domain.audit.AuditEvent;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.audit.ChainVerification;

/** The tamper-evident audit trail: append-only, hash-chained. */
public interface AuditTrail {
    /** Seals the record onto the end of the chain, in the current transaction. */
    AuditEvent append(AuditRecord record);


    Page<AuditEvent> find(AuditFilter filter, int limit, Long after);

    /** Walks the whole chain from the first event and reports where it first breaks, if it does. */
    ChainVerification verify();
}
