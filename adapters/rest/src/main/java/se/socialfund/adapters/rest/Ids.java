package se.socialfund.adapters.rest;

import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.shared.NotFound;

/** Ids in paths and query parameters: a UUID in its canonical form, as the contract states (36 characters). */
public final class Ids {
    private static final int LENGTH = 36;

    private Ids() {
    }

    /**
     * The UUID the text names, or empty. {@link UUID#fromString} alone would also take other forms, which name
     * another id than the text: short groups ({@code 1-2-3-4-5}), and, at 36 characters, groups of other lengths
     * (a shorter first group and a longer last one, cut to 12 digits).
     */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != LENGTH || text.charAt(8) != '-' || text.charAt(13) != '-'
                || text.charAt(18) != '-' || text.charAt(23) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An id in a path: one that is not a UUID names nothing, so it is 404, as for an id that does not exist. */
    public static UUID inPath(String id, String what) {
        return parse(id).orElseThrow(() -> new NotFound(what + " " + id));
    }
}
