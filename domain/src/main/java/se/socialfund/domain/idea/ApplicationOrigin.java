package se.socialfund.domain.idea;

import java.util.List;
import java.util.UUID;

import se.socialfund.domain.idea.IdeaContent.Organisation;

/**
 * Where an application made from an idea came from (idéprövning): the idea, its registration number, and the
 * application's external partners (the submitting organisation and any named at the conversion). Organisations
 * only: no personal data.
 */
public record ApplicationOrigin(UUID ideaId, String ideaRegistrationNumber, List<Organisation> externalPartners) {
    public ApplicationOrigin {
        externalPartners = List.copyOf(externalPartners);
    }
}
