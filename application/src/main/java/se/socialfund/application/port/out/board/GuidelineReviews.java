package se.socialfund.application.port.out.board;

import java.util.List;

import se.socialfund.domain.board.GuidelineReview;

/** The recorded reviews of the fund's guideline (append-only). */
public interface GuidelineReviews {
    /** Newest first. */
    List<GuidelineReview> all();

    void add(GuidelineReview review);
}
