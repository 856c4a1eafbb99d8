package se.socialfund.adapters.rest.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.Ids;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.board.BoardDecisionsUseCase;

/**
 * The board's meeting on an application period (kommunstyrelsens sammanträde): its decisions as one act. Shares its
 * path with the periods' resource, so that the router sees all the period paths at once.
 */
@Path("/api/v1/application-periods")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,128}");

    @Inject
    BoardDecisionsUseCase decisions;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/board-decisions")
    public Response decide(@PathParam("id") String id, @HeaderParam(IDEMPOTENCY_KEY) String key,
                           @NotNull BoardDtos.BoardDecisionsRequest body) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new BadParameter(IDEMPOTENCY_KEY, "8 to 128 visible ASCII characters, e.g. a UUID");
        }
        UUID periodId = periodId(id);
        BoardDecisionsUseCase.Result result = decisions.decide(new BoardDecisionsUseCase.Command(periodId,
                body.toDraft(), key, key == null ? null : fingerprint(periodId, body)));
        Response.ResponseBuilder response = Response.ok(BoardDtos.BoardDecisionsDto.of(result.receipt()));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    /** An id that is not a UUID names nothing: 404. */
    public static UUID periodId(String id) {
        return Ids.inPath(id, "application period");
    }

    /** A digest of the period and the request's content, the same whatever its key order or white space. */
    private String fingerprint(UUID periodId, Object body) {
        try {
            byte[] canonical = (periodId + ":" + mapper.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a request", e);
        }
    }
}
