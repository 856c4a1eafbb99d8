package se.socialfund.adapters.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

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

    private void tooLarge(RoutingContext rc) {
        Problem problem = new Problem("payload-too-large", "Request body too large", 413,
                "the body exceeds the limit of " + maxBodyBytes + " bytes");
        problem.instance = rc.request().path();
        problem.requestId = rc.request().getHeader(REQUEST_ID);
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(problem));
    }
}
