package se.socialfund.domain.shared;

/** The request collides with the current state of something else than a lifecycle stage (an overlap, a key in use). */
public final class Conflict extends DomainException {
    private final String kind;

    public Conflict(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** A stable, machine-readable name for the kind of conflict (e.g. {@code period-overlap}). */
    public String kind() {
        return kind;
    }
}
