package se.socialfund.domain.document;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;

/**
 * A file registered in a case (a public record, allmän handling): what it is, its content's fingerprint, its number
 * in the case, and what has happened to it since: a secrecy marking, publication on the fund's public page,
 * supersession by a newer version. A document is never deleted or changed in content; a new version supersedes it
 * and both are kept. Every change raises the version.
 */
public record Document(UUID id, Owner owner, DocumentNumber number, DocumentType type, String title, Origin origin,
                       String fileName, String mediaType, long size, String sha256, ScanVerdict.Result scan, String registeredBy,
                       String registeredByName, Instant registeredAt, UUID supersedes, UUID supersededBy,
                       SecrecyMarking marking, Publication publication, long version) {
    public static final int MAX_TITLE = 300;

    /** On the fund's public page since this moment, by this fund officer. */
    public record Publication(Instant publishedAt, String publishedBy) {
        public Publication {
            Objects.requireNonNull(publishedAt, "publishedAt");
            Objects.requireNonNull(publishedBy, "publishedBy");
        }
    }

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(scan, "scan");
        if (!MediaTypes.accepted(mediaType)) {
            throw new IllegalArgumentException("not an accepted media type: " + mediaType);
        }
        if (size < 1) {
            throw new IllegalArgumentException("a document has content");
        }
        if (marking != null && publication != null) {
            throw new IllegalArgumentException("a marked document is never published");
        }
    }

    /** A new document, version 1, unpublished; marked if a provision is given. */
    public static Document register(UUID id, Owner owner, DocumentNumber number, DocumentType type, String title,
                                    Origin origin, String fileName, String mediaType, long size, String sha256,
                                    ScanVerdict.Result scan, String by, String byName, Instant at, UUID supersedes, String secrecyProvision) {
        SecrecyMarking marking = secrecyProvision == null ? null : new SecrecyMarking(secrecyProvision, at, by);
        return new Document(id, owner, number, type, title, origin, fileName, mediaType, size, sha256, scan, by, byName, at,
                supersedes, null, marking, null, 1);
    }

    public boolean isMarked() {
        return marking != null;
    }

    public boolean isPublished() {
        return publication != null;
    }

    public Optional<SecrecyMarking> secrecy() {
        return Optional.ofNullable(marking);
    }

    /**
     * Marks the document secret. A published document leaves the public page at once: secrecy wins. A document
     * already marked keeps its first marking (409), so the marking's date and author stay true.
     */
    public Document mark(String provision, Instant at, String by, long expectedVersion) {
        requireVersion(expectedVersion);
        if (marking != null) {
            throw new Conflict("already-marked", "the document is already marked secret (" + marking.provision()
                    + ")");
        }
        return new Document(id, owner, number, type, title, origin, fileName, mediaType, size, sha256, scan, registeredBy,
                registeredByName, registeredAt, supersedes, supersededBy, new SecrecyMarking(provision, at, by), null,
                version + 1);
    }

    /** Publishes the document on the fund's public page: only an unmarked PDF that is the current version. */
    public Document publish(Instant at, String by, long expectedVersion) {
        requireVersion(expectedVersion);
        if (marking != null) {
            throw new Conflict("document-marked", "a document marked secret is never published");
        }
        if (supersededBy != null) {
            throw new Conflict("document-superseded", "a newer version supersedes this document: publish that one");
        }
        if (publication != null) {
            throw new Conflict("already-published", "the document is already published");
        }
        if (!MediaTypes.PDF.equals(mediaType)) {
            throw new RuleViolation("/mediaType", "only PDF documents are published (this one is " + mediaType + ")");
        }
        return new Document(id, owner, number, type, title, origin, fileName, mediaType, size, sha256, scan, registeredBy,
                registeredByName, registeredAt, supersedes, supersededBy, null, new Publication(at, by), version + 1);
    }

    /** Takes the document off the public page. */
    public Document withdrawPublication(long expectedVersion) {
        requireVersion(expectedVersion);
        if (publication == null) {
            throw new Conflict("not-published", "the document is not published");
        }
        return new Document(id, owner, number, type, title, origin, fileName, mediaType, size, sha256, scan, registeredBy,
                registeredByName, registeredAt, supersedes, supersededBy, marking, null, version + 1);
    }

    /**
     * Records that a newer version supersedes this one. The old version stays (a public record is never removed)
     * but leaves the public page, where the newer one may be published instead.
     */
    public Document supersededBy(UUID newer) {
        if (supersededBy != null) {
            throw new Conflict("already-superseded", "document " + id + " is already superseded by " + supersededBy
                    + ": supersede the newest version");
        }
        return new Document(id, owner, number, type, title, origin, fileName, mediaType, size, sha256, scan, registeredBy,
                registeredByName, registeredAt, supersedes, newer, marking, null, version + 1);
    }

    private void requireVersion(long expected) {
        if (expected != version) {
            throw new StaleVersion(expected, version);
        }
    }
}
