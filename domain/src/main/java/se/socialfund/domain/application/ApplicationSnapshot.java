package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.shared.Money;

/**
 * Everything an application is, as immutable data: what persistence stores and restores, and what readers are
 * handed (never the live aggregate). The current revision is carried whole; earlier revisions and the history are
 * read separately. The accessors below the components read through the phases, null where a phase has not begun.
 *
 * @param investment the investment a grant started, or null before (or without) one
 */
public record ApplicationSnapshot(
        UUID id,
        RegistrationNumber registrationNumber,
        UUID periodId,
        Stage stage,
        long version,
        Instant receivedAt,
        Instant updatedAt,
        String submittedBy,
        Revision currentRevision,
        List<Review> reviews,
        Assessment assessment,
        Investment investment) {

    /** The parts must fit the stage's phase: an investment from the grant, a project from the start. */
    public ApplicationSnapshot {
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        assessment = assessment == null ? Assessment.begun() : assessment;
        Stage.Phase phase = stage.phase();
        boolean invested = investment != null;
        boolean started = invested && investment.project() != null;
        if (invested != (phase != Stage.Phase.ASSESSMENT) || started != (phase == Stage.Phase.PROJECT)) {
            throw new IllegalStateException("application " + id + " in stage " + stage
                    + (invested ? " has an investment" : " has no investment")
                    + (started ? " with a project" : " without a project") + ": its state is inconsistent");
        }
    }

    public ApplicationContent content() {
        return currentRevision.content();
    }

    public List<String> offices() {
        return content().officeCodes();
    }

    public String leadOffice() {
        return content().leadOffice();
    }

    public CriteriaAssessment criteriaAssessment() {
        return assessment.criteriaAssessment();
    }

    public List<CompletionRequest> completionRequests() {
        return assessment.completionRequests();
    }

    public MunicipalPerspective municipalPerspective() {
        return assessment.municipalPerspective();
    }

    public BoardDecision boardDecision() {
        return assessment.decision();
    }

    public Withdrawal withdrawal() {
        return assessment.withdrawal();
    }

    public Project project() {
        return investment == null ? null : investment.project();
    }

    public ProjectStart projectStart() {
        return project() == null ? null : project().start();
    }

    public List<CostReport> costReports() {
        return project() == null ? List.of() : project().costReports();
    }

    public FollowUp followUp() {
        return project() == null ? null : project().followUp();
    }

    public Evaluation evaluation() {
        return project() == null ? null : project().evaluation();
    }

    public Termination termination() {
        return project() == null ? null : project().termination();
    }

    public RepaymentPlan repaymentPlan() {
        return project() == null ? null : project().repaymentPlan();
    }

    public ImplementationDecision implementationDecision() {
        return investment == null ? null : investment.closing();
    }

    public Money grantedAmount() {
        return investment == null ? Money.ZERO : investment.grantedAmount();
    }

    public Money spentAmount() {
        return investment == null ? Money.ZERO : investment.spent();
    }

    public Money spentAsOf(LocalDate day) {
        return project() == null ? Money.ZERO : project().spentAsOf(day);
    }

    public Money releasedAmount() {
        return investment == null ? Money.ZERO : investment.released();
    }

    public Money unspentAmount() {
        return investment == null ? Money.ZERO : investment.unspent();
    }
}
