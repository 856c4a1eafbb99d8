package se.socialfund.domain.application;

import java.time.Instant;
import java.util.List;

/**
 * Komplettering: the officer's questions to the office. Answered by the revision whose number is recorded here.
 */
public record CompletionRequest(int number, List<String> questions, Instant requestedAt, String requestedBy,
                                Integer answeredByRevision) {
    public CompletionRequest {
        questions = List.copyOf(questions);
    }

    public boolean isOpen() {
        return answeredByRevision == null;
    }

    CompletionRequest answeredBy(int revision) {
        return new CompletionRequest(number, questions, requestedAt, requestedBy, revision);
    }
}
