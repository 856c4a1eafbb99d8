package se.socialfund.domain.idea;

import java.time.Instant;

/**
 * One step in an idea's history, in the past tense: who took it, in which capacity, and what it moved. It never
 * carries the contact or any other content.
 *
 * @param detail a short fact of the step (the question's number, the sponsoring office, the application's number)
 */
public record IdeaEvent(String type, Instant at, String actorSubject, String actorName, String actorRole,
                        String actorOffice, IdeaStage stageBefore, IdeaStage stageAfter, long version, String detail) {
}
