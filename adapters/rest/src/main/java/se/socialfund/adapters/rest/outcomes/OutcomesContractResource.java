package se.socialfund.adapters.rest.outcomes;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.Ids;
import se.socialfund.adapters.rest.Paging;
import se.socialfund.adapters.rest.Preconditions;
import se.socialfund.adapters.rest.outcomes.OutcomesRequests.*;
import se.socialfund.adapters.rest.outcomes.OutcomesResponses.ContractPageDto;
import se.socialfund.adapters.rest.outcomes.OutcomesResponses.SettlementDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.outcomes.OutcomesContractQueries;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.*;
import se.socialfund.application.port.in.outcomes.OutcomesContractView;
import se.socialfund.domain.outcomes.ContractState;
import se.socialfund.domain.shared.NotFound;

/**
 * Outcomes contracts (sociala utfallskontrakt): drafting and listing, one contract with its ETag and allowed
 * actions, its steps (each a POST on a sub-resource with If-Match, answering the contract with its new ETag), its
 * settlement and its INDIGO project document.
 */
@Path("/api/v1/outcomes-contracts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OutcomesContractResource {
    @Inject CreateContract create;
    @Inject SignContract sign;
    @Inject AmendContract amend;
    @Inject RecordMeasurements recordMeasurements;
    @Inject ValidatePeriod validate;
    @Inject ApprovePayment approvePayment;
    @Inject EnterFinalSettlement enterFinalSettlement;
    @Inject CloseContract close;
    @Inject OutcomesContractQueries queries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull ContractRequest body) {
        OutcomesContractView view = create.create(new CreateContract.Command(OutcomesMapper.terms(body)));
        return Response.created(URI.create("/api/v1/outcomes-contracts/" + view.contract().id()))
                .header(HttpHeaders.ETAG, Preconditions.etag(view.contract().version()))
                .entity(OutcomesMapper.contract(view)).build();
    }

    @GET
    public ContractPageDto list(@QueryParam("state") String state, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        var page = queries.list(state(state), Paging.limit(limit), Paging.after(cursor));
        return new ContractPageDto(page.items().stream().map(OutcomesMapper::contract).toList(),
                Paging.cursor(page.after()));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return ok(queries.get(id(id)));
    }

    @GET
    @Path("/{id}/settlement")
    public SettlementDto settlement(@PathParam("id") String id) {
        UUID contract = id(id);
        return OutcomesMapper.settlement(contract, queries.settlement(contract));
    }

    @GET
    @Path("/{id}/indigo")
    public Map<String, Object> indigo(@PathParam("id") String id) {
        return IndigoProject.of(queries.forIndigo(id(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/signature")
    public Response sign(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull SignatureRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(sign.sign(new SignContract.Command(id(id), version, body.signedOn(), body.decisionReference())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/amendments")
    public Response amend(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull AmendmentRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(amend.amend(new AmendContract.Command(id(id), version, body.description(), body.reason(),
                body.decisionReference(), body.effectiveFrom(), OutcomesMapper.periods(body.periods()),
                OutcomesMapper.money(body.paymentCap(), "/paymentCap/amount"),
                OutcomesMapper.money(body.investmentDrawn(), "/investmentDrawn/amount"))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/periods/{number}/measurements")
    public Response recordMeasurements(@PathParam("id") String id, @PathParam("number") String n,
                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @NotNull MeasurementsRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(recordMeasurements.recordMeasurements(new RecordMeasurements.Command(id(id), version, period(n),
                OutcomesMapper.measurements(body))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/periods/{number}/validation")
    public Response validate(@PathParam("id") String id, @PathParam("number") String n,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull ValidationRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(validate.validate(new ValidatePeriod.Command(id(id), version, period(n), body.statement())));
    }

    @POST
    @Path("/{id}/periods/{number}/payment-approval")
    public Response approvePayment(@PathParam("id") String id, @PathParam("number") String n,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(approvePayment.approvePayment(new ApprovePayment.Command(id(id), version, period(n))));
    }

    @POST
    @Path("/{id}/final-settlement")
    public Response enterFinalSettlement(@PathParam("id") String id,
                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(enterFinalSettlement.enterFinalSettlement(new EnterFinalSettlement.Command(id(id), version)));
    }

    @POST
    @Path("/{id}/closure")
    public Response close(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(close.close(new CloseContract.Command(id(id), version)));
    }

    private static Response ok(OutcomesContractView view) {
        return Response.ok(OutcomesMapper.contract(view))
                .header(HttpHeaders.ETAG, Preconditions.etag(view.contract().version())).build();
    }

    private static UUID id(String id) {
        return Ids.inPath(id, "outcomes contract");
    }

    private static int period(String n) {
        try {
            int number = Integer.parseInt(n);
            if (number >= 1 && number <= 1000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new NotFound("period " + n);
    }

    private static ContractState state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return ContractState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("state", "state must be one of " + java.util.Arrays.toString(ContractState.values()));
        }
    }
}
