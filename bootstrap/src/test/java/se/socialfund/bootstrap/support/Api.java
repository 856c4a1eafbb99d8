package se.socialfund.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The API as its clients use it: real signed tokens, every exchange checked against openapi.yaml. Offices of the
 * tests are named so that classes never see each other's data by accident.
 */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String OWN_OFFICE = "utbildningskontoret";
    public static final String OTHER_OFFICE = "stadsbyggnadskontoret";
    public static final String FUND_OFFICE = "kommunstyrelsens-kontor";

    private Api() {
    }

    /** A request as this role at this office, validated request and response. */
    public static RequestSpecification as(String role, String office) {
        return withToken(Tokens.token(role, office), Contract.full());
    }

    /** A request with a deliberately wrong part: only the response is checked against the contract. */
    public static RequestSpecification asUnchecked(String role, String office) {
        return withToken(Tokens.token(role, office), Contract.responses());
    }

    public static RequestSpecification withToken(String token, Filter contract) {
        RequestSpecification spec = RestAssured.given().filter(contract).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().filter(Contract.responses()).accept(ContentType.JSON);
    }

    public static RequestSpecification fundOfficer() {
        return as("fund-officer", FUND_OFFICE);
    }

    public static RequestSpecification applicant() {
        return as("applicant", OWN_OFFICE);
    }

    public static RequestSpecification officeHead() {
        return as("office-head", OWN_OFFICE);
    }

    /** The sample application of the test resources, as a mutable JSON tree. */
    public static ObjectNode sampleApplication() {
        try (var in = Api.class.getResourceAsStream("/sample-application.json")) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Stockholm"));
    }

    /**
     * Makes sure an application period is open today: the whole current year is one period in the tests, and
     * tests of the period rules use years far away.
     */
    public static synchronized void ensureOpenPeriod() {
        LocalDate today = today();
        if (today.equals(periodEnsuredOn)) {
            return;
        }
        Response periods = fundOfficer().get("/api/v1/application-periods?year=" + today.getYear());
        boolean open = periods.jsonPath().getList("items", Map.class).stream().anyMatch(p ->
                !today.isBefore(LocalDate.parse((String) p.get("opensOn")))
                        && !today.isAfter(LocalDate.parse((String) p.get("closesOn"))));
        if (!open) {
            fundOfficer().body(Map.of("name", "Test " + today.getYear(), "opensOn", today.withDayOfYear(1).toString(),
                            "closesOn", today.withDayOfYear(today.lengthOfYear()).toString()))
                    .post("/api/v1/application-periods").then().statusCode(201);
        }
        periodEnsuredOn = today;
    }

    private static LocalDate periodEnsuredOn;

    /** Submits the sample application as an applicant of {@link #OWN_OFFICE}; answers its id. */
    public static UUID submit() {
        return submit(sampleApplication(), OWN_OFFICE);
    }

    public static UUID submit(ObjectNode body, String office) {
        ensureOpenPeriod();
        return UUID.fromString(PlainClient.post("applicant", office, "/api/v1/applications", body.toString(),
                Map.of()).expect(201, "submitting an application").json().get("id").asText());
    }

    /** The current version of an application (its ETag without quotes). */
    public static long version(UUID id) {
        return Long.parseLong(PlainClient.get("fund-officer", FUND_OFFICE, "/api/v1/applications/" + id)
                .expect(200, "reading application " + id).header("ETag").replace("\"", ""));
    }

    public static String ifMatch(UUID id) {
        return "\"" + version(id) + "\"";
    }
}
