package se.socialfund.adapters.persistence.document;

import se.socialfund.adapters.persistence.KeyClaims;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.out.document.DocumentRepository;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.document.DocumentNumber;
import se.socialfund.domain.document.DocumentType;
import se.socialfund.domain.document.Origin;
import se.socialfund.domain.document.Owner;
import se.socialfund.domain.document.ScanVerdict;
import se.socialfund.domain.document.SecrecyMarking;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.StaleVersion;

import static se.socialfund.adapters.persistence.event.SqlArrays.instant;

/** Documents as rows; the case's counter row; upload keys like the submissions' idempotency keys. */
@ApplicationScoped
public class DocumentStore implements DocumentRepository {
    private static final String COLUMNS = "id, position, owner_type, owner_id, case_number, sequence, type, title, "
            + "origin, file_name, media_type, size, sha256, scan, registered_by, registered_by_name, registered_at, "
            + "supersedes, superseded_by, secrecy_provision, marked_at, marked_by, published_at, published_by, "
            + "version";

    @Inject
    EntityManager em;

    @Override
    public Optional<Document> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM document WHERE id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(DocumentStore::toDocument);
    }

    @Override
    public Page<Document> ofOwner(Owner owner, int limit, Long after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM document WHERE owner_type = :type "
                        + "AND owner_id = :id AND position > :after ORDER BY position LIMIT " + (limit + 1))
                .setParameter("type", owner.type()).setParameter("id", owner.id())
                .setParameter("after", after == null ? 0L : after).getResultList();
        List<Long> positions = rows.stream().map(r -> ((Number) r[1]).longValue()).toList();
        List<Document> docs = rows.stream().map(DocumentStore::toDocument).toList();
        Page<Document> page = Page.of(docs, limit, d -> positions.get(docs.indexOf(d)));
        return page;
    }

    @Override
    public List<Document> publishedOf(Owner owner) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM document WHERE owner_type = :type "
                        + "AND owner_id = :id AND published_at IS NOT NULL AND secrecy_provision IS NULL "
                        + "ORDER BY position")
                .setParameter("type", owner.type()).setParameter("id", owner.id()).getResultList();
        return rows.stream().map(DocumentStore::toDocument).toList();
    }

    /**
     * The published, unmarked documents of many applications at once (the public page reads a page of investments
     * with one query for all their documents), per application in the order they were registered.
     */
    public java.util.Map<UUID, List<Document>> publishedOfApplications(java.util.Collection<UUID> applicationIds) {
        java.util.Map<UUID, List<Document>> byOwner = new java.util.HashMap<>();
        if (applicationIds.isEmpty()) {
            return byOwner;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM document WHERE owner_type = :type "
                        + "AND owner_id IN (:ids) AND published_at IS NOT NULL AND secrecy_provision IS NULL "
                        + "ORDER BY position")
                .setParameter("type", Owner.APPLICATION).setParameter("ids", applicationIds).getResultList();
        rows.forEach(r -> byOwner.computeIfAbsent((UUID) r[3], k -> new java.util.ArrayList<>()).add(toDocument(r)));
        return byOwner;
    }

    /** A document that is published and not marked, or empty. */
    public Optional<Document> findPublished(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM document WHERE id = :id "
                        + "AND published_at IS NOT NULL AND secrecy_provision IS NULL")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(DocumentStore::toDocument);
    }

    @Override
    public int nextSequence(Owner owner) {
        Number n = (Number) em.createNativeQuery("""
                        INSERT INTO document_counter (owner_type, owner_id, last_number) VALUES (:type, :id, 1)
                        ON CONFLICT (owner_type, owner_id)
                        DO UPDATE SET last_number = document_counter.last_number + 1
                        RETURNING last_number""")
                .setParameter("type", owner.type()).setParameter("id", owner.id()).getSingleResult();
        return n.intValue();
    }

    @Override
    public void add(Document d) {
        Query q = em.createNativeQuery("INSERT INTO document (id, owner_type, owner_id, case_number, sequence, type, "
                + "title, origin, file_name, media_type, size, sha256, scan, registered_by, registered_by_name, "
                + "registered_at, supersedes, superseded_by, secrecy_provision, marked_at, marked_by, published_at, "
                + "published_by, version) VALUES (:id, :ownerType, :ownerId, :caseNumber, :sequence, :type, :title, "
                + ":origin, :fileName, :mediaType, :size, :sha256, :scan, :by, :byName, :at, "
                + "CAST(:supersedes AS uuid), CAST(:supersededBy AS uuid), :provision, "
                + "CAST(:markedAt AS timestamptz), :markedBy, CAST(:publishedAt AS timestamptz), :publishedBy, "
                + ":version)");
        q.setParameter("id", d.id()).setParameter("ownerType", d.owner().type())
                .setParameter("ownerId", d.owner().id()).setParameter("caseNumber", d.number().caseNumber())
                .setParameter("sequence", d.number().sequence()).setParameter("type", d.type().name())
                .setParameter("title", d.title()).setParameter("origin", d.origin().name())
                .setParameter("fileName", d.fileName()).setParameter("mediaType", d.mediaType())
                .setParameter("size", d.size()).setParameter("sha256", d.sha256())
                .setParameter("scan", d.scan().name()).setParameter("by", d.registeredBy())
                .setParameter("byName", d.registeredByName()).setParameter("at", time(d.registeredAt()))
                .setParameter("supersedes", text(d.supersedes())).setParameter("version", d.version());
        changing(q, d);
        q.executeUpdate();
    }

    @Override
    public void update(Document d) {
        Query q = em.createNativeQuery("UPDATE document SET superseded_by = CAST(:supersededBy AS uuid), "
                + "secrecy_provision = :provision, marked_at = CAST(:markedAt AS timestamptz), marked_by = :markedBy, "
                + "published_at = CAST(:publishedAt AS timestamptz), published_by = :publishedBy, version = :version "
                + "WHERE id = :id AND version = :before");
        q.setParameter("id", d.id()).setParameter("version", d.version()).setParameter("before", d.version() - 1);
        changing(q, d);
        if (q.executeUpdate() != 1) {
            long current = ((Number) em.createNativeQuery("SELECT version FROM document WHERE id = :id")
                    .setParameter("id", d.id()).getSingleResult()).longValue();
            throw new StaleVersion(d.version() - 1, current);
        }
    }

    private static void changing(Query q, Document d) {
        SecrecyMarking m = d.marking();
        Document.Publication p = d.publication();
        q.setParameter("supersededBy", text(d.supersededBy()))
                .setParameter("provision", m == null ? null : m.provision())
                .setParameter("markedAt", m == null ? null : m.markedAt().toString())
                .setParameter("markedBy", m == null ? null : m.markedBy())
                .setParameter("publishedAt", p == null ? null : p.publishedAt().toString())
                .setParameter("publishedBy", p == null ? null : p.publishedBy());
    }

    @Override
    public Optional<EarlierUpload> claimKey(String caller, String key, String fingerprint) {
        // as the submissions' keys: wait up to 15 s for an unfinished first request, with a statement limit above it
        if (KeyClaims.claim(em, "document_upload_key", caller, key, fingerprint, DocumentStore::inProgress)) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT fingerprint, document_id FROM document_upload_key "
                        + "WHERE caller = :caller AND key = :key")
                .setParameter("caller", caller).setParameter("key", key).getSingleResult();
        if (row[1] == null) {
            throw inProgress();
        }
        return Optional.of(new EarlierUpload((String) row[0], (UUID) row[1]));
    }

    @Override
    public void completeKey(String caller, String key, UUID documentId) {
        em.createNativeQuery("UPDATE document_upload_key SET document_id = :doc WHERE caller = :caller AND key = :key")
                .setParameter("doc", documentId).setParameter("caller", caller).setParameter("key", key)
                .executeUpdate();
    }

    private static Conflict inProgress() {
        return new Conflict("idempotency-in-progress", "an upload with this Idempotency-Key is still being "
                + "processed; retry shortly to get its answer");
    }

    private static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static Document toDocument(Object[] r) {
        SecrecyMarking marking = r[19] == null ? null : new SecrecyMarking((String) r[19], instant(r[20]),
                (String) r[21]);
        Document.Publication publication = r[22] == null ? null : new Document.Publication(instant(r[22]),
                (String) r[23]);
        return new Document((UUID) r[0], new Owner((String) r[2], (UUID) r[3]),
                new DocumentNumber((String) r[4], ((Number) r[5]).intValue()), DocumentType.valueOf((String) r[6]),
                (String) r[7], Origin.valueOf((String) r[8]), (String) r[9], (String) r[10],
                ((Number) r[11]).longValue(), (String) r[12], ScanVerdict.Result.valueOf((String) r[13]),
                (String) r[14], (String) r[15], instant(r[16]), (UUID) r[17], (UUID) r[18], marking, publication,
                ((Number) r[24]).longValue());
    }
}
