package se.socialfund.application.port.in.event;

import java.util.List;

import se.socialfund.domain.event.ChangeEvent;

/** The change feed: what changed, in commit order, as far as the caller may see it. */
public interface EventFeedQuery {
    /** The CloudEvents {@code source} of the application events. */
    String SOURCE = "/api/v1/applications";

    /** The CloudEvents {@code sequence} extension: the feed position, zero-padded so that it sorts as text. */
    static String sequence(long sequence) {
        return String.format("%020d", sequence);
    }

    /**
     * The caller's events after the cursor (null: from the oldest kept), up to {@code limit}, of one type if given;
     * an expired page when events after the cursor have already been removed.
     */
    FeedPage read(Long after, int limit, String type);

    /**
     * The events and where to continue: after the last event read, or after everything the feed held. Expired: the
     * cursor lies before events the retention removed, so the reader must start again (no events are given).
     */
    record FeedPage(List<ChangeEvent> events, long cursor, boolean expired) {
        public FeedPage {
            events = List.copyOf(events);
        }
    }
}
