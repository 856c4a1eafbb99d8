package se.socialfund.application.usecase;

import java.util.UUID;
import java.util.function.BiConsumer;

import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.application.port.in.ApplicationStepUseCases.AddMunicipalPerspective;
import se.socialfund.application.port.in.ApplicationStepUseCases.AddReview;
import se.socialfund.application.port.in.ApplicationStepUseCases.AssessCriteria;
import se.socialfund.application.port.in.ApplicationStepUseCases.RecordBoardDecision;
import se.socialfund.application.port.in.ApplicationStepUseCases.RecordImplementationDecision;
import se.socialfund.application.port.in.ApplicationStepUseCases.ReportCosts;
import se.socialfund.application.port.in.ApplicationStepUseCases.RequestCompletion;
import se.socialfund.application.port.in.ApplicationStepUseCases.SetRepaymentPlan;
import se.socialfund.application.port.in.ApplicationStepUseCases.StartProject;
import se.socialfund.application.port.in.ApplicationStepUseCases.SubmitEvaluation;
import se.socialfund.application.port.in.ApplicationStepUseCases.SubmitFollowUp;
import se.socialfund.application.port.in.ApplicationStepUseCases.SubmitRevision;
import se.socialfund.application.port.in.ApplicationStepUseCases.Terminate;
import se.socialfund.application.port.in.ApplicationStepUseCases.Withdraw;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.MunicipalGoals;
import se.socialfund.application.usecase.AuditedChanges.Subject;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.NotFound;

/**
 * The business steps of an application's lifecycle. Each loads the application (another office's is "not found"),
 * lets the aggregate decide, stores it if the version is still the one the caller saw, and moves money in the same
 * transaction where the step does: a grant commits it, closing or terminating releases what was not spent.
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
    public ApplicationView assessCriteria(AssessCriteria.Command c) {
        return step("assessCriteria", c.applicationId(), (app, s) ->
                app.assessCriteria(c.criteria(), c.remarks(), s.actor, c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView requestCompletion(RequestCompletion.Command c) {
        return step("requestCompletion", c.applicationId(), (app, s) ->
                app.requestCompletion(c.questions(), s.actor, c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView submitRevision(SubmitRevision.Command c) {
        return step("submitRevision", c.applicationId(), (app, s) ->
                app.submitRevision(c.content(), s.actor, c.expectedVersion(), s.at(), s.today()));
    }

    @Override
    public ApplicationView addMunicipalPerspective(AddMunicipalPerspective.Command c) {
        return step("addMunicipalPerspective", c.applicationId(), (app, s) ->
                app.addMunicipalPerspective(c.overallGoals(), municipalGoals.all().keySet(), c.agenda2030(),
                        c.recommendation(), c.motivation(), s.actor, c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView addReview(AddReview.Command c) {
        return step("addReview", c.applicationId(), (app, s) ->
                app.addReview(c.comment(), s.actor, c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView recordBoardDecision(RecordBoardDecision.Command c) {
        return step("recordBoardDecision", c.applicationId(), (app, s) -> {
            app.recordBoardDecision(c.outcome(), c.grantedAmount(), c.conditions(), c.reasons(), c.meetingDate(),
                    c.minutesParagraph(), s.actor, c.expectedVersion(), s.at());
            if (c.outcome() == BoardDecision.Outcome.GRANTED) {
                Fund locked = fund.lockForUpdate();
                // booked on the day it is recorded, checked against the balance of that day: so the fund's
                // position as of any date can never show more committed than it held (the meeting is cited)
                locked.commit(c.grantedAmount(), app.id(), app.registrationNumber().toString(),
                        app.boardDecision().citation(), s.today(), s.actor, s.at());
                fund.save(locked);
            }
        });
    }

    @Override
    public ApplicationView startProject(StartProject.Command c) {
        return step("startProject", c.applicationId(), (app, s) ->
                app.startProject(c.projectLeader(), c.projectPlan(), c.startDate(), c.plannedEndDate(), s.actor,
                        c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView reportCosts(ReportCosts.Command c) {
        return step("reportCosts", c.applicationId(), (app, s) ->
                app.reportCosts(c.asOf(), c.lines(), c.comment(), s.actor, c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView submitFollowUp(SubmitFollowUp.Command c) {
        return step("submitFollowUp", c.applicationId(), (app, s) ->
                app.submitFollowUp(c.progress(), c.risks(), c.measurements(), s.actor, c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView submitEvaluation(SubmitEvaluation.Command c) {
        return step("submitEvaluation", c.applicationId(), (app, s) ->
                app.submitEvaluation(c.summary(), c.humanGains(), c.measurements(), c.economics(), s.actor,
                        c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView recordImplementationDecision(RecordImplementationDecision.Command c) {
        return step("recordImplementationDecision", c.applicationId(), (app, s) -> {
            app.recordImplementationDecision(c.outcome(), c.financing(), c.committee(), c.decidedOn(),
                    c.reference(), c.motivation(), s.actor, c.expectedVersion(), s.at());
            release(app, c.reference(), s.today(), s);
        });
    }

    @Override
    public ApplicationView withdraw(Withdraw.Command c) {
        return step("withdrawApplication", c.applicationId(), (app, s) ->
                app.withdraw(c.reason(), s.actor, c.expectedVersion(), s.at()));
    }

    @Override
    public ApplicationView terminate(Terminate.Command c) {
        return step("terminateProject", c.applicationId(), (app, s) -> {
            app.terminate(c.reason(), c.endedOn(), s.actor, c.expectedVersion(), s.at());
            release(app, "termination " + c.endedOn(), s.today(), s);
        });
    }

    @Override
    public ApplicationView setRepaymentPlan(SetRepaymentPlan.Command c) {
        return step("setRepaymentPlan", c.applicationId(), (app, s) ->
                app.setRepaymentPlan(c.installments(), s.actor, c.expectedVersion(), s.at()));
    }

    /** Unused money goes back to the fund when an investment closes or ends early. */
    private void release(Application app, String reference, java.time.LocalDate on, StepContext s) {
        Money unspent = app.unspentAmount();
        if (unspent.isZero()) {
            return;
        }
        Fund locked = fund.lockForUpdate();
        locked.release(unspent, app.id(), app.registrationNumber().toString(), reference, on, s.actor, s.at());
        fund.save(locked);
        app.markReleased(unspent);
    }

    /** The actor and the moment of one step. */
    private record StepContext(Actor actor, Subject subject) {
        java.time.Instant at() {
            return subject.at();
        }

        java.time.LocalDate today() {
            return subject.today();
        }
    }

    private ApplicationView step(String action, UUID id, BiConsumer<Application, StepContext> change) {
        return changes.run(action, (caller, subject) -> {
            Application app = applications.find(id).orElseThrow(() -> new NotFound("application " + id));
            Authorization.visible(app, caller.actor(), subject, id);
            long loaded = app.version();
            change.accept(app, new StepContext(caller.actor(), subject));
            applications.update(app, loaded);
            subject.versionAfter(app.version());
            return ApplicationViews.view(app, caller.actor());
        });
    }
}
