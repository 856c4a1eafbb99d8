package se.socialfund.adapters.persistence.board;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.out.board.GuidelineReviews;
import se.socialfund.domain.board.GuidelineReview;

/** The guideline's reviews as rows (append-only). */
@ApplicationScoped
public class GuidelineReviewStore implements GuidelineReviews {
    @Inject
    EntityManager em;

    @Override
    public List<GuidelineReview> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, reviewed_on, decision_reference, term_start, "
                + "recorded_at, recorded_by FROM guideline_review ORDER BY reviewed_on DESC, recorded_at DESC")
                .getResultList();
        return rows.stream().map(r -> new GuidelineReview((UUID) r[0], date(r[1]), (String) r[2], date(r[3]),
                SqlArrays.instant(r[4]), (String) r[5])).toList();
    }

    @Override
    public void add(GuidelineReview review) {
        em.createNativeQuery("INSERT INTO guideline_review (id, reviewed_on, decision_reference, term_start, "
                        + "recorded_at, recorded_by) VALUES (:id, :on, :reference, :term, :at, :by)")
                .setParameter("id", review.id()).setParameter("on", review.reviewedOn())
                .setParameter("reference", review.decisionReference()).setParameter("term", review.termStart())
                .setParameter("at", SqlArrays.utc(review.recordedAt())).setParameter("by", review.recordedBy())
                .executeUpdate();
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
