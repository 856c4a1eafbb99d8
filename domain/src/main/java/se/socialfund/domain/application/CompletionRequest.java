package se.socialfund.domain.application;

import java.time.Instant;
import java.util.List;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * Komplettering: the officer's questions to the office. Answered by the revision whose number is recorded here.
 */
public record CompletionRequest(int number, List<String> questions, Instant requestedAt, String requestedBy,
                                Integer answeredByRevision) {
    public CompletionRequest {
        questions = List.copyOf(questions);
    }

    /** The questions asked. */
    public record Draft(List<String> questions) {
        void validate(Violations v) {
            v.requireTexts(questions, 1, Limits.FEW, "questions", Limits.SHORT_TEXT);
        }
    }

    public boolean isOpen() {
        return answeredByRevision == null;
    }

    CompletionRequest answeredBy(int revision) {
        return new CompletionRequest(number, questions, requestedAt, requestedBy, revision);
    }
}
