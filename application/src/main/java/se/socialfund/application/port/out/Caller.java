package se.socialfund.application.port.out;

import se.socialfund.domain.shared.Actor;

/** The actor behind the current request, and the request's id for the audit trail. */
public record Caller(Actor actor, String requestId) {
}
