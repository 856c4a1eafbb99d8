package se.socialfund.domain.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.followup.Deadline;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * Riktlinjens uppföljning: the guideline (KS 2021/0648) "is followed up by the board's office once per term of
 * office". A review records the day it was done and the decision that took it up; the deadline of a term is owed
 * until a review within that term is recorded.
 */
public record GuidelineReview(UUID id, LocalDate reviewedOn, String decisionReference, LocalDate termStart,
                              Instant recordedAt, String recordedBy) {
    /** The guideline's own registration number (diarienummer). */
    public static final String GUIDELINE = "KS 2021/0648";

    /** What the fund officer states. */
    public record Draft(LocalDate reviewedOn, String decisionReference) {
        void validate(LocalDate today, Violations v) {
            v.requirePresent(reviewedOn, "reviewedOn");
            v.require(reviewedOn == null || !reviewedOn.isBefore(TermOfOffice.beginningIn(
                    TermOfOffice.FIRST_ELECTION_YEAR).start()), "reviewedOn",
                    "within a term of office since the guideline's first (from 2022-10-15)");
            v.require(reviewedOn == null || !reviewedOn.isAfter(today), "reviewedOn", "cannot be in the future");
            v.requireText(decisionReference, "decisionReference", Limits.NAME);
        }
    }

    public static GuidelineReview record(UUID id, Draft draft, LocalDate today, Instant at, String by) {
        Violations v = new Violations();
        draft.validate(today, v);
        v.throwIfAny("the guideline review is invalid");
        return new GuidelineReview(id, draft.reviewedOn(), draft.decisionReference(),
                TermOfOffice.of(draft.reviewedOn()).start(), at, by);
    }

    /** The review owed in today's term, unless one within the term is recorded. */
    public static Optional<Deadline> owed(LocalDate today, Period dueAfterTermStart, List<GuidelineReview> recorded) {
        TermOfOffice term = TermOfOffice.of(today);
        if (recorded.stream().anyMatch(r -> term.contains(r.reviewedOn()))) {
            return Optional.empty();
        }
        return Optional.of(Deadline.of(Deadline.Kind.GUIDELINE_REVIEW, term.due(dueAfterTermStart), today));
    }
}
