package se.socialfund.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What one state-changing request did, or was refused: who (subject, name, roles, office, client), what (action,
 * object, registration number, versions before and after), when (UTC, to the microsecond) and which request.
 * Never a token, never data about participants. {@code contentSha256} is the SHA-256 of the file an event concerns
 * (a document's upload, marking, publication or download), and null for every other event.
 */
public record AuditRecord(Instant occurredAt, String requestId, String actorSubject, String actorName,
                          List<String> actorRoles, String actorOffice, String clientId, String action,
                          Outcome outcome, String objectType, String objectId, String registrationNumber,
                          Long versionBefore, Long versionAfter, String contentSha256) {

    /** Whether the attempt changed something or was refused (another office's data, a role without the right). */
    public enum Outcome { SUCCEEDED, DENIED }

    /** An event that concerns no file. */
    public AuditRecord(Instant occurredAt, String requestId, String actorSubject, String actorName,
                       List<String> actorRoles, String actorOffice, String clientId, String action, Outcome outcome,
                       String objectType, String objectId, String registrationNumber, Long versionBefore,
                       Long versionAfter) {
        this(occurredAt, requestId, actorSubject, actorName, actorRoles, actorOffice, clientId, action, outcome,
                objectType, objectId, registrationNumber, versionBefore, versionAfter, null);
    }

    public AuditRecord {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        actorRoles = List.copyOf(actorRoles);
    }
}
