package se.socialfund.adapters.rest.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import se.socialfund.adapters.rest.Ids;
import se.socialfund.adapters.rest.Paging;
import se.socialfund.adapters.rest.document.ContentDownload;
import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.publication.PublicationQueries.Filter;
import se.socialfund.application.port.in.publication.PublicationQueries.FundFigures;
import se.socialfund.application.port.in.publication.PublicationQueries.OpenData;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicDocument;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicDocuments;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicFund;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicInvestment;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicInvestments;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.NotFound;

/**
 * For anyone, without sign-in: the granted investments (beviljade sociala investeringar), the fund's figures, the
 * published documents and the open data. Every answer may be cached by anyone for a short while ({@code Cache-Control:
 * public, max-age}) and carries a strong ETag, the SHA-256 of its bytes, which {@code If-None-Match} revalidates (304).
 */
@Path("/api/v1/public")
public class PublicResource {
    static final String BASE = "/api/v1/public";
    /** The stages the list's {@code stage} filter takes: those of a granted investment. */
    static final Set<Stage> STAGES = EnumSet.of(Stage.GRANTED, Stage.IN_IMPLEMENTATION, Stage.FOLLOWED_UP,
            Stage.EVALUATED, Stage.CLOSED, Stage.TERMINATED);

    @Inject
    PublicInvestments investments;

    @Inject
    PublicFund fund;

    @Inject
    PublicDocuments documents;

    @Inject
    OpenData openData;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "socialfund.public.max-age")
    Duration maxAge;

    public record PublicDocumentDto(UUID id, String documentNumber, String title, String type, String mediaType,
                                    long size, String fileName, String sha256, Instant publishedAt,
                                    String contentUrl) {
        static PublicDocumentDto of(PublicDocument d) {
            return new PublicDocumentDto(d.id(), d.documentNumber(), d.title(), d.type().name(), d.mediaType(),
                    d.size(), d.fileName(), d.sha256(), d.publishedAt(), contentPath(d.id()));
        }
    }

    /** What the public page shows of an investment; {@code period} and {@code periodYear} as before. */
    public record PublicInvestmentDto(UUID id, String registrationNumber, String title, List<String> offices,
                                      String leadOffice, String purpose, MoneyDto grantedAmount,
                                      MoneyDto spentAmount, String period, int periodYear, LocalDate decidedOn,
                                      String minutesParagraph, LocalDate startDate, LocalDate plannedEndDate,
                                      LocalDate endedOn, String stage, List<String> agenda2030,
                                      List<PublicDocumentDto> documents) {
        static PublicInvestmentDto of(PublicInvestment i) {
            return new PublicInvestmentDto(i.id(), i.registrationNumber(), i.title(), i.offices(), i.leadOffice(),
                    i.purpose(), MoneyDto.of(i.grantedAmount()), MoneyDto.of(i.spentAmount()), i.period(),
                    i.periodYear(), i.decidedOn(), i.minutesParagraph(), i.startDate(), i.plannedEndDate(),
                    i.endedOn(), i.stage().name(), i.agenda2030(),
                    i.documents().stream().map(PublicDocumentDto::of).toList());
        }
    }

    public record PublicFundDto(MoneyDto capital, MoneyDto committed, MoneyDto returned, MoneyDto available,
                                int investments) {
    }

    @GET
    @Path("/investments")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @QueryParam("year") String year, @QueryParam("stage") String stage,
                         @QueryParam("office") String office, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        Filter filter = new Filter(year(year), stage(stage), office(office));
        Page<PublicInvestment> page = investments.list(filter, Paging.limit(limit), Paging.after(cursor));
        return cacheable(new PageDto<>(page.items().stream().map(PublicInvestmentDto::of).toList(),
                Paging.cursor(page.after())), ifNoneMatch);
    }

    @GET
    @Path("/investments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return cacheable(PublicInvestmentDto.of(investments.get(id(id, "investment"))), ifNoneMatch);
    }

    @GET
    @Path("/fund")
    @Produces(MediaType.APPLICATION_JSON)
    public Response fund(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FundFigures f = fund.figures();
        return cacheable(new PublicFundDto(MoneyDto.of(f.capital()), MoneyDto.of(f.committed()),
                MoneyDto.of(f.returned()), MoneyDto.of(f.available()), f.investments()), ifNoneMatch);
    }

    /** A published document's content: the signed-in download's answer, cacheable by anyone. */
    @GET
    @Path("/documents/{id}/content")
    public Response content(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        UUID documentId = id(id, "published document");
        PublicDocument d = documents.published(documentId);
        return ContentDownload.respond(new ContentDownload.Content(d.sha256(), d.size(), d.mediaType(), d.fileName(),
                        (offset, length) -> documents.open(documentId, offset, length)), ifNoneMatch, range, ifRange,
                cacheControl(), contentPath(documentId));
    }

    /**
     * The granted investments as a 360Giving package (standard 1.4), or as CSV in 360Giving's flattened column
     * names: {@code format=csv}, or {@code Accept: text/csv} ranked before JSON.
     */
    @GET
    @Path("/open-data/360giving")
    @Produces({MediaType.APPLICATION_JSON, ThreeSixtyGiving.CSV + ";charset=UTF-8"})
    public Response threeSixtyGiving(@Context UriInfo uri, @Context HttpHeaders headers,
                                     @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                     @QueryParam("year") String year, @QueryParam("format") String format) {
        Integer y = year(year);
        boolean csv;
        if (format == null) {
            csv = se.socialfund.adapters.rest.AuditResource.prefersCsv(headers);
        } else if (format.equals("csv") || format.equals("json")) {
            csv = format.equals("csv");
        } else {
            throw new BadParameter("format", "json or csv");
        }
        OpenData.Export export = openData.threeSixtyGiving(y);
        String base = export.settings().publicBaseUrl() != null ? export.settings().publicBaseUrl()
                : uri.getBaseUri().toString();
        ThreeSixtyGiving document = new ThreeSixtyGiving(export, base.endsWith("/") ? base.substring(0,
                base.length() - 1) : base);
        if (csv) {
            return cacheable(document.csv().getBytes(StandardCharsets.UTF_8), ThreeSixtyGiving.CSV + ";charset=UTF-8",
                    ifNoneMatch);
        }
        return cacheable(document.json(), ifNoneMatch);
    }

    static String contentPath(UUID documentId) {
        return BASE + "/documents/" + documentId + "/content";
    }

    private Response cacheable(Object body, String ifNoneMatch) {
        try {
            return cacheable(json.writeValueAsBytes(body), MediaType.APPLICATION_JSON, ifNoneMatch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a public answer could not be written", e);
        }
    }

    /** The bytes with a strong ETag of their SHA-256; 304 when the client holds them already. */
    private Response cacheable(byte[] body, String type, String ifNoneMatch) {
        String etag = "\"" + sha256(body) + "\"";
        if (ifNoneMatch != null && ContentDownload.matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl()).build();
        }
        return Response.ok(body, type).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl()).build();
    }

    private String cacheControl() {
        return "public, max-age=" + maxAge.toSeconds();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Integer year(String year) {
        if (year == null) {
            return null;
        }
        if (year.matches("\\d{4}")) {
            int y = Integer.parseInt(year);
            if (y >= 1900) {
                return y;
            }
        }
        throw new BadParameter("year", "a year of the board's decision, 1900 to 9999");
    }

    private static Stage stage(String stage) {
        if (stage == null) {
            return null;
        }
        for (Stage s : STAGES) {
            if (s.name().equals(stage)) {
                return s;
            }
        }
        throw new BadParameter("stage", "one of the stages of a granted investment: " + STAGES);
    }

    private static String office(String office) {
        if (office == null) {
            return null;
        }
        if (!Limits.OFFICE.matcher(office).matches()) {
            throw new BadParameter("office", "an office code such as utbildningskontoret (" + Limits.OFFICE_MESSAGE
                    + ")");
        }
        return office;
    }

    private static UUID id(String id, String what) {
        // the public answer does not repeat what it was sent
        return Ids.parse(id).orElseThrow(() -> new NotFound(what));
    }
}
