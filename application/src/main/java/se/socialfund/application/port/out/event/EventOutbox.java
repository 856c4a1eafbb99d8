package se.socialfund.application.port.out.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.application.Stage;
import se.socialfund.domain.event.ChangeEvent;

/**
 * The event feed's outbox: change events written in the change's own transaction, read in commit order. Events are
 * removed after the retention period, oldest first, so what is kept is always an unbroken tail of the feed.
 */
public interface EventOutbox {
    /** Stores the event in the current transaction; its sequence must already be fixed (see the README). */
    void append(ChangeEvent event);

    /**
     * What an event about the application says and whom it concerns, as the current transaction sees it: one
     * small read by key, since it runs inside the change's transaction, while its locks (the fund's row, say) are
     * held.
     */
    Optional<ApplicationFacts> facts(UUID applicationId);

    record ApplicationFacts(UUID id, String registrationNumber, Stage stage, long version, List<String> offices,
                            String submittedBy) {
        public ApplicationFacts {
            offices = List.copyOf(offices);
        }
    }

    /**
     * Who may see which events: every event ({@link #ALL}), or those of an office's applications and those a
     * client submitted (either may be null).
     */
    record Scope(boolean all, String office, String submitter) {
        public static final Scope ALL = new Scope(true, null, null);
    }

    /**
     * Up to {@code limit} events after the sequence, oldest first, in the scope and of the type (null: any).
     * {@code head} is the newest sequence of the feed in the same snapshot: every event up to it is committed and
     * visible, so a reader that read them all may continue after it.
     */
    Slice read(long after, int limit, Scope scope, String type);

    record Slice(List<ChangeEvent> events, long head) {
        public Slice {
            events = List.copyOf(events);
        }
    }

    /** The newest sequence removed by retention, 0 if none: a reader behind it may have missed events. */
    long purgedThrough();

    /** Removes the events older than {@code keepFrom} that precede every younger one; answers how many. */
    int purgeBefore(Instant keepFrom, int atMost);
}
