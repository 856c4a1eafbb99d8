package se.socialfund.application.port.out.document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.application.port.in.Page;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.document.Owner;

/** The documents of every case, their numbering, and what an upload with an Idempotency-Key made. */
public interface DocumentRepository {
    Optional<Document> find(UUID id);

    /** The owner's documents in the order they were registered, keyset paged by position. */
    Page<Document> ofOwner(Owner owner, int limit, Long after);

    /** The owner's published documents, in the order they were registered. */
    List<Document> publishedOf(Owner owner);

    /**
     * The next document number of the owner's case: a counter row per owner, incremented (and locked until the
     * transaction ends) in the current transaction, so numbers are unique and without gaps.
     */
    int nextSequence(Owner owner);

    void add(Document document);

    /** Writes a changed document; the stored version must be the one before (version - 1). */
    void update(Document document);

    /** What an earlier upload with a key carried (its fingerprint) and made (null while it is unfinished). */
    record EarlierUpload(String fingerprint, UUID documentId) {
    }

    /**
     * Claims an upload's Idempotency-Key in the current transaction, waiting briefly for an unfinished first
     * request with it; {@code Conflict("idempotency-in-progress")} when that takes too long.
     *
     * @return empty when this request now owns the key, or what the earlier one carried and made
     */
    Optional<EarlierUpload> claimKey(String caller, String key, String fingerprint);

    void completeKey(String caller, String key, UUID documentId);
}
