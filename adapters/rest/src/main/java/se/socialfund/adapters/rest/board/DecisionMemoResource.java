package se.socialfund.adapters.rest.board;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.Paging;
import se.socialfund.adapters.rest.Preconditions;
import se.socialfund.adapters.rest.document.DocumentDtos.DocumentDto;
import se.socialfund.adapters.rest.document.DocumentResource;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.application.port.in.document.DocumentUseCases.ViewDocuments;
import se.socialfund.domain.document.Document;
import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.application.port.in.board.DecisionMemoUseCases;
import se.socialfund.application.port.in.board.DecisionMemoUseCases.Memo;

/** Tjänsteskrivelsen: a period's decision memo as JSON or PDF/A, and its priority order. */
@Path("/api/v1/application-periods")
@Authenticated
public class DecisionMemoResource {
    static final String PDF = "application/pdf";

    public record GoalDto(String code, String name) {
    }

    public record ReviewSummaryDto(int number, Instant addedAt, String addedBy, String summary) {
    }

    public record MemoItemDto(int priority, UUID applicationId, String registrationNumber, String title,
                              String leadOffice, List<String> offices, long applicationVersion,
                              MoneyDto requestedAmount, String recommendation, String motivation,
                              List<GoalDto> overallGoals, List<String> agenda2030, int reviewCount,
                              List<ReviewSummaryDto> reviews, String href) {
    }

    public record DecisionMemoDto(UUID periodId, String periodName, LocalDate opensOn, LocalDate closesOn,
                                  LocalDate asOf, long version, Instant prioritiesSetAt, String prioritiesSetBy,
                                  List<MemoItemDto> items, MoneyDto requestedSum, MoneyDto available,
                                  String registrationNumber) {
        static DecisionMemoDto of(Memo m) {
            return new DecisionMemoDto(m.periodId(), m.periodName(), m.opensOn(), m.closesOn(), m.asOf(),
                    m.version(), m.prioritiesSetAt(), m.prioritiesSetBy(), m.items().stream().map(i ->
                    new MemoItemDto(i.priority(), i.applicationId(), i.registrationNumber(), i.title(),
                            i.leadOffice(), i.offices(), i.applicationVersion(), MoneyDto.of(i.requestedAmount()),
                            i.recommendation(), i.motivation(), i.overallGoals().stream()
                            .map(g -> new GoalDto(g.code(), g.name())).toList(), i.agenda2030(), i.reviewCount(),
                            i.reviews().stream().map(r -> new ReviewSummaryDto(r.number(), r.addedAt(),
                                    r.addedBy(), r.summary())).toList(),
                            "/api/v1/applications/" + i.applicationId())).toList(),
                    MoneyDto.of(m.requestedSum()), MoneyDto.of(m.available()), m.registrationNumber());
        }
    }

    public record PrioritiesRequest(List<UUID> order) {
    }

    @Inject
    DecisionMemoUseCases memos;

    @Inject
    ViewDocuments documents;

    /** JSON, or the PDF/A document when the client prefers application/pdf (Accept, in its order of preference). */
    @GET
    @Path("/{id}/decision-memo")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    public Response memo(@PathParam("id") String id, @Context HttpHeaders headers) {
        UUID period = BoardResource.periodId(id);
        if (prefersPdf(headers)) {
            DecisionMemoUseCases.Pdf pdf = memos.memoPdf(period);
            return Response.ok(pdf.content(), PDF).header(HttpHeaders.ETAG, Preconditions.etag(pdf.version()))
                    .header("Content-Disposition", "attachment; filename=\"tjansteskrivelse-" + period + ".pdf\"")
                    .build();
        }
        Memo m = memos.memo(period);
        return Response.ok(DecisionMemoDto.of(m), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, Preconditions.etag(m.version())).build();
    }

    public static boolean prefersPdf(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(PDF))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Freezes the memo for the board's meeting as a DECISION_MEMO document of the period: 201 with the new
     * document, or 200 with the one already made when this memo (same version, same content) was frozen before.
     */
    @POST
    @Path("/{id}/decision-memo/documents")
    @Produces(MediaType.APPLICATION_JSON)
    public Response freeze(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.expectedVersion(ifMatch);
        DecisionMemoUseCases.Frozen frozen = memos.freeze(BoardResource.periodId(id), version);
        Document d = frozen.document().document();
        Response.ResponseBuilder response = frozen.created()
                ? Response.created(URI.create(DocumentResource.DOCUMENTS + d.id()))
                : Response.ok().header(HttpHeaders.CONTENT_LOCATION, DocumentResource.DOCUMENTS + d.id());
        return response.type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, Preconditions.etag(d.version()))
                .entity(DocumentDto.of(frozen.document())).build();
    }

    /** The documents of the period's board matter (its frozen memos), in the order they were registered. */
    @GET
    @Path("/{id}/documents")
    @Produces(MediaType.APPLICATION_JSON)
    public PageDto<DocumentDto> documents(@PathParam("id") String id, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        var page = documents.listOfPeriod(BoardResource.periodId(id), Paging.limit(limit), Paging.after(cursor));
        return new PageDto<>(page.items().stream().map(DocumentDto::of).toList(), Paging.cursor(page.after()));
    }

    @PUT
    @Path("/{id}/decision-memo/priorities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setPriorities(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @NotNull PrioritiesRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        Memo m = memos.setPriorities(BoardResource.periodId(id), version, body.order());
        return Response.ok(DecisionMemoDto.of(m)).header(HttpHeaders.ETAG, Preconditions.etag(m.version())).build();
    }
}
