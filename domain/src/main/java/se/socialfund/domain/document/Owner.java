package se.socialfund.domain.document;

import java.util.Objects;
import java.util.UUID;

/**
 * What a document belongs to: an application, or an application period (the board's matter of the period, whose
 * frozen decision memos it holds); an outcomes contract or an idea later. The type names the kind of owner, so that
 * one table and one numbering serve them all.
 */
public record Owner(String type, UUID id) {
    public static final String APPLICATION = "application";
    /** The period's board matter (ärendet om periodens ansökningar): its decision memos. */
    public static final String APPLICATION_PERIOD = "application-period";

    public Owner {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Owner application(UUID id) {
        return new Owner(APPLICATION, id);
    }

    public static Owner applicationPeriod(UUID id) {
        return new Owner(APPLICATION_PERIOD, id);
    }
}
