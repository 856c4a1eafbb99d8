package se.socialfund.adapters.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

import se.socialfund.adapters.rest.dto.ApplicationContentDto;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.dto.Responses.ReceiptDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.GetApplicationQuery;
import se.socialfund.application.port.in.SubmitApplicationUseCase;
import se.socialfund.application.port.in.ApplicationSearch;
import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.shared.Role;

/** Applications (ansökningar): submitting, and the filtered list. One application's resources are in {@link ApplicationItemResource}. */
@Path("/api/v1/applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,128}");

    @Inject
    SubmitApplicationUseCase submit;

    @Inject
    GetApplicationQuery query;

    @Inject
    ObjectMapper mapper;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@HeaderParam(IDEMPOTENCY_KEY) String key, @NotNull ApplicationContentDto body) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new BadParameter(IDEMPOTENCY_KEY, "8 to 128 visible ASCII characters, e.g. a UUID");
        }
        if (key == null && identity.hasRole(Role.FORM_INTEGRATION.claim())) {
            throw new BadParameter(IDEMPOTENCY_KEY, "the application form must send an Idempotency-Key, so that "
                    + "its retries never make a second application");
        }
        SubmitApplicationUseCase.Result result = submit.submit(
                new SubmitApplicationUseCase.Command(body.toDomain(), key, key == null ? null : fingerprint(body)));
        SubmitApplicationUseCase.Receipt r = result.receipt();
        Response.ResponseBuilder response = Response.created(URI.create(ResponseMapper.APPLICATIONS + r.applicationId()))
                .header(HttpHeaders.ETAG, Preconditions.etag(r.version()))
                .entity(new ReceiptDto(r.applicationId(), r.registrationNumber(), r.periodId(), r.stage(),
                        r.version(), r.receivedAt()));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    /** A digest of the request's content, the same whatever its key order or white space. */
    private String fingerprint(ApplicationContentDto body) {
        try {
            byte[] canonical = mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a request", e);
        }
    }

    @GET
    public PageDto<?> list(@QueryParam("stage") String stage, @QueryParam("office") String office,
                           @QueryParam("period") String period,
                           @QueryParam("registrationNumber") String registrationNumber,
                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ApplicationSearch search = new ApplicationSearch(stage(stage), office(office), uuid("period", period),
                registrationNumber(registrationNumber));
        var page = query.list(search, Paging.limit(limit), Paging.after(cursor));
        return new PageDto<>(page.items().stream().map(ResponseMapper::summary).toList(),
                Paging.cursor(page.after()));
    }

    /** An id that is not a UUID names nothing: 404, as for an id that does not exist. */
    static UUID applicationId(String id) {
        return Ids.inPath(id, "application");
    }

    static UUID uuid(String parameter, String value) {
        if (value == null) {
            return null;
        }
        return Ids.parse(value).orElseThrow(() -> new BadParameter(parameter, parameter + " must be a UUID"));
    }

    private static Stage stage(String stage) {
        if (stage == null) {
            return null;
        }
        try {
            return Stage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("stage", "stage must be one of " + java.util.Arrays.toString(Stage.values()));
        }
    }

    static String office(String office) {
        if (office != null && !se.socialfund.domain.shared.Limits.OFFICE.matcher(office).matches()) {
            throw new BadParameter("office", se.socialfund.domain.shared.Limits.OFFICE_MESSAGE);
        }
        return office;
    }

    private static String registrationNumber(String number) {
        if (number != null && !RegistrationNumber.isWellFormed(number)) {
            throw new BadParameter("registrationNumber", "a registration number such as \"KS 2021/0648\"");
        }
        return number;
    }
}
