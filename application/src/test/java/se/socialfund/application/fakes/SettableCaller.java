package se.socialfund.application.fakes;

import se.socialfund.application.port.out.Caller;
import se.socialfund.application.port.out.CurrentCaller;
import se.socialfund.domain.shared.Actor;

/** The signed-in caller, as a test sets it; each call is a new request with its own id. */
public final class SettableCaller implements CurrentCaller {
    private Actor actor;
    private int requests;

    public SettableCaller set(Actor actor) {
        this.actor = actor;
        return this;
    }

    @Override
    public Caller current() {
        if (actor == null) {
            throw new IllegalStateException("no caller set");
        }
        return new Caller(actor, "req-" + (++requests));
    }
}
