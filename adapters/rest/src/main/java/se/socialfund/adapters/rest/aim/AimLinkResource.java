package se.socialfund.adapters.rest.aim;


import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.Ids;
import se.socialfund.adapters.rest.aim.LongTermAimResource.AimLinkDto;
import se.socialfund.adapters.rest.aim.LongTermAimResource.AimLinkRequest;
import se.socialfund.application.port.in.aim.LongTermAimUseCases;

/**
 * An investment's indicator linked to the long-term aim. Under the applications' root path, as the other resources
 * of one application: a root of its own (the whole path) took part in matching beside it, and a wrong method on
 * this path answered 404 instead of 405. Its longer literal path is matched before the applications' own.
 */
@Path("/api/v1/applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AimLinkResource {
    @Inject
    LongTermAimUseCases aims;

    @PUT
    @Path("/{id}/indicators/{indicatorCode}/aim")
    @Consumes(MediaType.APPLICATION_JSON)
    public AimLinkDto link(@PathParam("id") String id, @PathParam("indicatorCode") String indicatorCode,
                           @NotNull AimLinkRequest body) {
        return AimLinkDto.of(aims.link(Ids.inPath(id, "application"), indicatorCode, body.contextIndicator()));
    }
}
