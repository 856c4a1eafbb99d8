package se.socialfund.adapters.rest;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.dto.OtherRequests.PeriodRequest;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.dto.Responses.PeriodDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.ListApplicationPeriodsQuery;
import se.socialfund.application.port.in.OpenApplicationPeriodUseCase;
import se.socialfund.domain.period.ApplicationPeriod;

/** Application periods (ansökningsperioder): two a year, never overlapping. */
@Path("/api/v1/application-periods")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationPeriodResource {
    @Inject
    OpenApplicationPeriodUseCase open;

    @Inject
    ListApplicationPeriodsQuery list;

    @GET
    public PageDto<PeriodDto> list(@QueryParam("year") String year) {
        Integer y = null;
        if (year != null) {
            try {
                y = Integer.parseInt(year);
                if (y < 0 || y > 9999) {
                    throw new NumberFormatException("outside the contract's 0 to 9999");
                }
            } catch (NumberFormatException e) {
                throw new BadParameter("year", "a year such as 2026");
            }
        }
        return new PageDto<>(list.list(y).stream().map(ResponseMapper::period).toList(), null);
    }

    @GET
    @Path("/{id}")
    public PeriodDto get(@PathParam("id") String id) {
        return ResponseMapper.period(list.get(Ids.inPath(id, "application period")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@NotNull PeriodRequest body) {
        ApplicationPeriod period = open.open(new OpenApplicationPeriodUseCase.Command(body.name(), body.opensOn(),
                body.closesOn()));
        return Response.created(URI.create("/api/v1/application-periods/" + period.id()))
                .entity(ResponseMapper.period(period)).build();
    }
}
