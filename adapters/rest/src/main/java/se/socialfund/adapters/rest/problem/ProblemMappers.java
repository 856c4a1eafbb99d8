package se.socialfund.adapters.rest.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

import se.socialfund.adapters.rest.HttpConventions;
import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.application.port.in.StoreUnavailable;
import se.socialfund.application.port.in.document.ScannerUnavailable;
import se.socialfund.application.port.in.document.UnsupportedContent;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.FundExhausted;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;

/**
 * Every error the API answers, as an RFC 9457 problem: one mapping per kind of failure, in one place. No stack
 * trace, SQL or class name ever reaches a response; unexpected failures are logged with the request id.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client should wait before retrying when the database is unavailable. */
    public static final String RETRY_AFTER_SECONDS = "5";
    /** The most violations one problem lists. */
    static final int MAX_VIOLATIONS = 100;

    private static Response respond(Problem p, HttpServerRequest request) {
        p.instance = request.path();
        p.requestId = request.getHeader(HttpConventions.REQUEST_ID);
        return p.response().build();
    }

    // ---- the domain ----------------------------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransition e, HttpServerRequest request) {
        return respond(new Problem("illegal-transition", "Step not possible in this stage", 409, e.getMessage())
                .with("currentStage", e.currentStage()).with("allowedActions", e.allowedActions()), request);
    }

    @ServerExceptionMapper
    public Response fundExhausted(FundExhausted e, HttpServerRequest request) {
        return respond(new Problem("fund-exhausted", "The fund cannot cover this grant", 409, e.getMessage())
                .with("requested", MoneyDto.of(e.requested())).with("available", MoneyDto.of(e.available())),
                request);
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, HttpServerRequest request) {
        return respond(new Problem(e.kind(), "Conflict with the current state", 409, e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e, HttpServerRequest request) {
        List<Problem.Violation> violations = e.violations().stream()
                .map(v -> new Problem.Violation(fieldPointer(v.field()), v.message())).toList();
        String detail = violations.size() > MAX_VIOLATIONS ? violations.size() + " rules are broken; the first "
                + MAX_VIOLATIONS + " are listed" : e.getMessage();
        return respond(new Problem("validation", "The request breaks a rule", 422, detail)
                .violations(capped(violations)), request);
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e, HttpServerRequest request) {
        return respond(new Problem("not-found", "Not found", 404, e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response staleVersion(StaleVersion e, HttpServerRequest request) {
        return Response.fromResponse(respond(new Problem("stale-version", "The resource has changed", 412,
                        e.getMessage()).with("currentVersion", e.currentVersion()), request))
                .header(HttpHeaders.ETAG, "\"" + e.currentVersion() + "\"").build();
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDenied e, HttpServerRequest request) {
        return respond(new Problem("forbidden", "Not allowed for your role", 403, e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequired e, HttpServerRequest request) {
        return respond(new Problem("precondition-required", "If-Match is required", 428, e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameter e, HttpServerRequest request) {
        return respond(new Problem("bad-request", "The request cannot be read", 400, e.getMessage())
                .violations(List.of(new Problem.Violation(e.parameter(), e.getMessage()))), request);
    }

    @ServerExceptionMapper
    public Response unsupportedContent(UnsupportedContent e, HttpServerRequest request) {
        return respond(new Problem("unsupported-media-type", "Unsupported file type", 415, e.getMessage())
                .with("detectedMediaType", e.detected()), request);
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailable e, HttpServerRequest request) {
        LOG.warnf("database unavailable for request %s: %s", request.getHeader(HttpConventions.REQUEST_ID),
                e.getMessage());
        String detail = e.outcomeUnknown()
                ? "the database did not confirm the change, which may or may not have been saved: read the resource "
                        + "before you retry (a submission is safe to retry with the same Idempotency-Key). Retry after "
                        + RETRY_AFTER_SECONDS + " seconds"
                : "the service cannot reach its database or its object store right now; nothing was changed. Retry "
                        + "after " + RETRY_AFTER_SECONDS + " seconds";
        return Response.fromResponse(respond(new Problem("service-unavailable", "Temporarily unavailable", 503,
                        detail), request))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response scannerUnavailable(ScannerUnavailable e, HttpServerRequest request) {
        LOG.warnf("virus scanner unavailable for request %s: %s", request.getHeader(HttpConventions.REQUEST_ID),
                e.getMessage());
        return Response.fromResponse(respond(new Problem("service-unavailable", "Temporarily unavailable", 503,
                        "the virus scanner did not answer, and no file is stored unscanned; nothing was stored. "
                                + "Retry after " + RETRY_AFTER_SECONDS + " seconds"), request))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    // ---- reading the request -----------------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(pointer(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        int total = violations.size();
        violations = capped(violations);
        if (violations.stream().anyMatch(v -> v.field().isEmpty())) {
            return respond(new Problem("bad-request", "The request cannot be read", 400,
                    "this request needs a JSON body").violations(List.of(new Problem.Violation("/",
                    "a JSON body is required"))), request);
        }
        boolean inBody = violations.stream().allMatch(v -> v.field().startsWith("/"));
        return respond(inBody
                ? new Problem("validation", "The request breaks a rule", 422,
                        total + " field(s) are missing or invalid" + (total > MAX_VIOLATIONS ? "; the first "
                                + MAX_VIOLATIONS + " are listed" : "")).violations(violations)
                : new Problem("bad-request", "The request cannot be read", 400,
                        "a query parameter is invalid").violations(violations), request);
    }

    /** A small body of many bad items must not buy a huge answer: the first ones show what is wrong. */
    private static List<Problem.Violation> capped(List<Problem.Violation> violations) {
        return violations.size() > MAX_VIOLATIONS ? List.copyOf(violations.subList(0, MAX_VIOLATIONS)) : violations;
    }

    /** A body that grew past the limit while Jackson read it, perhaps wrapped by Jackson (inside an array). */
    private static PayloadTooLarge tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge p) {
                return p;
            }
        }
        return null;
    }

    /**
     * The domain names fields as dotted paths into the command ({@code goals.0.code}); a problem names them as JSON
     * pointers into the body ({@code /goals/0/code}). What the adapter itself names is a pointer already, and a
     * header or parameter keeps its name.
     */
    static String fieldPointer(String field) {
        if (field == null || field.isEmpty()) {
            return "/";
        }
        if (field.startsWith("/") || Character.isUpperCase(field.charAt(0))) {
            return field;
        }
        return "/" + field.replace('.', '/');
    }

    /** A property path of a resource method's body as a JSON pointer ({@code /goals/0/unit}); empty for the body itself. */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        boolean body = false;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            body = true;
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                pointer.append('/').append(node.getName());
            }
        }
        if (!body) {
            // the resources validate only their bodies: a violation on the parameter itself is a missing body
            return "";
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    /** Listed one by one: Quarkus has built-in mappers for some of these, and the most specific mapper wins. */
    @ServerExceptionMapper({JsonProcessingException.class, StreamConstraintsException.class,
            com.fasterxml.jackson.core.JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class,
            com.fasterxml.jackson.databind.exc.InvalidNullException.class})
    public Response unreadableJson(Exception e, HttpServerRequest request) {
        PayloadTooLarge tooLarge = tooLarge(e);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        Problem problem;
        if (e instanceof UnstorableText u) {
            problem = new Problem("validation", "The request breaks a rule", 422, "a text contains a character that "
                    + "cannot be stored").violations(List.of(new Problem.Violation(pointer(u), u.getOriginalMessage())));
        } else if (e instanceof UnrecognizedPropertyException u) {
            problem = new Problem("unknown-field", "Unknown field", 400, "the field '" + u.getPropertyName()
                    + "' is not part of this request; see the API's contract").violations(List.of(
                    new Problem.Violation(pointer(u), "unknown field")));
        } else if (e instanceof MismatchedInputException m && String.valueOf(m.getOriginalMessage())
                .startsWith("Trailing token")) {
            problem = new Problem("malformed-json", "The body is not valid JSON", 400,
                    "the request body has content after its JSON value");
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            JsonMappingException m = (JsonMappingException) e;
            String expected = m instanceof MismatchedInputException mi && mi.getTargetType() != null
                    ? describe(mi.getTargetType()) : "another type";
            problem = new Problem("wrong-type", "A field has the wrong type", 400, "a value does not have the "
                    + "expected type (" + expected + ")").violations(List.of(new Problem.Violation(pointer(m),
                    "expected " + expected)));
        } else if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            problem = new Problem("malformed-json", "The body is not acceptable JSON", 400,
                    "the JSON exceeds the allowed nesting depth or length");
        } else {
            problem = new Problem("malformed-json", "The body is not valid JSON", 400,
                    "the request body could not be parsed as JSON");
        }
        return respond(problem, request);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date (YYYY-MM-DD)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            b.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return b.isEmpty() ? "/" : b.toString();
    }

    // ---- HTTP and security ---------------------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLarge e, HttpServerRequest request) {
        // the rest of the body is never read: the connection closes after the answer (see HttpConventions)
        return Response.fromResponse(respond(new Problem("payload-too-large", "Request body too large", 413,
                e.getMessage()), request)).header("Connection", "close").build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        return Response.fromResponse(respond(new Problem("unauthorized", "Sign-in required", 401,
                        "a valid bearer token is required"), request))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(new Problem("forbidden", "Not allowed for your role", 403, "your role does not allow this"),
                request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        // a body Jackson could not read arrives wrapped: answer it as what it is
        PayloadTooLarge tooLarge = tooLarge(e);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException || cause instanceof StreamConstraintsException) {
                return unreadableJson((Exception) cause, request);
            }
        }
        int status = e.getResponse().getStatus();
        Problem problem;
        if (e instanceof NotFoundException) {
            problem = new Problem("not-found", "Not found", 404, "there is no resource at this path");
        } else if (e instanceof NotAllowedException) {
            problem = new Problem("method-not-allowed", "Method not allowed", 405,
                    "this resource does not support " + request.method().name());
        } else if (e instanceof NotAcceptableException) {
            problem = new Problem("not-acceptable", "Not acceptable", 406,
                    "this resource cannot answer in the media type asked for in Accept");
        } else if (e instanceof NotSupportedException) {
            problem = new Problem("unsupported-media-type", "Unsupported media type", 415,
                    "send the body as application/json");
        } else if (e instanceof BadRequestException || status == 400) {
            problem = new Problem("bad-request", "The request cannot be read", 400, "the request is malformed");
        } else {
            Response.Status known = Response.Status.fromStatusCode(status);
            problem = new Problem(status >= 500 ? "internal" : "http-" + status,
                    known == null ? "Error" : known.getReasonPhrase(), status,
                    status >= 500 ? "the service could not complete the request" : "the request was refused");
        }
        Response.ResponseBuilder builder = Response.fromResponse(respond(problem, request));
        if (e instanceof NotAllowedException) {
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            builder.header(HttpHeaders.ALLOW, allow != null ? allow : AllowedMethods.of(request.path()));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        PayloadTooLarge tooLarge = tooLarge(e);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, request);
        }
        LOG.errorf(e, "unexpected failure of request %s %s (request id %s)", request.method(), request.path(),
                request.getHeader(HttpConventions.REQUEST_ID));
        return respond(new Problem("internal", "Internal error", 500, "the service could not complete the request; "
                + "quote the request id when reporting it"), request);
    }

}
