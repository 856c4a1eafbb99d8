package se.socialfund.domain.application;

import java.time.Instant;

/**
 * One version of the application's content. Revision 1 is what was submitted; each completion adds the next.
 * Revisions are never changed or removed.
 *
 * @param answersCompletionRequest the completion request this revision answers, or null for the first
 */
public record Revision(int number, ApplicationContent content, Instant submittedAt, String submittedBy,
                       Integer answersCompletionRequest) {
}
