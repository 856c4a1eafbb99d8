package se.socialfund.domain.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

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

    /** What the officer states; the Agenda 2030 codes as written, checked against the framework. */
    public record Draft(List<String> overallGoals, List<String> agenda2030, Recommendation recommendation,
                        String motivation) {
        void validate(Set<String> knownOverallGoals, Violations v) {
            if (v.requireList(overallGoals, 1, 20, "overallGoals")) {
                for (int i = 0; i < overallGoals.size(); i++) {
                    v.require(overallGoals.get(i) != null && knownOverallGoals.contains(overallGoals.get(i)),
                            "overallGoals." + i, "not one of the municipality's overall goals: "
                                    + new TreeSet<>(knownOverallGoals));
                }
            }
            if (v.requireList(agenda2030, 1, 40, "agenda2030")) {
                for (int i = 0; i < agenda2030.size(); i++) {
                    v.require(Agenda2030Target.exists(agenda2030.get(i)), "agenda2030." + i,
                            "an Agenda 2030 goal (1-17) or one of its targets, such as 4.1 or 10.a");
                }
            }
            v.requirePresent(recommendation, "recommendation");
            v.requireText(motivation, "motivation", Limits.TEXT);
        }

        MunicipalPerspective record(Instant at, String by) {
            return new MunicipalPerspective(overallGoals, agenda2030.stream().map(Agenda2030Target::new).toList(),
                    recommendation, motivation, at, by);
        }
    }
}
