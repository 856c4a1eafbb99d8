package se.socialfund.adapters.rest.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.Ids;
import se.socialfund.application.port.in.webhook.WebhookUseCases;
import se.socialfund.application.port.in.webhook.WebhookUseCases.EndpointView;
import se.socialfund.application.port.in.webhook.WebhookUseCases.Registered;

/** Webhook endpoints (Standard Webhooks): fund officers register receivers of the change events. */
@Path("/api/v1/webhook-endpoints")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
    @Inject
    WebhookUseCases webhooks;

    /** The registration as sent; its rules are the domain's (WebhookEndpoint.validate), checked after the role. */
    public record EndpointRequest(String url, List<String> eventTypes, String description) {
    }

    public record EndpointDto(UUID id, String url, List<String> eventTypes, String description, String state,
                              String disabledReason, Instant createdAt, String deliveredThrough, int failedAttempts,
                              Instant nextAttemptAt, Integer lastStatus, Instant previousSecretUntil) {
    }

    public record EndpointWithSecretDto(EndpointDto endpoint, String secret) {
    }

    public record EndpointListDto(List<EndpointDto> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull EndpointRequest body) {
        Registered r = webhooks.register(new WebhookUseCases.Registration(body.url(), body.eventTypes(),
                body.description()));
        return Response.created(URI.create("/api/v1/webhook-endpoints/" + r.endpoint().id()))
                .entity(new EndpointWithSecretDto(dto(r.endpoint()), r.secret())).build();
    }

    @GET
    public EndpointListDto list() {
        return new EndpointListDto(webhooks.list().stream().map(WebhookResource::dto).toList());
    }

    @POST
    @Path("/{id}/secret-rotations")
    public Response rotate(@PathParam("id") String id) {
        Registered r = webhooks.rotateSecret(endpointId(id));
        return Response.ok(new EndpointWithSecretDto(dto(r.endpoint()), r.secret())).build();
    }

    /** Stops deliveries to the endpoint, keeping its position. */
    @POST
    @Path("/{id}/deactivation")
    public EndpointDto deactivate(@PathParam("id") String id) {
        return dto(webhooks.deactivate(endpointId(id)));
    }

    /** Resumes deliveries at the endpoint's position. */
    @POST
    @Path("/{id}/reactivation")
    public EndpointDto reactivate(@PathParam("id") String id) {
        return dto(webhooks.reactivate(endpointId(id)));
    }

    /** An id that is not a UUID names no endpoint: 404, as for an unknown one. */
    private static UUID endpointId(String id) {
        return Ids.inPath(id, "webhook endpoint");
    }

    static EndpointDto dto(EndpointView v) {
        return new EndpointDto(v.id(), v.url(), v.eventTypes(), v.description(), v.state(), v.disabledReason(),
                v.createdAt(), String.format("%020d", v.deliveredThrough()), v.failedAttempts(), v.nextAttemptAt(),
                v.lastStatus(), v.previousSecretUntil());
    }
}
