package se.socialfund.application.usecase.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import se.socialfund.application.port.in.document.DocumentUseCases.DocumentView;
import se.socialfund.application.port.in.document.DocumentUseCases.DownloadDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.MarkDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.PublishDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.PublishedDocuments;
import se.socialfund.application.port.in.document.DocumentUseCases.UploadDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.ViewDocuments;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.board.PeriodCases;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.StoreUnavailable;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.port.out.document.ContentDetector;
import se.socialfund.application.port.out.document.ContentStore;
import se.socialfund.application.port.out.document.DocumentRepository;
import se.socialfund.application.port.in.document.UnsupportedContent;
import se.socialfund.application.port.out.document.VirusScanner;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.AuditedChanges.Subject;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.document.DocumentDraft;
import se.socialfund.domain.document.MediaTypes;
import se.socialfund.domain.document.Owner;
import se.socialfund.domain.document.ScanVerdict;
import se.socialfund.domain.document.SecrecyMarking;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.Violations;

/**
 * The documents of a case. Who may do what: the case's offices (applicants and office heads of any of the
 * application's offices) and fund officers upload and mark; fund officers publish; everyone who may read the
 * application reads the metadata, and the content unless it is marked secret, when only the case's offices and fund
 * officers get it. Another office's application, and its documents, are answered as not found.
 *
 * <p>The owner is generic (type and id). Applications own documents, and so do application periods: the period's
 * board matter holds its frozen decision memos, read by the memo's readers (fund officers, auditors, scientific
 * advisors; 403 for the others, as the memo), with fund officers as its case staff. An outcomes contract or an idea
 * becomes an owner by answering {@link #caseOf} for its type.
 */
public final class DocumentService implements UploadDocument, ViewDocuments, DownloadDocument, MarkDocument,
        PublishDocument, PublishedDocuments {
    private static final Set<Role> CASE_STAFF = Set.of(Role.APPLICANT, Role.OFFICE_HEAD);
    /** Who reads a period's documents: the decision memo's readers. */
    private static final Set<Role> PERIOD_READERS = Set.of(Role.FUND_OFFICER, Role.AUDITOR, Role.SCIENTIFIC_ADVISOR);

    private final AuditedChanges changes;
    private final UnitOfWork unitOfWork;
    private final ApplicationRepository applications;
    private final ApplicationPeriods periods;
    private final PeriodCases periodCases;
    private final DocumentRepository documents;
    private final DocumentRegistry registry;
    private final ContentStore contents;
    private final ContentDetector detector;
    private final VirusScanner scanner;
    private final Path spoolDirectory;
    /**
     * Uploads that may store their content at once. Storing 25 MiB holds a database connection for a while; past
     * this many, uploads wait here for their turn instead of taking the pool from every other request.
     */
    private final Semaphore storing;

    public DocumentService(AuditedChanges changes, UnitOfWork unitOfWork, ApplicationRepository applications,
                           ApplicationPeriods periods, PeriodCases periodCases, DocumentRepository documents,
                           ContentStore contents, ContentDetector detector, VirusScanner scanner, Path spoolDirectory,
                           int concurrentStores) {
        this.storing = new Semaphore(concurrentStores, true);
        this.changes = changes;
        this.unitOfWork = unitOfWork;
        this.applications = applications;
        this.periods = periods;
        this.periodCases = periodCases;
        this.documents = documents;
        this.registry = new DocumentRegistry(documents, contents);
        this.contents = contents;
        this.detector = detector;
        this.scanner = scanner;
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * The case a document owner stands for: its number (null for a period not yet numbered), and who belongs to
     * it: an application's offices, or for a period its fund officers.
     */
    private record Case(Owner owner, String number, Long version, List<String> offices, Application application) {
        boolean isVisibleTo(Actor actor) {
            return application == null || application.isVisibleTo(actor);
        }

        /** Staff of one of the case's offices, or a fund officer. */
        boolean isCaseStaff(Actor actor) {
            return actor.has(Role.FUND_OFFICER)
                    || actor.hasAny(CASE_STAFF) && offices.stream().anyMatch(actor::belongsTo);
        }
    }

    /** The owner's case, visible to the actor (404 otherwise, audited as denied for another office's). */
    private Case caseOf(Owner owner, Actor actor, Subject subject) {
        return caseOf(owner, actor, subject, true);
    }

    /** @param describe whether the case is what the audit event is about (not when a document is) */
    private Case caseOf(Owner owner, Actor actor, Subject subject, boolean describe) {
        if (Owner.APPLICATION_PERIOD.equals(owner.type())) {
            return periodCase(owner, actor, subject, describe);
        }
        if (!Owner.APPLICATION.equals(owner.type())) {
            throw new NotFound(owner.type() + " " + owner.id());
        }
        Application app = applications.find(owner.id()).orElseThrow(() -> new NotFound("application " + owner.id()));
        Case c = new Case(owner, app.registrationNumber().toString(), app.version(), app.offices(), app);
        if (describe) {
            subject.object("application", owner.id(), c.number(), c.version());
        }
        if (!c.isVisibleTo(actor)) {
            throw subject.conceal(describe ? "application " + owner.id() : "document");
        }
        return c;
    }

    /** A period's board matter: every period is visible, its documents are for the memo's readers (403). */
    private Case periodCase(Owner owner, Actor actor, Subject subject, boolean describe) {
        periods.find(owner.id()).orElseThrow(() -> new NotFound("application period " + owner.id()));
        Case c = new Case(owner, periodCases.numberOf(owner.id()).orElse(null), null, List.of(), null);
        if (describe) {
            subject.object(Owner.APPLICATION_PERIOD, owner.id(), c.number(), null);
        }
        if (!actor.hasAny(PERIOD_READERS)) {
            throw new AccessDenied("a period's documents (its decision memos) are read by fund officers, auditors "
                    + "and scientific advisors");
        }
        return c;
    }

    /** A document and its case, both visible to the actor. */
    private record Found(Document document, Case owner) {
    }

    private Found document(UUID id, Actor actor, Subject subject) {
        Document d = documents.find(id).orElseThrow(() -> new NotFound("document " + id));
        subject.object("document", id, d.number().caseNumber(), d.version()).contentSha256(d.sha256());
        Case c = caseOf(d.owner(), actor, subject, false);
        return new Found(d, c);
    }

    private static DocumentView view(Document d, Case c, Actor actor) {
        return new DocumentView(d, !d.isMarked() || c.isCaseStaff(actor));
    }

    // ---- upload --------------------------------------------------------------------------------------------------

    @Override
    public void checkMayUpload(UUID applicationId) {
        changes.read("uploadDocument", (caller, subject) -> {
            mayUpload(caseOf(Owner.application(applicationId), caller.actor(), subject), caller.actor());
            return null;
        });
    }

    private static void mayUpload(Case c, Actor actor) {
        if (!c.isCaseStaff(actor)) {
            throw new AccessDenied("documents are registered by the application's offices (applicant, office-head) "
                    + "and fund officers");
        }
    }

    @Override
    public Uploaded upload(Command command, InputStream content) throws IOException {
        checkMayUpload(command.applicationId());
        Violations violations = new Violations();
        new DocumentDraft(command.type(), command.title(), command.origin(), command.secrecyProvision())
                .validate(violations);
        violations.throwIfAny("the document's metadata breaks the rules");
        Path spool = Files.createTempFile(Files.createDirectories(spoolDirectory), "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size;
            try (OutputStream out = Files.newOutputStream(spool)) {
                size = copy(content, out, sha);
            }
            if (size == 0) {
                throw new RuleViolation("file", "the file is empty");
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            String mediaType = detector.detect(spool);
            if (!MediaTypes.accepted(mediaType)) {
                throw new UnsupportedContent(mediaType);
            }
            ScanVerdict verdict = scanner.scan(spool);
            if (verdict.flagged()) {
                throw new RuleViolation("file", "the virus scanner flagged the file (" + verdict.finding()
                        + "); nothing was stored");
            }
            String fingerprint = fingerprint(command, sha256);
            try {
                if (!storing.tryAcquire(STORE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new StoreUnavailable("too many uploads are being stored; nothing was stored", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailable("interrupted while waiting to store the upload", e);
            }
            try {
                return store(command, spool, size, sha256, mediaType, verdict, fingerprint);
            } finally {
                storing.release();
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** How long an upload waits for its turn to store. */
    static final long STORE_WAIT_SECONDS = 120;

    private Uploaded store(Command command, Path spool, long size, String sha256, String mediaType,
                           ScanVerdict verdict, String fingerprint) {
        return changes.run("uploadDocument", (caller, subject) -> {
            Actor actor = caller.actor();
            Case c = caseOf(Owner.application(command.applicationId()), actor, subject);
            mayUpload(c, actor);
            String key = command.idempotencyKey();
            if (key != null) {
                Optional<DocumentRepository.EarlierUpload> earlier =
                        documents.claimKey(actor.subject(), key, fingerprint);
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(fingerprint)) {
                        throw new RuleViolation("Idempotency-Key", "this Idempotency-Key was used with another "
                                + "upload; use a new key for a new upload");
                    }
                    subject.changedNothing();
                    Document first = documents.find(earlier.get().documentId()).orElseThrow();
                    return new Uploaded(view(first, c, actor), true);
                }
            }
            Document d = registry.register(new DocumentRegistry.Registration(c.owner(), c.number(), command.type(),
                    command.title().strip(), command.origin(),
                    downloadName(command.fileName(), command.title(), mediaType), mediaType, size, sha256,
                    verdict.result(), command.supersedes(), command.secrecyProvision()), spool, actor, subject.at());
            UUID id = d.id();
            if (key != null) {
                documents.completeKey(actor.subject(), key, id);
            }
            subject.object("document", id, c.number(), null).versionAfter(1).contentSha256(sha256);
            return new Uploaded(view(d, c, actor), false);
        });
    }

    /** Reads the whole stream once, hashing it on the way; never more than a buffer in memory. */
    static long copy(InputStream in, OutputStream out, MessageDigest sha) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /** What makes two uploads the same: every field of the request and the content's hash. */
    static String fingerprint(Command c, String sha256) {
        MessageDigest sha = sha256();
        for (Object part : new Object[] {c.applicationId(), c.type(), c.title(), c.origin(), c.fileName(),
                c.secrecyProvision(), c.supersedes(), sha256}) {
            String text = part == null ? "" : part.toString();
            sha.update((text.length() + ":" + text + "|").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The name the file is downloaded under: the client's name without any directory, control or reserved
     * characters, or the title, always with the extension of the detected type.
     */
    static String downloadName(String fileName, String title, String mediaType) {
        String base = fileName == null || fileName.isBlank() ? title : fileName;
        base = base.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}\"*:<>?|]", "_").strip();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        if (base.isBlank() || base.matches("\\.+")) {
            base = "document";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        return base + "." + MediaTypes.EXTENSIONS.get(mediaType);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    @Override
    public Page<DocumentView> list(UUID applicationId, int limit, Long after) {
        return changes.read("listDocuments", (caller, subject) -> {
            Case c = caseOf(Owner.application(applicationId), caller.actor(), subject);
            return documents.ofOwner(c.owner(), limit, after).map(d -> view(d, c, caller.actor()));
        });
    }

    @Override
    public Page<DocumentView> listOfPeriod(UUID periodId, int limit, Long after) {
        return changes.read("listPeriodDocuments", (caller, subject) -> {
            Case c = caseOf(Owner.applicationPeriod(periodId), caller.actor(), subject);
            return documents.ofOwner(c.owner(), limit, after).map(d -> view(d, c, caller.actor()));
        });
    }

    @Override
    public DocumentView get(UUID documentId) {
        return changes.read("getDocument", (caller, subject) -> {
            Found f = document(documentId, caller.actor(), subject);
            return view(f.document(), f.owner(), caller.actor());
        });
    }

    @Override
    public Document mayDownload(UUID documentId) {
        return changes.read("downloadDocument", (caller, subject) -> readable(documentId, caller.actor(), subject));
    }

    private Document readable(UUID documentId, Actor actor, Subject subject) {
        Found f = document(documentId, actor, subject);
        if (f.document().isMarked() && !f.owner().isCaseStaff(actor)) {
            throw new AccessDenied("the document is marked secret (" + f.document().marking().provision()
                    + "): its content is for the application's offices and fund officers");
        }
        return f.document();
    }

    @Override
    public InputStream open(UUID documentId, long offset, long length) {
        return changes.run("downloadDocument", (caller, subject) -> {
            Document d = readable(documentId, caller.actor(), subject);
            subject.versionAfter(d.version());
            if (offset < 0 || length < 0 || offset + length > d.size()) {
                throw new IllegalArgumentException("a slice outside the content");
            }
            return contents.open(d.sha256(), offset, length);
        });
    }

    // ---- secrecy and publication -------------------------------------------------------------------------------------

    @Override
    public void checkMayMark(UUID documentId) {
        changes.read("markDocument", (caller, subject) -> {
            mayMark(document(documentId, caller.actor(), subject), caller.actor());
            return null;
        });
    }

    private static void mayMark(Found f, Actor actor) {
        if (!f.owner().isCaseStaff(actor)) {
            throw new AccessDenied("documents are marked by the application's offices and fund officers");
        }
    }

    @Override
    public DocumentView mark(UUID documentId, String provision, long expectedVersion) {
        return changes.run("markDocument", (caller, subject) -> {
            Actor actor = caller.actor();
            Found f = document(documentId, actor, subject);
            mayMark(f, actor);
            Violations violations = new Violations();
            SecrecyMarking.validateProvision(provision, "provision", violations);
            violations.throwIfAny("the secrecy marking breaks the rules");
            Document marked = f.document().mark(provision.strip(), subject.at(), actor.subject(), expectedVersion);
            documents.update(marked);
            subject.versionAfter(marked.version());
            return view(marked, f.owner(), actor);
        });
    }

    @Override
    public void checkMayPublish(UUID documentId, boolean withdrawal) {
        changes.read(withdrawal ? "withdrawDocumentPublication" : "publishDocument", (caller, subject) -> {
            document(documentId, caller.actor(), subject);
            requireFundOfficer(caller.actor());
            return null;
        });
    }

    @Override
    public DocumentView publish(UUID documentId, long expectedVersion) {
        return changes.run("publishDocument", (caller, subject) -> {
            Actor actor = caller.actor();
            Found f = document(documentId, actor, subject);
            requireFundOfficer(actor);
            Document published = f.document().publish(subject.at(), actor.subject(), expectedVersion);
            documents.update(published);
            subject.versionAfter(published.version());
            return view(published, f.owner(), actor);
        });
    }

    @Override
    public DocumentView withdraw(UUID documentId, long expectedVersion) {
        return changes.run("withdrawDocumentPublication", (caller, subject) -> {
            Actor actor = caller.actor();
            Found f = document(documentId, actor, subject);
            requireFundOfficer(actor);
            Document withdrawn = f.document().withdrawPublication(expectedVersion);
            documents.update(withdrawn);
            subject.versionAfter(withdrawn.version());
            return view(withdrawn, f.owner(), actor);
        });
    }

    private static void requireFundOfficer(Actor actor) {
        if (!actor.has(Role.FUND_OFFICER)) {
            throw new AccessDenied("documents are published and withdrawn by fund officers");
        }
    }

    @Override
    public List<Document> publishedOf(UUID applicationId) {
        return unitOfWork.reading(() -> documents.publishedOf(Owner.application(applicationId)).stream()
                .filter(d -> !d.isMarked()).toList());
    }
}
