package se.socialfund.adapters.rest.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.application.port.in.board.GuidelineReviewUseCases;
import se.socialfund.domain.board.GuidelineReview;

/** Riktlinjens uppföljning: the guideline's review once per term of office. */
@Path("/api/v1/guideline-reviews")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GuidelineReviewResource {
    public record GuidelineReviewRequest(LocalDate reviewedOn, String decisionReference) {
    }

    public record GuidelineReviewDto(UUID id, String guideline, LocalDate reviewedOn, String decisionReference,
                                     LocalDate termStart, Instant recordedAt, String recordedBy) {
        static GuidelineReviewDto of(GuidelineReview r) {
            return new GuidelineReviewDto(r.id(), GuidelineReview.GUIDELINE, r.reviewedOn(), r.decisionReference(),
                    r.termStart(), r.recordedAt(), r.recordedBy());
        }
    }

    @Inject
    GuidelineReviewUseCases reviews;

    @GET
    public PageDto<GuidelineReviewDto> list() {
        return new PageDto<>(reviews.list().stream().map(GuidelineReviewDto::of).toList(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@NotNull GuidelineReviewRequest body) {
        GuidelineReview review = reviews.record(new GuidelineReview.Draft(body.reviewedOn(),
                body.decisionReference()));
        return Response.status(Response.Status.CREATED).entity(GuidelineReviewDto.of(review)).build();
    }
}
