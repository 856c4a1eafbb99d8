package se.socialfund.adapters.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.adapters.rest.problem.PreconditionRequired;

/** Reading {@code If-Match}: the version a state-changing request was made against. */
public final class Preconditions {
    private static final Pattern ETAG = Pattern.compile("\\s*(?:W/)?\"([0-9]{1,18})\"\\s*");

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by If-Match; 428 without one, 400 when it is not an ETag of this API. */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("send If-Match with the ETag of the version you are acting on, "
                    + "e.g. If-Match: \"3\"");
        }
        Matcher m = ETAG.matcher(ifMatch);
        if (!m.matches()) {
            throw new BadParameter("If-Match", "If-Match must be one ETag of this resource, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }
}
