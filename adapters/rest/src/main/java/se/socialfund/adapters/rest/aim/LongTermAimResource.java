package se.socialfund.adapters.rest.aim;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.aim.LongTermAimUseCases;
import se.socialfund.domain.aim.AimLink;
import se.socialfund.domain.aim.AimValue;
import se.socialfund.domain.aim.ContextIndicator;

/**
 * Långsiktigt mål: the municipality's context indicators (omvärldsindikatorer) that follow the fund's long-term aim,
 * their values per year, and the investments' indicators linked to them. Every write is a PUT that is idempotent by
 * nature: sending it again leaves the same state, so it asks for no If-Match (the last write wins).
 */
@Path("/api/v1/context-indicators")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LongTermAimResource {
    public record ContextIndicatorRequest(String name, String unit, String source, String sourceKey) {
    }

    public record ContextIndicatorValueRequest(BigDecimal value) {
    }

    public record AimLinkRequest(String contextIndicator) {
    }

    public record ContextIndicatorDto(String code, String name, String unit, String source, String sourceKey) {
        static ContextIndicatorDto of(ContextIndicator i) {
            return new ContextIndicatorDto(i.code(), i.name(), i.unit(), i.source(), i.sourceKey());
        }
    }

    public record ContextIndicatorValueDto(String indicator, int year, BigDecimal value) {
        static ContextIndicatorValueDto of(AimValue v) {
            return new ContextIndicatorValueDto(v.indicator(), v.year(), v.value());
        }
    }

    public record AimLinkDto(UUID applicationId, String indicatorCode, String contextIndicator) {
        static AimLinkDto of(AimLink l) {
            return new AimLinkDto(l.applicationId(), l.indicatorCode(), l.contextIndicator());
        }
    }

    public record LongTermAimDto(ContextIndicatorDto indicator, List<ContextIndicatorValueDto> values,
                                 List<AimLinkDto> links) {
    }

    @Inject
    LongTermAimUseCases aims;

    @GET
    public PageDto<LongTermAimDto> list() {
        return new PageDto<>(aims.list().stream().map(a -> new LongTermAimDto(ContextIndicatorDto.of(a.indicator()),
                a.values().stream().map(ContextIndicatorValueDto::of).toList(),
                a.links().stream().map(AimLinkDto::of).toList())).toList(), null);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContextIndicatorDto define(@PathParam("code") String code, @NotNull ContextIndicatorRequest body) {
        return ContextIndicatorDto.of(aims.define(code, new ContextIndicator.Draft(body.name(), body.unit(),
                body.source(), body.sourceKey())));
    }

    @PUT
    @Path("/{code}/values/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContextIndicatorValueDto enter(@PathParam("code") String code, @PathParam("year") String year,
                                          @NotNull ContextIndicatorValueRequest body) {
        int y;
        try {
            y = Integer.parseInt(year);
        } catch (NumberFormatException e) {
            throw new BadParameter("year", "the value's year, e.g. 2026");
        }
        return ContextIndicatorValueDto.of(aims.enter(code, y, body.value()));
    }
}
