package se.socialfund.application.port.in;

import se.socialfund.domain.audit.AuditEvent;
import se.socialfund.domain.audit.ChainVerification;

/** Auditors ask who did what and when, and whether the record is intact. */
public interface AuditQuery {
    Page<AuditEvent> find(AuditFilter filter, int limit, Long after);

    ChainVerification verify();
}
