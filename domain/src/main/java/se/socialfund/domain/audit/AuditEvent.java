package se.socialfund.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An audit record sealed into the chain: its position, the previous event's hash, and a SHA-256 over its own
 * content and that hash. Changing any stored field, or removing or reordering an event, breaks the chain from there.
 */
public record AuditEvent(long sequence, AuditRecord record, String previousHash, String hash) {
    /** The hash the first event links to. */
    public static final String GENESIS = "0".repeat(64);

    public static AuditEvent seal(long sequence, AuditRecord record, String previousHash) {
        return new AuditEvent(sequence, record, previousHash, hashOf(sequence, record, previousHash));
    }

    /** Whether the stored hash is the hash of the stored content. */
    public boolean isIntact() {
        return hash.equals(hashOf(sequence, record, previousHash));
    }

    static String hashOf(long sequence, AuditRecord r, String previousHash) {
        StringBuilder b = new StringBuilder();
        field(b, Long.toString(sequence));
        field(b, previousHash);
        field(b, r.occurredAt().toString());
        field(b, r.requestId());
        field(b, r.actorSubject());
        field(b, r.actorName());
        field(b, Integer.toString(r.actorRoles().size()));
        r.actorRoles().forEach(role -> field(b, role));
        field(b, r.actorOffice());
        field(b, r.clientId());
        field(b, r.action());
        field(b, r.outcome().name());
        field(b, r.objectType());
        field(b, r.objectId());
        field(b, r.registrationNumber());
        field(b, r.versionBefore() == null ? null : r.versionBefore().toString());
        field(b, r.versionAfter() == null ? null : r.versionAfter().toString());
        // added with documents: only events about a file carry it, so the hashes of all earlier events stay as sealed
        if (r.contentSha256() != null) {
            field(b, "contentSha256");
            field(b, r.contentSha256());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Length-prefixed, so that no choice of field values can make two different events hash alike. */
    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("-1:");
        } else {
            b.append(value.length()).append(':').append(value);
        }
        b.append('|');
    }
}
