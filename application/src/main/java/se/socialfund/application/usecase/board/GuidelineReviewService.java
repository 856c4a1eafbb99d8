package se.socialfund.application.usecase.board;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import se.socialfund.application.port.in.FollowUpQueries.ListDeadlines;
import se.socialfund.application.port.in.board.GuidelineReviewUseCases;
import se.socialfund.application.port.out.board.GuidelineReviews;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.Authorization;
import se.socialfund.domain.board.GuidelineReview;
import se.socialfund.domain.board.TermOfOffice;
import se.socialfund.domain.shared.Role;

/**
 * The guideline's review once per term of office: recorded by a fund officer; owed (a deadline of kind
 * GUIDELINE_REVIEW) in the current term until one is recorded.
 */
public final class GuidelineReviewService implements GuidelineReviewUseCases {
    private final AuditedChanges changes;
    private final GuidelineReviews reviews;
    private final Period dueAfterTermStart;

    /** @param dueAfterTermStart how long into its term the review is due (configuration; never after the term). */
    public GuidelineReviewService(AuditedChanges changes, GuidelineReviews reviews, Period dueAfterTermStart) {
        this.changes = changes;
        this.reviews = reviews;
        this.dueAfterTermStart = dueAfterTermStart;
    }

    @Override
    public GuidelineReview record(GuidelineReview.Draft draft) {
        return changes.run("recordGuidelineReview", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "recording the guideline's review", Role.FUND_OFFICER);
            UUID id = UUID.randomUUID();
            subject.object("guideline-review", id, GuidelineReview.GUIDELINE, null);
            GuidelineReview review = GuidelineReview.record(id, draft, subject.today(), subject.at(),
                    caller.actor().name());
            reviews.add(review);
            return review;
        });
    }

    @Override
    public List<GuidelineReview> list() {
        return changes.read("listGuidelineReviews", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "the guideline's reviews", Role.FUND_OFFICER, Role.AUDITOR,
                    Role.SCIENTIFIC_ADVISOR);
            return reviews.all();
        });
    }

    /**
     * The deadline owed in the day's term, as an item of the deadlines list (inside the caller's transaction): not
     * an application's, so it names the guideline's registration number and no application.
     */
    public List<ListDeadlines.Item> owed(LocalDate today) {
        return GuidelineReview.owed(today, dueAfterTermStart, reviews.all()).map(d -> new ListDeadlines.Item(null,
                GuidelineReview.GUIDELINE, "Riktlinjens uppföljning för mandatperioden "
                + TermOfOffice.of(today).label() + " (sociala investeringsfonden)", null, List.of(), d))
                .stream().toList();
    }
}
