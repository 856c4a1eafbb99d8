package se.socialfund.domain.application;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import se.socialfund.domain.shared.Violations;

/**
 * The officer's check against the basic criteria: each criterion met or not, with a motivation, and remarks on the
 * content (a missing baseline or control group is a remark, not a failure).
 */
public record CriteriaAssessment(List<CriterionResult> results, List<String> remarks, Instant assessedAt,
                                 String assessedBy) {
    public CriteriaAssessment {
        results = List.copyOf(results);
        remarks = List.copyOf(remarks);
    }

    public record CriterionResult(Criterion criterion, boolean met, String motivation) {
    }

    /** Every criterion once, each with a motivation. */
    public static void validate(List<CriterionResult> results) {
        Violations v = new Violations();
        Set<Criterion> seen = EnumSet.noneOf(Criterion.class);
        for (int i = 0; i < results.size(); i++) {
            CriterionResult r = results.get(i);
            v.requirePresent(r.criterion(), "/criteria/" + i + "/criterion");
            v.require(r.criterion() == null || seen.add(r.criterion()), "/criteria/" + i + "/criterion",
                    "each criterion once");
            v.requireText(r.motivation(), "/criteria/" + i + "/motivation");
        }
        v.require(seen.size() == Criterion.values().length, "/criteria",
                "all four criteria must be assessed: " + List.of(Criterion.values()));
        v.throwIfAny("the criteria assessment is incomplete");
    }

    public boolean allMet() {
        return results.stream().allMatch(CriterionResult::met);
    }

    public List<String> failureReasons() {
        return results.stream().filter(r -> !r.met()).map(r -> r.criterion() + ": " + r.motivation()).toList();
    }
}
