package se.socialfund.application.usecase;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import se.socialfund.application.port.in.ApplicationStepUseCases.AddMunicipalPerspective;
import se.socialfund.application.port.in.ApplicationStepUseCases.AddReview;
import se.socialfund.application.port.in.ApplicationStepUseCases.AssessCriteria;
import se.socialfund.application.port.in.ApplicationStepUseCases.RecordBoardDecision;
import se.socialfund.application.port.in.ApplicationStepUseCases.RecordImplementationDecision;
import se.socialfund.application.port.in.ApplicationStepUseCases.ReportCosts;
import se.socialfund.application.port.in.ApplicationStepUseCases.RequestCompletion;
import se.socialfund.application.port.in.ApplicationStepUseCases.SetRepaymentPlan;
import se.socialfund.application.port.in.ApplicationStepUseCases.StartProject;
import se.socialfund.application.port.in.ApplicationStepUseCases.StepCommand;
import se.socialfund.application.port.in.ApplicationStepUseCases.SubmitEvaluation;
import se.socialfund.application.port.in.ApplicationStepUseCases.SubmitFollowUp;
import se.socialfund.application.port.in.ApplicationStepUseCases.SubmitRevision;
import se.socialfund.application.port.in.ApplicationStepUseCases.Terminate;
import se.socialfund.application.port.in.ApplicationStepUseCases.Withdraw;
import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.MunicipalGoals;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.CompletionRequest;
import se.socialfund.domain.application.CostReport;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.ProjectStart;
import se.socialfund.domain.application.RepaymentPlan.Installment;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.application.Termination;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.fund.FundingPolicy;
import se.socialfund.domain.shared.NotFound;

/**
 * The business steps of an application's lifecycle. Each loads the application (another office's is "not found"),
 * lets the aggregate decide, stores it if the version is still the one the caller saw, and stores the fund where
 * the domain's {@link FundingPolicy} moved money in the same transaction.
 */
public final class ApplicationLifecycleService implements AssessCriteria, RequestCompletion, SubmitRevision,
        AddMunicipalPerspective, AddReview, RecordBoardDecision, StartProject, ReportCosts, SubmitFollowUp,
        SubmitEvaluation, RecordImplementationDecision, Withdraw, Terminate, SetRepaymentPlan {

    private final AuditedChanges changes;
    private final ApplicationRepository applications;
    private final FundRepository fund;
    private final MunicipalGoals municipalGoals;

    public ApplicationLifecycleService(AuditedChanges changes, ApplicationRepository applications,
                                       FundRepository fund, MunicipalGoals municipalGoals) {
        this.changes = changes;
        this.applications = applications;
        this.fund = fund;
        this.municipalGoals = municipalGoals;
    }

    @Override
    public ApplicationView assessCriteria(StepCommand<CriteriaAssessment.Draft> c) {
        return step("assessCriteria", c, (app, s) -> app.assessCriteria(c.draft(), s));
    }

    @Override
    public ApplicationView requestCompletion(StepCommand<CompletionRequest.Draft> c) {
        return step("requestCompletion", c, (app, s) -> app.requestCompletion(c.draft(), s));
    }

    @Override
    public ApplicationView submitRevision(StepCommand<ApplicationContent> c) {
        return step("submitRevision", c, (app, s) -> app.submitRevision(c.draft(), s));
    }

    @Override
    public ApplicationView addMunicipalPerspective(StepCommand<MunicipalPerspective.Draft> c) {
        return step("addMunicipalPerspective", c,
                (app, s) -> app.addMunicipalPerspective(c.draft(), municipalGoals.all().keySet(), s));
    }

    @Override
    public ApplicationView addReview(StepCommand<String> c) {
        return step("addReview", c, (app, s) -> app.addReview(c.draft(), s));
    }

    @Override
    public ApplicationView recordBoardDecision(StepCommand<BoardDecision.Draft> c) {
        return moving("recordBoardDecision", c, (app, s) -> FundingPolicy.decide(app, c.draft(), s,
                fund::lockForUpdate));
    }

    @Override
    public ApplicationView startProject(StepCommand<ProjectStart.Draft> c) {
        return step("startProject", c, (app, s) -> app.startProject(c.draft(), s));
    }

    @Override
    public ApplicationView reportCosts(StepCommand<CostReport.Draft> c) {
        return step("reportCosts", c, (app, s) -> app.reportCosts(c.draft(), s));
    }

    @Override
    public ApplicationView submitFollowUp(StepCommand<FollowUp.Draft> c) {
        return step("submitFollowUp", c, (app, s) -> app.submitFollowUp(c.draft(), s));
    }

    @Override
    public ApplicationView submitEvaluation(StepCommand<Evaluation.Draft> c) {
        return step("submitEvaluation", c, (app, s) -> app.submitEvaluation(c.draft(), s));
    }

    @Override
    public ApplicationView recordImplementationDecision(StepCommand<ImplementationDecision.Draft> c) {
        return moving("recordImplementationDecision", c, (app, s) -> FundingPolicy.close(app, c.draft(), s,
                fund::lockForUpdate));
    }

    @Override
    public ApplicationView withdraw(StepCommand<String> c) {
        return step("withdrawApplication", c, (app, s) -> app.withdraw(c.draft(), s));
    }

    @Override
    public ApplicationView terminate(StepCommand<Termination.Draft> c) {
        return moving("terminateProject", c, (app, s) -> FundingPolicy.terminate(app, c.draft(), s,
                fund::lockForUpdate));
    }

    @Override
    public ApplicationView setRepaymentPlan(StepCommand<List<Installment>> c) {
        return step("setRepaymentPlan", c, (app, s) -> app.setRepaymentPlan(c.draft(), s));
    }

    /** A step that moves no money. */
    private ApplicationView step(String action, StepCommand<?> c, BiConsumer<Application, Step> change) {
        return moving(action, c, (app, s) -> {
            change.accept(app, s);
            return Optional.empty();
        });
    }

    /**
     * Loads, authorizes, lets the domain take the step (answering the fund if money moved), and stores both in the
     * one transaction with the step's audit event.
     */
    private ApplicationView moving(String action, StepCommand<?> c,
                                   BiFunction<Application, Step, Optional<Fund>> change) {
        UUID id = c.applicationId();
        return changes.run(action, (caller, subject) -> {
            Application app = applications.find(id).orElseThrow(() -> new NotFound("application " + id));
            Authorization.visible(app, caller.actor(), subject, id);
            long loaded = app.version();
            change.apply(app, subject.step(caller.actor(), c.expectedVersion())).ifPresent(fund::save);
            applications.update(app, loaded);
            subject.versionAfter(app.version());
            return ApplicationViews.view(app, caller.actor());
        });
    }
}
