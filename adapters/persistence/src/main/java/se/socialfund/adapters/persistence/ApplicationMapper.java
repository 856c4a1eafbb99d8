package se.socialfund.adapters.persistence;

import java.util.List;

import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.CompletionRequest;
import se.socialfund.domain.application.CostReport;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.RepaymentPlan;
import se.socialfund.domain.application.Review;
import se.socialfund.domain.application.Revision;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.application.Termination;
import se.socialfund.domain.application.Withdrawal;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.shared.Money;

/** Between the aggregate's snapshot and the rows that store it. */
final class ApplicationMapper {
    private ApplicationMapper() {
    }

    /** What the {@code state} column holds: everything not kept in a column of its own or in a revision. */
    record StateDocument(CriteriaAssessment criteriaAssessment, List<CompletionRequest> completionRequests,
                         MunicipalPerspective municipalPerspective, List<Review> reviews,
                         BoardDecision boardDecision, se.socialfund.domain.application.ProjectStart projectStart,
                         List<CostReport> costReports, FollowUp followUp, Evaluation evaluation,
                         ImplementationDecision implementationDecision, Withdrawal withdrawal,
                         Termination termination, RepaymentPlan repaymentPlan, Money releasedAmount) {
    }

    static ApplicationEntity toEntity(ApplicationSnapshot s) {
        ApplicationEntity e = new ApplicationEntity();
        e.id = s.id();
        e.registrationNumber = s.registrationNumber().toString();
        e.periodId = s.periodId();
        e.submittedBy = s.submittedBy();
        e.receivedAt = s.receivedAt();
        fill(e, s);
        return e;
    }

    /** The columns an update changes. */
    static void fill(ApplicationEntity e, ApplicationSnapshot s) {
        ApplicationContent content = s.currentRevision().content();
        e.stage = s.stage().name();
        e.version = s.version();
        e.title = content.title();
        e.leadOffice = content.leadOffice();
        e.offices = content.officeCodes().toArray(String[]::new);
        e.requestedAmount = content.budget().requestedAmount().amount();
        e.grantedAmount = s.boardDecision() != null && s.boardDecision().grantedAmount() != null
                ? s.boardDecision().grantedAmount().amount() : null;
        e.updatedAt = s.updatedAt();
        e.currentRevision = s.currentRevision().number();
        e.state = Documents.write(Documents.APPLICATION_STATE, new StateDocument(s.criteriaAssessment(),
                s.completionRequests(), s.municipalPerspective(), s.reviews(), s.boardDecision(), s.projectStart(),
                s.costReports(), s.followUp(), s.evaluation(), s.implementationDecision(), s.withdrawal(),
                s.termination(), s.repaymentPlan(), s.releasedAmount()));
    }

    static ApplicationSnapshot toSnapshot(ApplicationEntity e, RevisionEntity current) {
        StateDocument d = Documents.read(Documents.APPLICATION_STATE, e.state, StateDocument.class,
                "application " + e.id);
        return new ApplicationSnapshot(e.id, RegistrationNumber.parse(e.registrationNumber), e.periodId,
                Stage.valueOf(e.stage), e.version, e.receivedAt, e.updatedAt, e.submittedBy, toRevision(current),
                d.criteriaAssessment(), d.completionRequests(), d.municipalPerspective(), d.reviews(),
                d.boardDecision(), d.projectStart(), d.costReports(), d.followUp(), d.evaluation(),
                d.implementationDecision(), d.withdrawal(), d.termination(), d.repaymentPlan(), d.releasedAmount());
    }

    static RevisionEntity toEntity(java.util.UUID applicationId, Revision r) {
        RevisionEntity e = new RevisionEntity();
        e.applicationId = applicationId;
        e.number = r.number();
        e.content = Documents.write(Documents.REVISION_CONTENT, r.content());
        e.submittedAt = r.submittedAt();
        e.submittedBy = r.submittedBy();
        e.answersCompletionRequest = r.answersCompletionRequest();
        return e;
    }

    static Revision toRevision(RevisionEntity e) {
        return new Revision(e.number, Documents.read(Documents.REVISION_CONTENT, e.content, ApplicationContent.class,
                "revision " + e.number + " of application " + e.applicationId), e.submittedAt,
                e.submittedBy, e.answersCompletionRequest);
    }
}
