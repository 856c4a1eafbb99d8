package se.socialfund.domain.application;

import java.time.Instant;
import java.util.List;

/**
 * Det kommunövergripande perspektivet: how the application links to the municipality's overall goals and to
 * Agenda 2030, and the officer's recommendation to the board. Together with the application it forms the decision
 * memo (tjänsteskrivelse).
 */
public record MunicipalPerspective(List<String> overallGoals, List<Agenda2030Target> agenda2030,
                                   Recommendation recommendation, String motivation, Instant addedAt,
                                   String addedBy) {
    public MunicipalPerspective {
        overallGoals = List.copyOf(overallGoals);
        agenda2030 = List.copyOf(agenda2030);
    }

    public enum Recommendation { GRANT, GRANT_IN_PART, DECLINE }
}
