package se.socialfund.application.port.in;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.application.Agenda2030Target;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.application.RepaymentPlan.Installment;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.shared.Money;

/**
 * The business steps of the lifecycle, one use case each. Every command names the application and the version the
 * caller saw (If-Match); a step on a changed application is refused. Each answers the application as it is after
 * the step, as the caller sees it.
 */
public final class ApplicationStepUseCases {
    private ApplicationStepUseCases() {
    }

    public interface AssessCriteria {
        record Command(UUID applicationId, long expectedVersion, List<CriterionResult> criteria,
                       List<String> remarks) {
        }

        ApplicationView assessCriteria(Command command);
    }

    public interface RequestCompletion {
        record Command(UUID applicationId, long expectedVersion, List<String> questions) {
        }

        ApplicationView requestCompletion(Command command);
    }

    public interface SubmitRevision {
        record Command(UUID applicationId, long expectedVersion, ApplicationContent content) {
        }

        ApplicationView submitRevision(Command command);
    }

    public interface AddMunicipalPerspective {
        record Command(UUID applicationId, long expectedVersion, List<String> overallGoals,
                       List<Agenda2030Target> agenda2030, Recommendation recommendation, String motivation) {
        }

        ApplicationView addMunicipalPerspective(Command command);
    }

    public interface AddReview {
        record Command(UUID applicationId, long expectedVersion, String comment) {
        }

        ApplicationView addReview(Command command);
    }

    public interface RecordBoardDecision {
        record Command(UUID applicationId, long expectedVersion, BoardDecision.Outcome outcome, Money grantedAmount,
                       List<String> conditions, List<String> reasons, LocalDate meetingDate,
                       String minutesParagraph) {
        }

        ApplicationView recordBoardDecision(Command command);
    }

    public interface StartProject {
        record Command(UUID applicationId, long expectedVersion, String projectLeader, String projectPlan,
                       LocalDate startDate, LocalDate plannedEndDate) {
        }

        ApplicationView startProject(Command command);
    }

    public interface ReportCosts {
        record Command(UUID applicationId, long expectedVersion, LocalDate asOf, List<CostLine> lines,
                       String comment) {
        }

        ApplicationView reportCosts(Command command);
    }

    public interface SubmitFollowUp {
        record Command(UUID applicationId, long expectedVersion, String progress, String risks,
                       List<Measurement> measurements) {
        }

        ApplicationView submitFollowUp(Command command);
    }

    public interface SubmitEvaluation {
        record Command(UUID applicationId, long expectedVersion, String summary, String humanGains,
                       List<Measurement> measurements, EconomicEvaluation economics) {
        }

        ApplicationView submitEvaluation(Command command);
    }

    public interface RecordImplementationDecision {
        record Command(UUID applicationId, long expectedVersion, ImplementationDecision.Outcome outcome,
                       ImplementationDecision.Financing financing, String committee, LocalDate decidedOn,
                       String reference, String motivation) {
        }

        ApplicationView recordImplementationDecision(Command command);
    }

    public interface Withdraw {
        record Command(UUID applicationId, long expectedVersion, String reason) {
        }

        ApplicationView withdraw(Command command);
    }

    public interface Terminate {
        record Command(UUID applicationId, long expectedVersion, String reason, LocalDate endedOn) {
        }

        ApplicationView terminate(Command command);
    }

    public interface SetRepaymentPlan {
        record Command(UUID applicationId, long expectedVersion, List<Installment> installments) {
        }

        ApplicationView setRepaymentPlan(Command command);
    }
}
