package se.socialfund.adapters.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import se.socialfund.adapters.rest.problem.BadParameter;

/** Keyset paging: {@code limit} (1 to 200, default 50) and an opaque cursor naming where the next page starts. */
public final class Paging {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final String PREFIX = "k1:";
    /** The contract's form of a cursor (base64url of the prefix and a long fits in 32 characters). */
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private Paging() {
    }

    public static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    public static Long after(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            if (!CURSOR.matcher(cursor).matches()) {
                throw new IllegalArgumentException("not a cursor of the contract's form");
            }
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return Long.parseLong(decoded.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadParameter("cursor", "the cursor is not one this API handed out; start again without it");
    }

    public static String cursor(Long after) {
        return after == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + after).getBytes(StandardCharsets.UTF_8));
    }
}
