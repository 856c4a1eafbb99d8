package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Violations;

/**
 * Kommunstyrelsens beslut: granted (an amount no larger than requested, with conditions) or declined (with
 * reasons), citing the meeting and the minutes paragraph (§).
 */
public record BoardDecision(Outcome outcome, Money grantedAmount, List<String> conditions, List<String> reasons,
                            LocalDate meetingDate, String minutesParagraph, Instant recordedAt, String recordedBy) {
    public BoardDecision {
        conditions = List.copyOf(conditions);
        reasons = List.copyOf(reasons);
    }

    public enum Outcome { GRANTED, DECLINED }

    /** The decision as the board took it; a grant is at most the sum requested. */
    public record Draft(Outcome outcome, Money grantedAmount, List<String> conditions, List<String> reasons,
                        LocalDate meetingDate, String minutesParagraph) {
        void validate(Money requested, Violations v) {
            v.requirePresent(outcome, "outcome");
            v.requirePresent(meetingDate, "meetingDate");
            v.requireMatch(minutesParagraph, Limits.MINUTES_PARAGRAPH, "minutesParagraph", Limits.MINUTES_MESSAGE);
            if (conditions != null) {
                v.requireTexts(conditions, 0, Limits.FEW, "conditions", Limits.SHORT_TEXT);
            }
            if (outcome == Outcome.GRANTED) {
                v.require(grantedAmount != null && !grantedAmount.isZero(), "grantedAmount",
                        "a grant names an amount of more than zero");
                v.require(grantedAmount == null || !grantedAmount.isGreaterThan(requested), "grantedAmount",
                        "cannot exceed the requested " + requested.format() + " SEK");
                if (reasons != null) {
                    v.requireTexts(reasons, 0, Limits.FEW, "reasons", Limits.SHORT_TEXT);
                }
            } else if (outcome == Outcome.DECLINED) {
                v.require(grantedAmount == null, "grantedAmount", "a declined application is granted nothing");
                v.require(reasons != null && !reasons.isEmpty(), "reasons", "a decline gives its reasons");
                if (reasons != null) {
                    v.requireTexts(reasons, 0, Limits.FEW, "reasons", Limits.SHORT_TEXT);
                }
            }
        }

        BoardDecision record(Instant at, String by) {
            return new BoardDecision(outcome, outcome == Outcome.GRANTED ? grantedAmount : null,
                    conditions == null ? List.of() : conditions, reasons == null ? List.of() : reasons, meetingDate,
                    minutesParagraph, at, by);
        }
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }

    /** The facts the history records: the outcome, a grant's amount, the minutes cited. */
    Map<String, String> eventDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("outcome", outcome.name());
        if (granted()) {
            details.put("grantedAmount", grantedAmount.format());
        }
        details.put("minutes", citation());
        return details;
    }

    /** "KS 2021-06-14 § 123": how the decision is cited in the fund's ledger. */
    public String citation() {
        return "KS " + meetingDate + " " + minutesParagraph;
    }
}
