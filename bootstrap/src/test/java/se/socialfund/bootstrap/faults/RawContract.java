package se.socialfund.bootstrap.faults;

import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import io.restassured.filter.Filter;
import io.restassured.response.Response;

import se.socialfund.bootstrap.support.Contract;

/**
 * openapi.yaml as the oracle for responses that the usual filter cannot check: answers read off a socket (a chunked
 * upload cut short), and answers to bodies so large or broken that the usual filter would spend long seconds
 * parsing the request it then ignores. Only the response is checked, as {@link Contract#responses()} does.
 */
final class RawContract {
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForSpecificationUrl(Contract.SPEC.toUri().toString()).build();

    private RawContract() {
    }

    /** Fails when the response is not one the contract allows for this operation. */
    static void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach(b::withHeader);
        headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type")).findFirst()
                .ifPresent(e -> b.withContentType(e.getValue().get(0)));
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), b.build());
        if (report.hasErrors()) {
            throw new AssertionError("the response of " + method + " " + path + " breaks the contract: "
                    + report.getMessages());
        }
    }

    /**
     * A request that keeps RestAssured from pretty-printing its body for the failure log: a body thousands of levels
     * deep would take the test client minutes (the service answers it in milliseconds).
     */
    static io.restassured.specification.RequestSpecification plain(
            io.restassured.specification.RequestSpecification spec) {
        return spec.config(io.restassured.RestAssured.config().logConfig(io.restassured.RestAssured.config()
                .getLogConfig().enablePrettyPrinting(false)));
    }

    /** A RestAssured filter that checks the response only, never reading the request's body. */
    static Filter responses() {
        return (request, response, ctx) -> {
            Response r = ctx.next(request, response);
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            r.getHeaders().forEach(h -> headers.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>())
                    .add(h.getValue()));
            String path = java.net.URI.create(request.getURI()).getPath();
            check(request.getMethod(), path, r.getStatusCode(), headers, r.asString());
            return r;
        };
    }
}
