package se.socialfund.adapters.rest;

import java.time.Instant;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.dto.Responses.AuditEventDto;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.dto.Responses.VerificationDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.adapters.rest.problem.UnstorableText;
import se.socialfund.application.port.in.AuditQuery;
import se.socialfund.application.port.in.AuditFilter;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.audit.AuditEvent;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.audit.ChainVerification;

/** The audit trail: who did what and when, as JSON or as CSV for spreadsheets, and the chain's verification. */
@Path("/api/v1/audit-events")
@Authenticated
public class AuditResource {
    static final String CSV = "text/csv";
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Inject
    AuditQuery audit;

    /**
     * JSON unless the client prefers CSV: no Accept, {@code *}{@code /*} and {@code application/*} get JSON (what
     * curl, Python's requests and generated clients send), {@code text/csv} (or {@code text/*}) ranked first gets CSV.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV + ";charset=UTF-8"})
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("actor") String actor,
                         @QueryParam("applicationId") String applicationId, @QueryParam("action") String action,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<AuditEvent> page = find(from, to, actor, applicationId, action, limit, cursor);
        if (!prefersCsv(headers)) {
            return Response.ok(new PageDto<>(page.items().stream().map(AuditResource::dto).toList(),
                    Paging.cursor(page.after())), MediaType.APPLICATION_JSON_TYPE).build();
        }
        StringBuilder csv = new StringBuilder("sequence,occurredAt,requestId,actorSubject,actorName,actorRoles,"
                + "actorOffice,clientId,action,outcome,objectType,objectId,registrationNumber,versionBefore,"
                + "versionAfter,previousHash,hash,contentSha256\r\n");
        for (AuditEvent e : page.items()) {
            AuditRecord r = e.record();
            Object[] cells = {e.sequence(), r.occurredAt(), r.requestId(), r.actorSubject(), r.actorName(),
                    String.join(" ", r.actorRoles()), r.actorOffice(), r.clientId(), r.action(), r.outcome(),
                    r.objectType(), r.objectId(), r.registrationNumber(), r.versionBefore(), r.versionAfter(),
                    e.previousHash(), e.hash(), r.contentSha256()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(cells[i]));
            }
            csv.append("\r\n");
        }
        Response.ResponseBuilder response = Response.ok(csv.toString(), CSV + ";charset=UTF-8");
        String next = Paging.cursor(page.after());
        if (next != null) {
            // the same query, continued: every filter and the limit carry over
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
                    .getRawPath() + "?" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
                    .getRawQuery() + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    public VerificationDto verify() {
        ChainVerification v = audit.verify();
        return new VerificationDto(v.intact(), v.checked(), v.firstBrokenAt(), v.problem(), v.lastHash());
    }

    /** The first acceptable type, in the client's order of preference, that one of the two answers fits. */
    public static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }

    private Page<AuditEvent> find(String from, String to, String actor, String applicationId, String action,
                                  String limit, String cursor) {
        ApplicationResource.uuid("applicationId", applicationId);
        if (actor != null && actor.length() > 255) {
            throw new BadParameter("actor", "at most 255 characters");
        }
        if (actor != null && UnstorableText.problemWith(actor) != null) {
            throw new BadParameter("actor", "the actor " + UnstorableText.problemWith(actor));
        }
        if (action != null && !action.matches("[A-Za-z]{1,64}")) {
            throw new BadParameter("action", "an operation id of the API, e.g. submitApplication");
        }
        return audit.find(new AuditFilter(instant("from", from), instant("to", to), actor, applicationId, action),
                Paging.limit(limit), Paging.after(cursor));
    }

    /** Text that a spreadsheet shows as text: quoted when needed, and never read as a formula. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() > 40) { // the contract's maxLength
                throw new DateTimeParseException("longer than a time", value, 40);
            }
            Instant instant = Instant.parse(value);
            if (instant.isBefore(FIRST) || instant.isAfter(LAST)) { // beyond what the database's dates can hold
                throw new DateTimeException("outside the years 0000 to 9999");
            }
            return instant;
        } catch (DateTimeException e) {
            throw new BadParameter(parameter, parameter + " must be a UTC time in the years 0000 to 9999, e.g. "
                    + "2026-01-31T00:00:00Z");
        }
    }

    static AuditEventDto dto(AuditEvent e) {
        AuditRecord r = e.record();
        return new AuditEventDto(e.sequence(), r.occurredAt(), r.requestId(), r.actorSubject(), r.actorName(),
                r.actorRoles(), r.actorOffice(), r.clientId(), r.action(), r.outcome().name(), r.objectType(),
                r.objectId(), r.registrationNumber(), r.versionBefore(), r.versionAfter(), e.previousHash(),
                e.hash(), r.contentSha256());
    }
}
