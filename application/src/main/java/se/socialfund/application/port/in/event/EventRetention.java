package se.socialfund.application.port.in.event;

/** Keeps the feed to its retention period; run by the service's own scheduler, not by a caller. */
public interface EventRetention {
    /** Removes events older than the retention period; answers how many. */
    int purgeExpired();
}
