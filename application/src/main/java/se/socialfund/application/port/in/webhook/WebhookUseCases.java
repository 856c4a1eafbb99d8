package se.socialfund.application.port.in.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fund officers register receivers of the change events; the service delivers to them (Standard Webhooks). */
public interface WebhookUseCases {
    /** Registers an endpoint; the answer carries its secret, shown this once. */
    Registered register(Registration registration);

    List<EndpointView> list();

    /** A new secret, shown this once; the previous one is still signed with during the overlap. */
    Registered rotateSecret(UUID id);

    /** Stops deliveries to an enabled endpoint; it keeps its position, so nothing is skipped if it is reactivated. */
    EndpointView deactivate(UUID id);

    /** Resumes deliveries to a disabled endpoint at its position (after a 410, the retry period, or a deactivation). */
    EndpointView reactivate(UUID id);

    record Registration(String url, List<String> eventTypes, String description) {
        public Registration {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        }
    }

    record Registered(EndpointView endpoint, String secret) {
    }

    /** An endpoint as its readers see it: never its secrets. */
    record EndpointView(UUID id, String url, List<String> eventTypes, String description, String state,
                        String disabledReason, Instant createdAt, long deliveredThrough, int failedAttempts,
                        Instant nextAttemptAt, Integer lastStatus, Instant previousSecretUntil) {
    }
}
