package se.socialfund.adapters.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import se.socialfund.adapters.rest.problem.PayloadTooLarge;
import se.socialfund.adapters.rest.problem.Problem;
import se.socialfund.domain.audit.RequestIds;

/**
 * The HTTP conventions that hold before a request reaches a resource: every request has a request id (the client's,
 * if well-formed, or a new one), echoed in the response; a body over the limit is refused with a problem before it
 * is read; API responses are not cached.
 */
@ApplicationScoped
public class HttpConventions {
    public static final String REQUEST_ID = "X-Request-Id";

    @ConfigProperty(name = "socialfund.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /** The one path that takes files (multipart), with its own, larger limit. */
    static final Pattern UPLOAD_PATH = Pattern.compile("/api/v1/applications/[^/]+/documents/?");

    /** A document's file may be this large; the metadata and the multipart framing get {@link #UPLOAD_FRAMING}. */
    @ConfigProperty(name = "socialfund.documents.max-file-bytes", defaultValue = "26214400")
    long maxFileBytes;

    /** What an upload's body may carry besides the file: the metadata part (at most 16 KiB) and the framing. */
    public static final long UPLOAD_FRAMING = 64 * 1024;

    /** The body limit of this request: the upload path's, or the JSON limit of every other. */
    private long limitOf(String method, String path) {
        return "POST".equals(method) && UPLOAD_PATH.matcher(path).matches() ? maxFileBytes + UPLOAD_FRAMING
                : maxBodyBytes;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::requestId, 1000);
        filters.register(this::bodyLimit, 900);
    }

    void failures(@Observes Router router) {
        // a body that grows past the limit while being read (no Content-Length) ends here
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().headWritten()) {
                tooLarge(rc, limitOf(rc.request().method().name(), rc.request().path()));
            } else {
                rc.next();
            }
        });
    }

    private void requestId(RoutingContext rc) {
        String id = rc.request().getHeader(REQUEST_ID);
        if (!RequestIds.isWellFormed(id)) {
            id = newRequestId();
            rc.request().headers().set(REQUEST_ID, id);
        }
        rc.response().putHeader(REQUEST_ID, id);
        if (rc.request().path().startsWith("/api/")) {
            // unless the answer says otherwise (a download, the public reads): set when the headers are written, so
            // that an answer's own Cache-Control is the only one it carries
            rc.addHeadersEndHandler(v -> {
                if (!rc.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    rc.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
        rc.next();
    }

    /**
     * A new request id: a random (version 4) UUID. It names a request and grants nothing (nothing is keyed by it or
     * trusts it; a client may send any well-formed id of its own), so it need not be unguessable: it is drawn from the
     * thread's own generator instead of {@link UUID#randomUUID()}, whose SecureRandom every thread shares behind one
     * lock and which reads the kernel's pool, on every request that comes without an id.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62); // the IETF variant
        return new UUID(high, low).toString();
    }

    private void bodyLimit(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                long limit = limitOf(rc.request().method().name(), rc.request().path());
                if (Long.parseLong(length.trim()) > limit) {
                    tooLarge(rc, limit);
                    return;
                }
            } catch (NumberFormatException e) {
                // Vert.x refuses a malformed Content-Length itself
            }
        }
        rc.next();
    }

    /**
     * A body sent without a Content-Length (chunked) is counted as it is read, and refused as a problem at the same
     * limit: the HTTP layer's own hard stop (quarkus.http.limits.max-body-size) would answer without one.
     * Taking the entity stream here makes the body a blocking read: every resource method that takes a body runs on a
     * worker thread (none is non-blocking), and one that did not would need the limit on its own stream instead.
     */
    @ServerRequestFilter
    public void limitUnsizedBody(ContainerRequestContext request, RoutingContext rc) {
        String method = request.getMethod();
        boolean upload = "POST".equals(method) && UPLOAD_PATH.matcher(rc.request().path()).matches();
        // an upload is always counted (its resource reads its parts as a stream, and drains what it refuses)
        if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
                && (upload || request.getHeaderString(HttpHeaders.CONTENT_LENGTH.toString()) == null)) {
            // the rest of a refused body is never read: the connection closes once the answer is written (a
            // Connection: close header alone tells the client, but does not make the server close it)
            request.setEntityStream(new LimitedBody(request.getEntityStream(), limitOf(method, rc.request().path()),
                    () -> rc.addEndHandler(done -> rc.request().connection().close())));
        }
    }

    /**
     * Reads a body up to a limit; one byte more and the read fails with {@link PayloadTooLarge}. Once over the limit
     * it reads nothing more, not even when closed: the underlying stream would otherwise drain the rest of the body
     * (as long as the client keeps sending) before the 413 goes out. The connection is closed after the answer.
     */
    public static final class LimitedBody extends FilterInputStream {
        private final long limit;
        private final Runnable whenExceeded;
        private long read;
        private boolean exceeded;

        public LimitedBody(InputStream in, long limit, Runnable whenExceeded) {
            super(in);
            this.limit = limit;
            this.whenExceeded = whenExceeded;
        }

        @Override
        public int read() throws IOException {
            refuseWhenExceeded();
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            refuseWhenExceeded();
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        /** Skipped bytes are read, so that they count. */
        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int got = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
            return Math.max(got, 0);
        }

        @Override
        public void close() throws IOException {
            if (!exceeded) {
                super.close();
            }
        }

        private void refuseWhenExceeded() throws PayloadTooLarge {
            if (exceeded) {
                throw tooLarge();
            }
        }

        private void count(int n) throws PayloadTooLarge {
            read += n;
            if (read > limit) {
                exceeded = true;
                whenExceeded.run();
                throw tooLarge();
            }
        }

        private PayloadTooLarge tooLarge() {
            return new PayloadTooLarge("the body exceeds the limit of " + limit + " bytes");
        }
    }

    private void tooLarge(RoutingContext rc, long limit) {
        Problem problem = new Problem("payload-too-large", "Request body too large", 413,
                "the body exceeds the limit of " + limit + " bytes");
        problem.instance = rc.request().path();
        problem.requestId = rc.request().getHeader(REQUEST_ID);
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(problem));
    }
}
