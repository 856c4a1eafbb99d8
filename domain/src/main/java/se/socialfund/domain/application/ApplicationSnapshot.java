package se.socialfund.domain.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.shared.Money;

/**
 * Everything an application is, as plain data: what persistence stores and restores. The current revision is
 * carried whole; earlier revisions and the history are read separately.
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
        CriteriaAssessment criteriaAssessment,
        List<CompletionRequest> completionRequests,
        MunicipalPerspective municipalPerspective,
        List<Review> reviews,
        BoardDecision boardDecision,
        ProjectStart projectStart,
        List<CostReport> costReports,
        FollowUp followUp,
        Evaluation evaluation,
        ImplementationDecision implementationDecision,
        Withdrawal withdrawal,
        Termination termination,
        RepaymentPlan repaymentPlan,
        Money releasedAmount) {

    public ApplicationSnapshot {
        completionRequests = completionRequests == null ? List.of() : List.copyOf(completionRequests);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        costReports = costReports == null ? List.of() : List.copyOf(costReports);
        releasedAmount = releasedAmount == null ? Money.ZERO : releasedAmount;
    }
}
