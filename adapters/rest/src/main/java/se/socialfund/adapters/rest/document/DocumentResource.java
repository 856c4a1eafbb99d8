package se.socialfund.adapters.rest.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.HttpConventions;
import se.socialfund.adapters.rest.Ids;
import se.socialfund.adapters.rest.Paging;
import se.socialfund.adapters.rest.Preconditions;
import se.socialfund.adapters.rest.document.DocumentDtos.DocumentDto;
import se.socialfund.adapters.rest.document.DocumentDtos.MarkingRequest;
import se.socialfund.adapters.rest.document.DocumentDtos.UploadMetadata;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.adapters.rest.problem.PayloadTooLarge;
import se.socialfund.adapters.rest.problem.PreconditionRequired;
import se.socialfund.adapters.rest.problem.Problem;
import se.socialfund.application.port.in.document.DocumentUseCases.DocumentView;
import se.socialfund.application.port.in.document.DocumentUseCases.DownloadDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.MarkDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.PublishDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.UploadDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.ViewDocuments;
import se.socialfund.domain.document.Document;

/**
 * One document: its metadata, its content (streamed, with its SHA-256 as a strong ETag, and ranges), its secrecy
 * marking and its publication. The case's list and upload are in {@link CaseDocumentResource}.
 */
@Path("/api/v1/documents")
@Authenticated
public class DocumentResource {
    public static final String DOCUMENTS = "/api/v1/documents/";

    @Inject
    ViewDocuments views;

    @Inject
    DownloadDocument downloads;

    @Inject
    MarkDocument marking;

    @Inject
    PublishDocument publishing;

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        DocumentView view = views.get(documentId(id));
        return Response.ok(DocumentDto.of(view))
                .header(HttpHeaders.ETAG, Preconditions.etag(view.document().version())).build();
    }

    @POST
    @Path("/{id}/secrecy-marking")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response mark(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull MarkingRequest body) {
        UUID documentId = documentId(id);
        long expected = expectedVersion(ifMatch, () -> marking.checkMayMark(documentId));
        return changed(marking.mark(documentId, body.provision(), expected));
    }

    @POST
    @Path("/{id}/publication")
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID documentId = documentId(id);
        long expected = expectedVersion(ifMatch, () -> publishing.checkMayPublish(documentId, false));
        return changed(publishing.publish(documentId, expected));
    }

    @POST
    @Path("/{id}/publication-withdrawal")
    @Produces(MediaType.APPLICATION_JSON)
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID documentId = documentId(id);
        long expected = expectedVersion(ifMatch, () -> publishing.checkMayPublish(documentId, true));
        return changed(publishing.withdraw(documentId, expected));
    }

    /**
     * The version named by If-Match, judged after who may take the step: a missing (428) or unreadable (400)
     * If-Match is answered only to a caller who may take it; others get their 404 or 403 first (the refusal order
     * of the README, as for the application's steps).
     */
    private static long expectedVersion(String ifMatch, Runnable mayAct) {
        try {
            return Preconditions.expectedVersion(ifMatch);
        } catch (PreconditionRequired | BadParameter e) {
            mayAct.run();
            throw e;
        }
    }

    private static Response changed(DocumentView view) {
        return Response.ok(DocumentDto.of(view))
                .header(HttpHeaders.ETAG, Preconditions.etag(view.document().version())).build();
    }

    /**
     * The content, streamed: its SHA-256 is its strong ETag (If-None-Match answers 304), a single byte range answers
     * 206 (If-Range honoured), and the file is always an attachment that browsers must not sniff.
     */
    @GET
    @Path("/{id}/content")
    public Response content(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        UUID documentId = documentId(id);
        Document d = downloads.mayDownload(documentId);
        return ContentDownload.respond(new ContentDownload.Content(d.sha256(), d.size(), d.mediaType(), d.fileName(),
                        (offset, length) -> downloads.open(documentId, offset, length)), ifNoneMatch, range, ifRange,
                "private, no-cache", DOCUMENTS + id + "/content");
    }

    private static UUID documentId(String id) {
        return Ids.inPath(id, "document");
    }
}
