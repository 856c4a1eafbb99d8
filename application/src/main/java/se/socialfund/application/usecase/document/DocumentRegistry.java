package se.socialfund.application.usecase.document;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import se.socialfund.application.port.out.document.ContentStore;
import se.socialfund.application.port.out.document.DocumentRepository;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.document.DocumentNumber;
import se.socialfund.domain.document.DocumentType;
import se.socialfund.domain.document.Origin;
import se.socialfund.domain.document.Owner;
import se.socialfund.domain.document.ScanVerdict;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.RuleViolation;

/**
 * Registers a document in its case (diarieföring): stores the content, takes the case's next document number,
 * writes the document and marks the version it supersedes. What an upload and a document the service draws up
 * itself (the frozen decision memo) have in common; called inside the caller's transaction, after its checks.
 */
public final class DocumentRegistry {
    private final DocumentRepository documents;
    private final ContentStore contents;

    public DocumentRegistry(DocumentRepository documents, ContentStore contents) {
        this.documents = documents;
        this.contents = contents;
    }

    /**
     * A document to register.
     *
     * @param caseNumber       the case's registration number, the first part of the document number
     * @param supersedes       the document of the same case this one is a new version of, or null
     * @param secrecyProvision marks the document secret from the start, or null
     */
    public record Registration(Owner owner, String caseNumber, DocumentType type, String title, Origin origin,
                               String fileName, String mediaType, long size, String sha256,
                               ScanVerdict.Result scan, UUID supersedes, String secrecyProvision) {
    }

    /** Stores the content and registers the document, version 1; the superseded one is marked so. */
    public Document register(Registration r, Path content, Actor by, Instant at) {
        Document older = null;
        if (r.supersedes() != null) {
            older = documents.find(r.supersedes()).filter(d -> d.owner().equals(r.owner()))
                    .orElseThrow(() -> new RuleViolation("supersedes", "no document of this " + r.owner().type()
                            + " has this id"));
        }
        UUID id = UUID.randomUUID();
        if (older != null) {
            older = older.supersededBy(id);
        }
        contents.put(r.sha256(), content, r.size());
        // the counter row is locked from here to the commit: taken late, held briefly
        int sequence = documents.nextSequence(r.owner());
        Document d = Document.register(id, r.owner(), new DocumentNumber(r.caseNumber(), sequence), r.type(),
                r.title(), r.origin(), r.fileName(), r.mediaType(), r.size(), r.sha256(), r.scan(), by.subject(),
                by.name(), at, r.supersedes(), r.secrecyProvision());
        documents.add(d);
        if (older != null) {
            documents.update(older);
        }
        return d;
    }
}
