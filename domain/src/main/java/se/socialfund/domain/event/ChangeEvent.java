package se.socialfund.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import se.socialfund.domain.application.Stage;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

/**
 * A change to an application made known to clients (the event feed and the webhooks): thin, so that the content
 * stays behind the application's own authorization. It carries who may see it (the application's offices and the
 * client that submitted it, as they were at the change), so that the feed is scoped like the resources.
 *
 * @param sequence           its place in commit order (the audit event's sequence of the same change)
 * @param id                 unique per event; a webhook delivery carries it as {@code webhook-id}
 * @param type               e.g. {@code se.socialfund.application.granted.v1}
 * @param subject            the resource's path, e.g. {@code /api/v1/applications/<id>}
 * @param time               when the change was made
 * @param applicationId      the application changed
 * @param registrationNumber e.g. {@code KS 2026/0012}
 * @param stage              its stage after the change
 * @param version            its version after the change (its ETag)
 * @param offices            its offices after the change: who of the offices may see the event
 * @param submittedBy        the token subject that submitted it: the form sees only what it submitted
 */
public record ChangeEvent(long sequence, UUID id, String type, String subject, Instant time, UUID applicationId,
                          String registrationNumber, Stage stage, long version, List<String> offices,
                          String submittedBy) {
    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        offices = List.copyOf(offices);
    }

    /** The same rule as the application's own: all for the fund's staff, an office its own, the form its own. */
    public boolean isVisibleTo(Actor actor) {
        if (actor.seesAllOffices()) {
            return true;
        }
        if (offices.stream().anyMatch(actor::belongsTo)) {
            return true;
        }
        return actor.has(Role.FORM_INTEGRATION) && actor.subject().equals(submittedBy);
    }
}
