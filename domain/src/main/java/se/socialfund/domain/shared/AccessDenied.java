package se.socialfund.domain.shared;

/** The caller's roles do not allow this step. */
public final class AccessDenied extends DomainException {
    public AccessDenied(String message) {
        super(message);
    }
}
