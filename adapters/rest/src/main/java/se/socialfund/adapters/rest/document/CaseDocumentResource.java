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
import se.socialfund.adapters.rest.problem.Problem;
import se.socialfund.application.port.in.document.DocumentUseCases.DocumentView;
import se.socialfund.application.port.in.document.DocumentUseCases.DownloadDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.MarkDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.PublishDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.UploadDocument;
import se.socialfund.application.port.in.document.DocumentUseCases.ViewDocuments;
import se.socialfund.domain.document.Document;

/**
 * The documents of one application's case: the upload, read as a stream part by part (the metadata first, so that
 * who may upload is decided before the file is read), and the list. Under the applications' root path, as the
 * other resources of one application, so that the router answers a wrong method with 405.
 */
@Path("/api/v1/applications")
@Authenticated
public class CaseDocumentResource {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,128}");
    private static final int MAX_METADATA = 16 * 1024;

    @Inject
    UploadDocument uploads;

    @Inject
    ViewDocuments views;

    @Inject
    ObjectMapper mapper;

    @Inject
    HttpConventions http;

    @POST
    @Path("/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        MultipartReader parts = null;
        try {
            UUID applicationId = applicationId(id);
            if (key != null && !KEY.matcher(key).matches()) {
                throw new BadParameter("Idempotency-Key", "8 to 128 visible ASCII characters, e.g. a UUID");
            }
            parts = new MultipartReader(body, contentType);
            MultipartReader.Part first = parts.next();
            if (first == null || !first.name().equals("metadata")) {
                throw new BadParameter("metadata", "the first part must be the JSON part named metadata, the file "
                        + "the second, named file");
            }
            UploadMetadata metadata = metadata(first.body());
            // who may upload is decided before the file is read
            uploads.checkMayUpload(applicationId);
            MultipartReader.Part file = parts.next();
            if (file == null || !file.name().equals("file")) {
                throw new BadParameter("file", "the second part must be the file, named file");
            }
            UploadDocument.Uploaded uploaded = uploads.upload(new UploadDocument.Command(applicationId,
                    metadata.type(), metadata.title(), metadata.origin(), file.fileName(),
                    metadata.secrecyProvision(), metadata.supersedes(), key),
                    new FileLimit(file.body(), http.maxFileBytes()));
            parts.drain();
            Document d = uploaded.view().document();
            Response.ResponseBuilder response = Response.created(URI.create(DocumentResource.DOCUMENTS + d.id()))
                    .header(HttpHeaders.ETAG, Preconditions.etag(d.version()))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(DocumentDto.of(uploaded.view()));
            if (uploaded.replayed()) {
                response.header("Idempotent-Replayed", "true");
            }
            return response.build();
        } catch (RuntimeException | IOException e) {
            drain(parts, body);
            throw e;
        }
    }

    /**
     * What a refused upload left unread is read and discarded, up to the upload's body limit, so that the client
     * reads the answer instead of a reset connection; past the limit the connection is closed after the answer.
     */
    private static void drain(MultipartReader parts, InputStream body) {
        try {
            if (parts != null) {
                parts.drain();
            } else {
                body.transferTo(OutputStreamSink.INSTANCE);
            }
        } catch (IOException | RuntimeException e) {
            // over the limit (the connection closes after the answer) or gone: nothing more to read
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    private UploadMetadata metadata(InputStream part) throws IOException {
        byte[] json = part.readNBytes(MAX_METADATA + 1);
        if (json.length > MAX_METADATA) {
            throw new BadParameter("metadata", "the metadata part is at most " + MAX_METADATA + " bytes");
        }
        UploadMetadata metadata = mapper.readValue(json, UploadMetadata.class);
        if (metadata == null) {
            throw new BadParameter("metadata", "the metadata part must be a JSON object");
        }
        return metadata;
    }

    /** The file part, refused one byte over the limit: answered 413. */
    static final class FileLimit extends FilterInputStream {
        private final long limit;
        private long read;

        FileLimit(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new PayloadTooLarge("the file exceeds the limit of " + limit + " bytes");
                }
            }
            return n;
        }
    }

    @GET
    @Path("/{id}/documents")
    @Produces(MediaType.APPLICATION_JSON)
    public PageDto<DocumentDto> list(@PathParam("id") String id, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        var page = views.list(applicationId(id), Paging.limit(limit), Paging.after(cursor));
        return new PageDto<>(page.items().stream().map(DocumentDto::of).toList(), Paging.cursor(page.after()));
    }


    static UUID applicationId(String id) {
        return Ids.inPath(id, "application");
    }
}
