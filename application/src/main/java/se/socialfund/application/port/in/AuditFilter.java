package se.socialfund.application.port.in;

import java.time.Instant;

/** Which audit events an auditor asks for; null means no filter. */
public record AuditFilter(Instant from, Instant to, String actor, String objectId, String action) {
}
