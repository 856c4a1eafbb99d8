package se.socialfund.adapters.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import se.socialfund.adapters.rest.dto.Responses.ApiInfoDto;

/** What this API is, as the Swedish public sector's REST API profile asks every API to say. No sign-in needed. */
@Path("/api/v1/api-info")
@Produces(MediaType.APPLICATION_JSON)
public class ApiInfoResource {
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    @ConfigProperty(name = "socialfund.build", defaultValue = "local")
    String build;

    @ConfigProperty(name = "socialfund.contact.name", defaultValue = "Kommunstyrelsens kontor")
    String contactName;

    @ConfigProperty(name = "socialfund.contact.email", defaultValue = "sociala.investeringsfonden@example.se")
    String contactEmail;

    @GET
    public ApiInfoDto info() {
        return new ApiInfoDto("socialfund-api", "The social investment fund (social investeringsfond): "
                + "applications, their lifecycle, the fund's capital and the audit trail", version, build,
                Map.of("name", contactName, "email", contactEmail), "/q/openapi", "/q/swagger-ui", "active");
    }
}
