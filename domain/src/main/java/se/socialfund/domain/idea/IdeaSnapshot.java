package se.socialfund.domain.idea;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.idea.IdeaContent.Organisation;

/**
 * An idea's whole state as immutable data, replaced by each step.
 *
 * @param registrationNumber from the same series as applications (KS YYYY/NNNN)
 * @param submittedBy        the token subject that sent it (the form client, or the fund officer who registered it)
 * @param screeningSince     when screening began (its deadline counts from it), or null
 * @param questions          the fund officer's questions in screening, each with its answer once given
 */
public record IdeaSnapshot(UUID id, RegistrationNumber registrationNumber, IdeaStage stage, long version,
                           Instant receivedAt, Instant updatedAt, String submittedBy, IdeaContent content,
                           Instant screeningSince, List<Question> questions, Sponsorship sponsorship,
                           Decline decline, Withdrawal withdrawal, Conversion conversion) {
    public IdeaSnapshot {
        questions = List.copyOf(questions);
    }

    /** A question of the screening and, once given, the submitter's answer. */
    public record Question(int number, String question, Instant askedAt, String askedBy, String answer,
                           Instant answeredAt, String answeredBy) {
        public boolean isOpen() {
            return answer == null;
        }
    }

    /** An office head took the idea on for their office. */
    public record Sponsorship(String office, String comment, Instant sponsoredAt, String sponsoredBy) {
    }

    public record Decline(List<String> reasons, Instant declinedAt, String declinedBy) {
        public Decline {
            reasons = List.copyOf(reasons);
        }
    }

    public record Withdrawal(String reason, Instant withdrawnAt, String withdrawnBy) {
    }

    /** The application the idea became, and the external partners that application records. */
    public record Conversion(UUID applicationId, String registrationNumber, List<Organisation> externalPartners,
                             Instant convertedAt, String convertedBy) {
        public Conversion {
            externalPartners = List.copyOf(externalPartners);
        }
    }

    public List<String> offices() {
        return content.offices();
    }

    /** The sponsoring office, once an office head has taken the idea on. */
    public Optional<String> sponsoringOffice() {
        return Optional.ofNullable(sponsorship).map(Sponsorship::office);
    }

    public Optional<Question> openQuestion() {
        return questions.stream().filter(Question::isOpen).findFirst();
    }

    /** The same state without the contact, for readers who may not see personal data. */
    public IdeaSnapshot withoutContact() {
        return new IdeaSnapshot(id, registrationNumber, stage, version, receivedAt, updatedAt, submittedBy,
                content.withoutContact(), screeningSince, questions, sponsorship, decline, withdrawal, conversion);
    }
}
