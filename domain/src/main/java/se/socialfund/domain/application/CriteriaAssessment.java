package se.socialfund.domain.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import se.socialfund.domain.shared.Limits;
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

    public record CriterionResult(Criterion criterion, Boolean met, String motivation) {
    }

    /** What the officer states: every criterion once, each with a motivation, and remarks of their own. */
    public record Draft(List<CriterionResult> criteria, List<String> remarks) {
        void validate(Violations v) {
            if (v.requireList(criteria, Criterion.values().length, Criterion.values().length, "criteria")) {
                Set<Criterion> seen = EnumSet.noneOf(Criterion.class);
                for (int i = 0; i < criteria.size(); i++) {
                    CriterionResult r = criteria.get(i);
                    String at = "criteria." + i;
                    if (r == null) {
                        v.requirePresent(null, at);
                        continue;
                    }
                    v.requirePresent(r.criterion(), at + ".criterion");
                    v.require(r.criterion() == null || seen.add(r.criterion()), at + ".criterion",
                            "each criterion once");
                    v.requirePresent(r.met(), at + ".met");
                    v.requireText(r.motivation(), at + ".motivation", Limits.SHORT_TEXT);
                }
            }
            if (remarks != null) {
                v.requireTexts(remarks, 0, Limits.FEW, "remarks", Limits.SHORT_TEXT);
            }
        }

        CriteriaAssessment record(List<String> contentRemarks, Instant at, String by) {
            List<String> all = new ArrayList<>(contentRemarks);
            if (remarks != null) {
                all.addAll(remarks);
            }
            return new CriteriaAssessment(criteria, all, at, by);
        }
    }

    public boolean allMet() {
        return results.stream().allMatch(CriterionResult::met);
    }

    public List<String> failureReasons() {
        return results.stream().filter(r -> !r.met()).map(r -> r.criterion() + ": " + r.motivation()).toList();
    }
}
