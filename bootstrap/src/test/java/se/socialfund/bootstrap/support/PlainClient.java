package se.socialfund.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;

/**
 * The API through the JDK's HttpClient, for tests that send requests by the hundred: fixtures (a thousand
 * applications walked to READY_FOR_DECISION) and load-shaped tests (a hundred grants at once, twenty times).
 * RestAssured's Groovy layer and its new HTTP client per request cost more CPU than the service's own work on those
 * requests (a profile of FundTest: 4,363 samples in the test's threads against 2,801 in the service's), and on two
 * cores that was half the suite's time. Every exchange is still held to openapi.yaml, request and response, by the
 * same validator as {@link Contract#full()}; the other tests keep RestAssured's fluent assertions.
 */
public final class PlainClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PlainClient() {
    }

    /** A response: its status, headers and JSON body (null when it has none). */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The answer when its status is the expected one; else a failure that shows the problem the service gave. */
        public Answer expect(int expected, String what) {
            if (status != expected) {
                throw new AssertionError(what + ": expected " + expected + " but got " + status + ": " + raw.body());
            }
            return this;
        }
    }

    public static Answer get(String role, String office, String path) {
        return exchange("GET", role, office, path, null, Map.of());
    }

    public static Answer post(String role, String office, String path, Object body, Map<String, String> headers) {
        return exchange("POST", role, office, path, body, headers);
    }

    private static Answer exchange(String method, String role, String office, String path, Object body,
            Map<String, String> headers) {
        String json = body == null ? null : body instanceof String s ? s : write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + path))
                .header("Authorization", "Bearer " + Tokens.token(role, office))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        String[] pathAndQuery = path.split("\\?", 2);
        SimpleRequest.Builder checked = new SimpleRequest.Builder(method, pathAndQuery[0])
                .withAccept("application/json").withAuthorization("Bearer " + Tokens.token(role, office));
        if (pathAndQuery.length == 2) {
            for (String pair : pathAndQuery[1].split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                checked.withQueryParam(nameAndValue[0], java.net.URLDecoder.decode(
                        nameAndValue.length == 2 ? nameAndValue[1] : "", StandardCharsets.UTF_8));
            }
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
            checked.withContentType("application/json").withBody(json);
        }
        headers.forEach((name, value) -> {
            request.header(name, value);
            checked.withHeader(name, value);
        });
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, List.copyOf(values)));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = Contract.validator().validate(checked.build(), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError(method + " " + path + " breaks openapi.yaml: " + report.getMessages());
        }
        return new Answer(response.statusCode(), response, read(response));
    }

    private static JsonNode read(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.body().isEmpty() || !type.contains("json")) {
            return null;
        }
        try {
            return Api.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
