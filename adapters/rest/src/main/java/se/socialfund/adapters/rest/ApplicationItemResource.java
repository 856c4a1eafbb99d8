package se.socialfund.adapters.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.dto.ApplicationContentDto;
import se.socialfund.adapters.rest.dto.StepRequests.*;
import se.socialfund.application.port.in.ApplicationStepUseCases.*;
import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.application.port.in.GetApplicationQuery;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.dto.Responses.RevisionInfoDto;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.application.Agenda2030Target;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.application.RepaymentPlan.Installment;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.shared.RuleViolation;

import static se.socialfund.adapters.rest.ApplicationResource.applicationId;

/**
 * One application: reading it (with its ETag and allowed actions), its history and revisions, and the lifecycle's
 * steps, each a POST on a sub-resource with If-Match that answers the application after the step with its new ETag.
 * (It shares its path with {@link ApplicationResource}, so that the router sees all the application paths at
 * once and answers a wrong method with 405, not 404.)
 */
@Path("/api/v1/applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationItemResource {
    @Inject AssessCriteria assessCriteria;
    @Inject RequestCompletion requestCompletion;
    @Inject SubmitRevision submitRevision;
    @Inject AddMunicipalPerspective addMunicipalPerspective;
    @Inject AddReview addReview;
    @Inject RecordBoardDecision recordBoardDecision;
    @Inject StartProject startProject;
    @Inject ReportCosts reportCosts;
    @Inject SubmitFollowUp submitFollowUp;
    @Inject SubmitEvaluation submitEvaluation;
    @Inject RecordImplementationDecision recordImplementationDecision;
    @Inject Withdraw withdraw;
    @Inject Terminate terminate;
    @Inject SetRepaymentPlan setRepaymentPlan;
    @Inject GetApplicationQuery query;

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        ApplicationView view = query.get(applicationId(id));
        return Response.ok(ResponseMapper.application(view))
                .header(HttpHeaders.ETAG, Preconditions.etag(view.application().version())).build();
    }

    @GET
    @Path("/{id}/history")
    public PageDto<?> history(@PathParam("id") String id) {
        return new PageDto<>(query.history(applicationId(id)).stream().map(ResponseMapper::event).toList(), null);
    }

    @GET
    @Path("/{id}/revisions")
    public PageDto<?> revisions(@PathParam("id") String id) {
        return new PageDto<>(query.revisions(applicationId(id)).stream().map(r -> new RevisionInfoDto(r.number(),
                r.submittedAt(), r.submittedBy(), r.answersCompletionRequest())).toList(), null);
    }

    @GET
    @Path("/{id}/revisions/{number}")
    public Object revision(@PathParam("id") String id, @PathParam("number") String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new NotFound("revision " + number);
        }
        return ResponseMapper.revision(query.revision(applicationId(id), n));
    }


    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/criteria-assessment")
    public Response assessCriteria(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull CriteriaAssessmentRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(assessCriteria.assessCriteria(new AssessCriteria.Command(applicationId(id), version,
                body.criteria().stream().map(c -> new CriterionResult(c.criterion(), c.met(), c.motivation()))
                        .toList(), body.remarks() == null ? List.of() : body.remarks())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/completion-requests")
    public Response requestCompletion(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @Valid @NotNull CompletionRequestRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(requestCompletion.requestCompletion(new RequestCompletion.Command(applicationId(id), version,
                body.questions())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/revisions")
    public Response submitRevision(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull ApplicationContentDto body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(submitRevision.submitRevision(new SubmitRevision.Command(applicationId(id), version,
                body.toDomain())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/municipal-perspective")
    public Response addMunicipalPerspective(@PathParam("id") String id,
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid @NotNull MunicipalPerspectiveRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        List<Agenda2030Target> targets = new java.util.ArrayList<>();
        for (int i = 0; i < body.agenda2030().size(); i++) {
            String code = body.agenda2030().get(i);
            if (!Agenda2030Target.exists(code)) {
                throw new RuleViolation("/agenda2030/" + i, "'" + code + "' is not an Agenda 2030 goal (1-17) or "
                        + "one of its targets");
            }
            targets.add(new Agenda2030Target(code));
        }
        return ok(addMunicipalPerspective.addMunicipalPerspective(new AddMunicipalPerspective.Command(
                applicationId(id), version, body.overallGoals(), targets, body.recommendation(), body.motivation())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/reviews")
    public Response addReview(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull ReviewRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(addReview.addReview(new AddReview.Command(applicationId(id), version, body.comment())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/board-decision")
    public Response recordBoardDecision(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                        @Valid @NotNull BoardDecisionRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(recordBoardDecision.recordBoardDecision(new RecordBoardDecision.Command(applicationId(id), version,
                body.outcome(), body.grantedAmount() == null ? null
                        : body.grantedAmount().toMoney("/grantedAmount/amount"),
                body.conditions(), body.reasons(), body.meetingDate(), body.minutesParagraph())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/project-start")
    public Response startProject(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull ProjectStartRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(startProject.startProject(new StartProject.Command(applicationId(id), version,
                body.projectLeader(), body.projectPlan(), body.startDate(), body.plannedEndDate())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/cost-reports")
    public Response reportCosts(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull CostReportRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(reportCosts.reportCosts(new ReportCosts.Command(applicationId(id), version, body.asOf(),
                body.lines().stream().map(l -> new CostLine(l.year(), l.category(),
                        l.amount().toMoney("/lines/amount"))).toList(), body.comment())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/follow-ups")
    public Response submitFollowUp(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull FollowUpRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(submitFollowUp.submitFollowUp(new SubmitFollowUp.Command(applicationId(id), version,
                body.progress(), body.risks(), measurements(body.measurements()))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/evaluation")
    public Response submitEvaluation(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @Valid @NotNull EvaluationRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        EconomicEvaluationDto e = body.economics();
        EconomicEvaluation economics = e == null ? null : new EconomicEvaluation(e.firstYear(), e.horizonYears(),
                e.discountRate(), e.items().stream().map(i -> new EconomicEvaluation.SavingsItem(i.outcome(),
                i.payer(), i.costAvoidedPerUnit().toMoney("/economics/items/costAvoidedPerUnit"), i.unitsPerYear(),
                i.startsInYear())).toList());
        return ok(submitEvaluation.submitEvaluation(new SubmitEvaluation.Command(applicationId(id), version,
                body.summary(), body.humanGains(), measurements(body.measurements()), economics)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/implementation-decision")
    public Response recordImplementationDecision(@PathParam("id") String id,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Valid @NotNull ImplementationDecisionRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(recordImplementationDecision.recordImplementationDecision(new RecordImplementationDecision.Command(
                applicationId(id), version, body.outcome(), body.financing(), body.committee(), body.decidedOn(),
                body.reference(), body.motivation())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/withdrawal")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull WithdrawalRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(withdraw.withdraw(new Withdraw.Command(applicationId(id), version, body.reason())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/termination")
    public Response terminate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull TerminationRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(terminate.terminate(new Terminate.Command(applicationId(id), version, body.reason(),
                body.endedOn())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/repayment-plan")
    public Response setRepaymentPlan(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @Valid @NotNull RepaymentPlanRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        List<Installment> installments = body.installments().stream().map(i -> new Installment(i.committee(),
                i.year(), i.amount().toMoney("/installments/amount"))).toList();
        return ok(setRepaymentPlan.setRepaymentPlan(new SetRepaymentPlan.Command(applicationId(id), version,
                installments)));
    }

    private static List<Measurement> measurements(List<MeasurementDto> dtos) {
        return dtos.stream().map(m -> new Measurement(m.indicator(), m.group(), m.measuredOn(), m.n(), m.value()))
                .toList();
    }

    private static Response ok(ApplicationView view) {
        return Response.ok(ResponseMapper.application(view))
                .header(HttpHeaders.ETAG, Preconditions.etag(view.application().version())).build();
    }

}
