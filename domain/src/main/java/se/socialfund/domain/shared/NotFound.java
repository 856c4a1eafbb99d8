package se.socialfund.domain.shared;

/**
 * Nothing the caller may see exists under that name. Also raised for another office's application, so that its
 * existence is not revealed.
 */
public final class NotFound extends DomainException {
    public NotFound(String what) {
        super(what + " was not found");
    }
}
