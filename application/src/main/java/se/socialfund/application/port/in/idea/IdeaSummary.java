package se.socialfund.application.port.in.idea;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.idea.IdeaStage;

/** The columns a list of ideas shows; never the contact. */
public record IdeaSummary(long position, UUID id, String registrationNumber, String title, IdeaStage stage,
                          long version, List<String> offices, String sponsoringOffice, UUID applicationId,
                          Instant receivedAt, Instant updatedAt) {
    public IdeaSummary {
        offices = List.copyOf(offices);
    }
}
