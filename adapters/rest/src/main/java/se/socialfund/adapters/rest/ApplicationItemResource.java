package se.socialfund.adapters.rest;


import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;
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
    @Inject RenderedApplications rendered;

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return ok(query.get(applicationId(id)));
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
                                   @NotNull CriteriaAssessmentRequest body) {
        return step(id, ifMatch, body::toDraft, assessCriteria::assessCriteria);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/completion-requests")
    public Response requestCompletion(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull CompletionRequestRequest body) {
        return step(id, ifMatch, body::toDraft, requestCompletion::requestCompletion);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/revisions")
    public Response submitRevision(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull ApplicationContentDto body) {
        return step(id, ifMatch, body::toDomain, submitRevision::submitRevision);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/municipal-perspective")
    public Response addMunicipalPerspective(@PathParam("id") String id,
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @NotNull MunicipalPerspectiveRequest body) {
        return step(id, ifMatch, body::toDraft, addMunicipalPerspective::addMunicipalPerspective);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/reviews")
    public Response addReview(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @NotNull ReviewRequest body) {
        return step(id, ifMatch, body::comment, addReview::addReview);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/board-decision")
    public Response recordBoardDecision(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                        @NotNull BoardDecisionRequest body) {
        return step(id, ifMatch, body::toDraft, recordBoardDecision::recordBoardDecision);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/project-start")
    public Response startProject(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull ProjectStartRequest body) {
        return step(id, ifMatch, body::toDraft, startProject::startProject);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/cost-reports")
    public Response reportCosts(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @NotNull CostReportRequest body) {
        return step(id, ifMatch, body::toDraft, reportCosts::reportCosts);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/follow-ups")
    public Response submitFollowUp(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull FollowUpRequest body) {
        return step(id, ifMatch, body::toDraft, submitFollowUp::submitFollowUp);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/evaluation")
    public Response submitEvaluation(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @NotNull EvaluationRequest body) {
        return step(id, ifMatch, body::toDraft, submitEvaluation::submitEvaluation);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/implementation-decision")
    public Response recordImplementationDecision(@PathParam("id") String id,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @NotNull ImplementationDecisionRequest body) {
        return step(id, ifMatch, body::toDraft, recordImplementationDecision::recordImplementationDecision);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/withdrawal")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull WithdrawalRequest body) {
        return step(id, ifMatch, body::reason, withdraw::withdraw);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/termination")
    public Response terminate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @NotNull TerminationRequest body) {
        return step(id, ifMatch, body::toDraft, terminate::terminate);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/repayment-plan")
    public Response setRepaymentPlan(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @NotNull RepaymentPlanRequest body) {
        return step(id, ifMatch, body::toDomain, setRepaymentPlan::setRepaymentPlan);
    }

    /**
     * Takes a step: the If-Match first (428), then the body read as the step's draft (only money is parsed there),
     * then the use case, which refuses in the domain's order; answers the application with its new ETag.
     */
    private <D> Response step(String id, String ifMatch, Supplier<D> draft,
                              Function<StepCommand<D>, ApplicationView> useCase) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(useCase.apply(new StepCommand<>(applicationId(id), version, draft.get())));
    }

    /** The application as JSON (written once for as long as its view is the same) with its ETag. */
    private Response ok(ApplicationView view) {
        return Response.ok(rendered.json(view), JSON)
                .header(HttpHeaders.ETAG, Preconditions.etag(view.application().version())).build();
    }

}
