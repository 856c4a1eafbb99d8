package se.socialfund.application.port.in.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import se.socialfund.application.port.in.Page;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.document.DocumentType;
import se.socialfund.domain.document.Origin;

/** The documents of a case: upload, read, download, secrecy, publication. One use case each. */
public final class DocumentUseCases {
    private DocumentUseCases() {
    }

    /** A document as one caller sees it: whether this caller may download its content. */
    public record DocumentView(Document document, boolean contentReadable) {
    }

    /** Registers a file in an application's case: checked, scanned, numbered, stored, audited. */
    public interface UploadDocument {
        /**
         * @param fileName         the name the client gave the file (only for the download's name; never trusted
         *                         for its type), or null
         * @param secrecyProvision marks the document secret from the start, or null
         * @param supersedes       the document this one is a new version of, or null
         * @param idempotencyKey   makes a retry answer the first upload, or null
         */
        record Command(UUID applicationId, DocumentType type, String title, Origin origin, String fileName,
                       String secrecyProvision, UUID supersedes, String idempotencyKey) {
        }

        record Uploaded(DocumentView view, boolean replayed) {
        }

        /**
         * Checks who may upload before the content is read, then reads the content once (to a spool file, hashing it
         * on the way), detects its type, scans it, and stores and registers it in one transaction.
         *
         * @throws IOException when reading the content fails (e.g. the body grew past its limit)
         */
        Uploaded upload(Command command, InputStream content) throws IOException;

        /**
         * Checks, without reading any content, that the caller may upload to this application (404 for another
         * office's, 403 for a role without the right); the refusal is audited.
         */
        void checkMayUpload(UUID applicationId);
    }

    /** Reading documents: the list of a case, one document's metadata. */
    public interface ViewDocuments {
        Page<DocumentView> list(UUID applicationId, int limit, Long after);

        /** The documents of an application period's board matter (its frozen decision memos). */
        Page<DocumentView> listOfPeriod(UUID periodId, int limit, Long after);

        DocumentView get(UUID documentId);
    }

    /** The content of a document, for those who may read it; every download is audited with the SHA-256. */
    public interface DownloadDocument {
        /** The document, if the caller may read its content (404, or 403 for marked content); nothing audited. */
        Document mayDownload(UUID documentId);

        /** Audits the download and opens the slice of the content. */
        InputStream open(UUID documentId, long offset, long length);
    }

    /** Secrecy marking (sekretessmarkering) by the case's offices or a fund officer. */
    public interface MarkDocument {
        DocumentView mark(UUID documentId, String provision, long expectedVersion);

        /**
         * Checks, before the request's If-Match is judged, that the caller may mark this document (404 for another
         * office's, 403 for a role without the right); the refusal is audited.
         */
        void checkMayMark(UUID documentId);
    }

    /** Publication on the fund's public page, by a fund officer: only unmarked PDFs. */
    public interface PublishDocument {
        DocumentView publish(UUID documentId, long expectedVersion);

        DocumentView withdraw(UUID documentId, long expectedVersion);

        /**
         * Checks, before the request's If-Match is judged, that the caller may publish or withdraw this document (404
         * for another office's, 403 for anyone but a fund officer); the refusal is audited as {@code action}.
         *
         * @param withdrawal whether the step is the withdrawal (for the audit event's action)
         */
        void checkMayPublish(UUID documentId, boolean withdrawal);
    }

    /** For the public page: an application's published documents (never a marked one), without sign-in. */
    public interface PublishedDocuments {
        List<Document> publishedOf(UUID applicationId);
    }
}
