package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.socialfund.domain.shared.Money;

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

    /** "KS 2021-06-14 § 123": how the decision is cited in the fund's ledger. */
    public String citation() {
        return "KS " + meetingDate + " " + minutesParagraph;
    }
}
