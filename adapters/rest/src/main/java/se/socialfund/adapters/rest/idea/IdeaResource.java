package se.socialfund.adapters.rest.idea;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

import se.socialfund.adapters.rest.Ids;
import se.socialfund.adapters.rest.Paging;
import se.socialfund.adapters.rest.Preconditions;
import se.socialfund.adapters.rest.dto.Responses.AllowedActionDto;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.idea.IdeaDtos.*;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.idea.IdeaSummary;
import se.socialfund.application.port.in.idea.IdeaUseCases.AnswerQuestion;
import se.socialfund.application.port.in.idea.IdeaUseCases.AskQuestion;
import se.socialfund.application.port.in.idea.IdeaUseCases.Conversion;
import se.socialfund.application.port.in.idea.IdeaUseCases.ConvertIdea;
import se.socialfund.application.port.in.idea.IdeaUseCases.DeclineIdea;
import se.socialfund.application.port.in.idea.IdeaUseCases.IdeaQueries;
import se.socialfund.application.port.in.idea.IdeaUseCases.IdeaSearch;
import se.socialfund.application.port.in.idea.IdeaUseCases.SponsorIdea;
import se.socialfund.application.port.in.idea.IdeaUseCases.StartScreening;
import se.socialfund.application.port.in.idea.IdeaUseCases.StepCommand;
import se.socialfund.application.port.in.idea.IdeaUseCases.SubmitIdea;
import se.socialfund.application.port.in.idea.IdeaUseCases.WithdrawIdea;
import se.socialfund.application.port.in.idea.IdeaView;
import se.socialfund.domain.idea.IdeaEvent;
import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaStage;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Role;

/**
 * Ideas (idéprövning): sending one (with Idempotency-Key), the filtered list, one idea with its ETag, allowed
 * actions and history, and its steps, each a POST on a sub-resource with If-Match answering the idea after it.
 */
@Path("/api/v1/ideas")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class IdeaResource {
    static final String IDEAS = "/api/v1/ideas/";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,128}");

    @Inject SubmitIdea submit;
    @Inject IdeaQueries query;
    @Inject StartScreening startScreening;
    @Inject AskQuestion askQuestion;
    @Inject AnswerQuestion answerQuestion;
    @Inject SponsorIdea sponsor;
    @Inject DeclineIdea decline;
    @Inject WithdrawIdea withdraw;
    @Inject ConvertIdea convert;
    @Inject ObjectMapper mapper;
    @Inject SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@HeaderParam(IDEMPOTENCY_KEY) String key, @NotNull IdeaContentDto body) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new BadParameter(IDEMPOTENCY_KEY, "8 to 128 visible ASCII characters, e.g. a UUID");
        }
        if (key == null && identity.hasRole(Role.FORM_INTEGRATION.claim())) {
            throw new BadParameter(IDEMPOTENCY_KEY, "the form must send an Idempotency-Key, so that its retries "
                    + "never register an idea twice");
        }
        SubmitIdea.Result result = submit.submit(new SubmitIdea.Command(body.toDomain(), key,
                key == null ? null : fingerprint(body)));
        SubmitIdea.Receipt r = result.receipt();
        Response.ResponseBuilder response = Response.created(URI.create(IDEAS + r.ideaId()))
                .header(HttpHeaders.ETAG, Preconditions.etag(r.version()))
                .entity(new IdeaReceiptDto(r.ideaId(), r.registrationNumber(), r.stage(), r.version(), r.receivedAt()));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    public PageDto<IdeaSummaryDto> list(@QueryParam("stage") String stage, @QueryParam("office") String office,
                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var page = query.list(new IdeaSearch(stage(stage), office(office)), Paging.limit(limit),
                Paging.after(cursor));
        return new PageDto<>(page.items().stream().map(IdeaResource::summary).toList(), Paging.cursor(page.after()));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return ok(query.get(ideaId(id)));
    }

    @GET
    @Path("/{id}/history")
    public PageDto<IdeaEventDto> history(@PathParam("id") String id) {
        return new PageDto<>(query.history(ideaId(id)).stream().map(IdeaResource::event).toList(), null);
    }

    @POST
    @Path("/{id}/screening")
    public Response startScreening(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return step(id, ifMatch, null, startScreening::startScreening);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/questions")
    public Response askQuestion(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @NotNull QuestionRequest body) {
        return step(id, ifMatch, body.question(), askQuestion::askQuestion);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/answers")
    public Response answerQuestion(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull AnswerRequest body) {
        return step(id, ifMatch, body.answer(), answerQuestion::answerQuestion);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/sponsorship")
    public Response sponsor(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull SponsorshipRequest body) {
        return step(id, ifMatch, body.comment(), sponsor::sponsor);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/decline")
    public Response decline(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull DeclineRequest body) {
        return step(id, ifMatch, body.reasons(), decline::decline);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/withdrawal")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull WithdrawalRequest body) {
        return step(id, ifMatch, body.reason(), withdraw::withdraw);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/conversion")
    public Response convert(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull ConversionRequest body) {
        long version = Preconditions.expectedVersion(ifMatch);
        UUID ideaId = ideaId(id);
        Conversion conversion = new Conversion(body.application() == null ? null : body.application().toDomain(),
                body.partners());
        return ok(convert.convert(new StepCommand<>(ideaId, version, conversion)));
    }

    private static <D> Response step(String id, String ifMatch, D draft, Function<StepCommand<D>, IdeaView> useCase) {
        long version = Preconditions.expectedVersion(ifMatch);
        return ok(useCase.apply(new StepCommand<>(ideaId(id), version, draft)));
    }

    private static Response ok(IdeaView view) {
        return Response.ok(idea(view)).header(HttpHeaders.ETAG, Preconditions.etag(view.idea().version())).build();
    }

    static IdeaDto idea(IdeaView view) {
        IdeaSnapshot s = view.idea();
        return new IdeaDto(s.id(), s.registrationNumber().toString(), s.stage().name(), s.version(), s.receivedAt(),
                s.updatedAt(), IdeaContentDto.of(s.content()), view.contactShown(), s.screeningSince(),
                s.questions().stream().map(q -> new QuestionDto(q.number(), q.question(), q.askedAt(), q.askedBy(),
                        q.answer(), q.answeredAt(), q.answeredBy())).toList(),
                s.sponsorship() == null ? null : new SponsorshipDto(s.sponsorship().office(),
                        s.sponsorship().comment(), s.sponsorship().sponsoredAt(), s.sponsorship().sponsoredBy()),
                s.decline() == null ? null : new DeclineDto(s.decline().reasons(), s.decline().declinedAt(),
                        s.decline().declinedBy()),
                s.withdrawal() == null ? null : new WithdrawalDto(s.withdrawal().reason(),
                        s.withdrawal().withdrawnAt(), s.withdrawal().withdrawnBy()),
                s.conversion() == null ? null : new ConversionDto(s.conversion().applicationId(),
                        s.conversion().registrationNumber(), "/api/v1/applications/" + s.conversion().applicationId(),
                        s.conversion().externalPartners().stream().map(o -> new OrganisationDto(o.name(),
                                o.organisationNumber())).toList(), s.conversion().convertedAt(),
                        s.conversion().convertedBy()),
                view.allowedActions().stream().map(a -> new AllowedActionDto(a.name(), "POST",
                        IDEAS + s.id() + "/" + a.resource())).toList());
    }

    static IdeaSummaryDto summary(IdeaSummary s) {
        return new IdeaSummaryDto(s.id(), s.registrationNumber(), s.title(), s.stage().name(), s.version(),
                s.offices(), s.sponsoringOffice(), s.applicationId(), s.receivedAt(), s.updatedAt());
    }

    static IdeaEventDto event(IdeaEvent e) {
        return new IdeaEventDto(e.type(), e.at(), e.actorName(), e.actorRole(), e.actorOffice(),
                e.stageBefore() == null ? null : e.stageBefore().name(), e.stageAfter().name(), e.version(),
                e.detail());
    }

    /** A digest of the request's content, the same whatever its key order or white space. */
    private String fingerprint(IdeaContentDto body) {
        try {
            byte[] canonical = mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a request", e);
        }
    }

    /** An id that is not a UUID names nothing: 404, as for an id that does not exist. */
    static UUID ideaId(String id) {
        return Ids.inPath(id, "idea");
    }

    private static IdeaStage stage(String stage) {
        if (stage == null) {
            return null;
        }
        try {
            return IdeaStage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("stage", "stage must be one of " + List.of(IdeaStage.values()));
        }
    }

    private static String office(String office) {
        if (office != null && !Limits.OFFICE.matcher(office).matches()) {
            throw new BadParameter("office", Limits.OFFICE_MESSAGE);
        }
        return office;
    }
}
