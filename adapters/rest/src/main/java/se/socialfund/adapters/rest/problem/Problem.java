package se.socialfund.adapters.rest.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} names the kind of problem (a URN of this API, listed in openapi.yaml);
 * {@code violations} lists the offending fields of a request; other members are named extensions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:socialfund:problem:";

    /** One offending field: a JSON pointer into the request (or a parameter or header name), and why. */
    public record Violation(String field, String message) {
        public Violation {
            field = bounded(field, 1000);
            message = bounded(message, 2000);
        }
    }

    public final String type;
    public final String title;
    public final int status;
    public final String detail;
    public String instance;
    public String requestId;
    public List<Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String kind, String title, int status, String detail) {
        this.type = TYPE_PREFIX + kind;
        this.title = title;
        this.status = status;
        this.detail = bounded(detail, 4000);
    }

    /**
     * Text within the contract's maxLength: a detail or a field can quote a request (an unknown field's name), and
     * that can be of any length.
     */
    static String bounded(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Problem violations(List<Violation> violations) {
        this.violations = violations;
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
