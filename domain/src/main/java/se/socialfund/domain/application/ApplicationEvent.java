package se.socialfund.domain.application;

import java.time.Instant;
import java.util.Map;

/**
 * One entry in an application's history: what happened, when, by whom (staff or client, never a participant), and
 * the stage and version it left the application in.
 *
 * @param details a few facts about the step (an outcome, an amount, a revision number); no free text
 */
public record ApplicationEvent(EventType type, Instant at, String actorSubject, String actorName, String actorRole,
                               String actorOffice, Stage stageBefore, Stage stageAfter, long version,
                               Map<String, String> details) {
    public ApplicationEvent {
        details = Map.copyOf(details);
    }
}
