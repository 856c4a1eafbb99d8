package se.socialfund.adapters.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
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

/**
 * The HTTP conventions that hold before a request reaches a resource: every request has a request id (the client's,
 * if well-formed, or a new one), echoed in the response; a body over the limit is refused with a problem before it
 * is read; API responses are not cached.
 */
@ApplicationScoped
public class HttpConventions {
    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ConfigProperty(name = "socialfund.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    void register(@Observes Filters filters) {
        filters.register(this::requestId, 1000);
        filters.register(this::bodyLimit, 900);
    }

    void failures(@Observes Router router) {
        // a body that grows past the limit while being read (no Content-Length) ends here
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().headWritten()) {
                tooLarge(rc);
            } else {
                rc.next();
            }
        });
    }

    private void requestId(RoutingContext rc) {
        String id = rc.request().getHeader(REQUEST_ID);
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            rc.request().headers().set(REQUEST_ID, id);
        }
        rc.response().putHeader(REQUEST_ID, id);
        if (rc.request().path().startsWith("/api/")) {
            rc.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        rc.next();
    }

    private void bodyLimit(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    tooLarge(rc);
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
     */
    @ServerRequestFilter
    public void limitUnsizedBody(ContainerRequestContext request) {
        String method = request.getMethod();
        if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
                && request.getHeaderString(HttpHeaders.CONTENT_LENGTH.toString()) == null) {
            request.setEntityStream(new LimitedBody(request.getEntityStream(), maxBodyBytes));
        }
    }

    /** Reads a body up to a limit; one byte more and the read fails with {@link PayloadTooLarge}. */
    static final class LimitedBody extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedBody(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLarge {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge("the body exceeds the limit of " + limit + " bytes");
            }
        }
    }

    private void tooLarge(RoutingContext rc) {
        Problem problem = new Problem("payload-too-large", "Request body too large", 413,
                "the body exceeds the limit of " + maxBodyBytes + " bytes");
        problem.instance = rc.request().path();
        problem.requestId = rc.request().getHeader(REQUEST_ID);
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(problem));
    }
}
