package se.socialfund.application.usecase;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import se.socialfund.application.usecase.AuditedChanges.Subject;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

/** The role checks that are not a lifecycle step (those live in the domain's transition table). */
public final class Authorization {
    private Authorization() {
    }

    public static void requireAny(Actor actor, String what, Role... roles) {
        if (!actor.hasAny(Set.of(roles))) {
            throw new AccessDenied(what + " is for " + String.join(", ",
                    Arrays.stream(roles).map(Role::claim).toList()));
        }
    }

    /** Another office's application is answered as not found, and the attempt is audited as denied. */
    public static Application visible(Application application, Actor actor, Subject subject, UUID id) {
        subject.object("application", id, application.registrationNumber().toString(), application.version());
        if (!application.isVisibleTo(actor)) {
            throw subject.conceal("application " + id);
        }
        return application;
    }
}
