package se.socialfund.adapters.rest.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

import se.socialfund.adapters.rest.HttpConventions;
import se.socialfund.adapters.rest.Paging;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.adapters.rest.problem.Problem;
import se.socialfund.application.port.in.event.EventFeedQuery;
import se.socialfund.application.port.in.event.EventFeedQuery.FeedPage;
import se.socialfund.domain.event.ChangeEvent;

/**
 * The change feed: CloudEvents 1.0 in JSON, in commit order, scoped like the applications. {@code after} is the
 * {@code cursor} of the previous page (the {@code sequence} of the last event read, or the feed's position).
 */
@Path("/api/v1/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {
    static final String TYPE_PATTERN = se.socialfund.domain.webhook.WebhookEndpoint.TYPE_PATTERN;

    @Inject
    EventFeedQuery feed;

    public record EventData(UUID id, String registrationNumber, String stage, long version) {
    }

    public record CloudEvent(String specversion, UUID id, String source, String type, String subject, Instant time,
                             String datacontenttype, String sequence, EventData data) {
    }

    public record EventPage(List<CloudEvent> items, String cursor) {
    }

    @GET
    public EventPage list(@QueryParam("after") String after, @QueryParam("limit") String limit,
                          @QueryParam("type") String type) {
        if (type != null && !type.matches(TYPE_PATTERN)) {
            throw new BadParameter("type", "an event type such as se.socialfund.application.granted.v1");
        }
        FeedPage page = feed.read(cursor(after), Paging.limit(limit), type);
        if (page.expired()) {
            throw new CursorExpired("events after this cursor are older than the feed keeps; read the resources "
                    + "again and start without a cursor");
        }
        return new EventPage(page.events().stream().map(EventResource::dto).toList(),
                EventFeedQuery.sequence(page.cursor()));
    }

    static CloudEvent dto(ChangeEvent e) {
        return new CloudEvent("1.0", e.id(), EventFeedQuery.SOURCE, e.type(), e.subject(), e.time(),
                "application/json", EventFeedQuery.sequence(e.sequence()),
                new EventData(e.applicationId(), e.registrationNumber(), e.stage().name(), e.version()));
    }


    static Long cursor(String after) {
        if (after == null) {
            return null;
        }
        if (!after.matches("[0-9]{1,20}")) {
            throw new BadParameter("after", "the cursor of a page of this feed (digits), or none to start");
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new BadParameter("after", "the cursor of a page of this feed (digits), or none to start");
        }
    }

    /** The cursor lies before what the feed keeps (410). */
    static final class CursorExpired extends RuntimeException {
        CursorExpired(String message) {
            super(message, null, false, false);
        }
    }

    @ServerExceptionMapper
    public Response cursorExpired(CursorExpired e, HttpServerRequest request) {
        Problem p = new Problem("cursor-expired", "The cursor is too old", 410, e.getMessage());
        p.instance = request.path();
        p.requestId = request.getHeader(HttpConventions.REQUEST_ID);
        return p.response().build();
    }
}
