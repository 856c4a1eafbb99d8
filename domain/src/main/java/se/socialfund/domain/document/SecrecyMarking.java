package se.socialfund.domain.document;

import java.time.Instant;
import java.util.Objects;

/**
 * A secrecy marking (sekretessmarkering): the provision of the Public Access to Information and Secrecy Act it rests
 * on (e.g. {@code OSL 26 kap. 1 §}), when and by whom. A marked document is never published, and its content is
 * given only to the owner's offices and the fund officers.
 */
public record SecrecyMarking(String provision, Instant markedAt, String markedBy) {
    public static final int MAX_PROVISION = 200;

    /** A provision the secrecy rests on, e.g. {@code OSL 26 kap. 1 §}: 1 to 200 characters, not blank. */
    public static void validateProvision(String provision, String field, se.socialfund.domain.shared.Violations v) {
        v.require(provision != null && !provision.isBlank() && provision.length() <= MAX_PROVISION, field,
                "the provision is 1 to " + MAX_PROVISION + " characters, e.g. OSL 26 kap. 1 §");
    }

    public SecrecyMarking {
        Objects.requireNonNull(markedAt, "markedAt");
        Objects.requireNonNull(markedBy, "markedBy");
        if (provision == null || provision.isBlank() || provision.length() > MAX_PROVISION) {
            throw new IllegalArgumentException("a secrecy marking names its provision (1 to 200 characters)");
        }
    }
}
