package se.socialfund.application.usecase;

import se.socialfund.application.port.in.AuditQuery;
import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.in.AuditFilter;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.audit.AuditEvent;
import se.socialfund.domain.audit.ChainVerification;
import se.socialfund.domain.shared.Role;

/** The audit trail for auditors (and the fund officers, who may query it). */
public final class AuditQueryService implements AuditQuery {
    private final AuditedChanges changes;
    private final AuditTrail trail;

    public AuditQueryService(AuditedChanges changes, AuditTrail trail) {
        this.changes = changes;
        this.trail = trail;
    }

    @Override
    public Page<AuditEvent> find(AuditFilter filter, int limit, Long after) {
        return changes.read("listAuditEvents", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "the audit trail", Role.AUDITOR, Role.FUND_OFFICER);
            return trail.find(filter, limit, after);
        });
    }

    @Override
    public ChainVerification verify() {
        return changes.read("verifyAuditChain", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "verifying the audit trail", Role.AUDITOR);
            return trail.verify();
        });
    }
}
