package se.socialfund.adapters.rest.aim;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.aim.LongTermAimResource.AimLinkDto;
import se.socialfund.adapters.rest.aim.LongTermAimResource.AimLinkRequest;
import se.socialfund.application.port.in.aim.LongTermAimUseCases;

/**
 * An investment's indicator linked to the long-term aim: a root of its own, so that it is matched before the
 * applications' resources (a longer literal path).
 */
@Path("/api/v1/applications/{id}/indicators/{indicatorCode}/aim")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AimLinkResource {
    @Inject
    LongTermAimUseCases aims;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public AimLinkDto link(@PathParam("id") String id, @PathParam("indicatorCode") String indicatorCode,
                           @NotNull AimLinkRequest body) {
        UUID application;
        try { // an id that is not a UUID names nothing: 404, as for an id that does not exist
            application = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new se.socialfund.domain.shared.NotFound("application " + id);
        }
        return AimLinkDto.of(aims.link(application, indicatorCode, body.contextIndicator()));
    }
}
