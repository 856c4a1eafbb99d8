package se.socialfund.application.port.in;

import java.util.List;
import java.util.UUID;

import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.CompletionRequest;
import se.socialfund.domain.application.CostReport;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.ProjectStart;
import se.socialfund.domain.application.RepaymentPlan.Installment;
import se.socialfund.domain.application.Termination;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;

/**
 * The business steps of the lifecycle, one use case each. Every command names the application, the version the
 * caller saw (If-Match) and what the step states, as the domain's draft of it; the domain checks the draft after
 * the caller's right to the step. Each answers the application as it is after the step, as the caller sees it.
 */
public final class ApplicationStepUseCases {
    private ApplicationStepUseCases() {
    }

    /**
     * A step on one application, on the version the caller saw, with what the step states.
     *
     * @param draft the domain's draft of the step (for a revision the new content, for a review its comment, ...)
     */
    public record StepCommand<D>(UUID applicationId, long expectedVersion, D draft) {
    }

    public interface AssessCriteria {
        ApplicationView assessCriteria(StepCommand<CriteriaAssessment.Draft> command);
    }

    public interface RequestCompletion {
        ApplicationView requestCompletion(StepCommand<CompletionRequest.Draft> command);
    }

    public interface SubmitRevision {
        ApplicationView submitRevision(StepCommand<ApplicationContent> command);
    }

    public interface AddMunicipalPerspective {
        ApplicationView addMunicipalPerspective(StepCommand<MunicipalPerspective.Draft> command);
    }

    public interface AddReview {
        ApplicationView addReview(StepCommand<String> command);
    }

    public interface RecordBoardDecision {
        ApplicationView recordBoardDecision(StepCommand<BoardDecision.Draft> command);
    }

    public interface StartProject {
        ApplicationView startProject(StepCommand<ProjectStart.Draft> command);
    }

    public interface ReportCosts {
        ApplicationView reportCosts(StepCommand<CostReport.Draft> command);
    }

    public interface SubmitFollowUp {
        ApplicationView submitFollowUp(StepCommand<FollowUp.Draft> command);
    }

    public interface SubmitEvaluation {
        ApplicationView submitEvaluation(StepCommand<Evaluation.Draft> command);
    }

    public interface RecordImplementationDecision {
        ApplicationView recordImplementationDecision(StepCommand<ImplementationDecision.Draft> command);
    }

    public interface Withdraw {
        ApplicationView withdraw(StepCommand<String> command);
    }

    public interface Terminate {
        ApplicationView terminate(StepCommand<Termination.Draft> command);
    }

    public interface SetRepaymentPlan {
        ApplicationView setRepaymentPlan(StepCommand<List<Installment>> command);
    }
}
