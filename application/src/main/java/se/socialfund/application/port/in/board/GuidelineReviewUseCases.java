package se.socialfund.application.port.in.board;

import java.util.List;

import se.socialfund.domain.board.GuidelineReview;

/** Riktlinjens uppföljning: recording that the guideline was reviewed in a term of office, and the list. */
public interface GuidelineReviewUseCases {
    GuidelineReview record(GuidelineReview.Draft draft);

    List<GuidelineReview> list();
}
