package se.socialfund.bootstrap.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server decides is never taken from a request body: a stage, an amount the fund books, a registration
 * number, an office, a version or an id put into a body is refused (400 unknown-field), and a field that exists but
 * would act for another office or beyond the rules is refused as a rule (422). Nothing changes either way.
 */
@QuarkusTest
class MassAssignmentTest {

    /** Everything the server decides about an application, as stored. */
    private static String state(UUID id) {
        return Database.string("SELECT concat_ws('|', stage, version, registration_number, lead_office, "
                + "array_to_string(offices, ','), submitted_by, requested_amount, granted_amount, current_revision, "
                + "md5(state::text)) FROM application WHERE id = ?::uuid", id.toString());
    }

    private static String fund() {
        return Database.string("SELECT concat_ws('|', capital, committed, returned) FROM fund");
    }

    private static ObjectNode with(Object body, String field, Object value) {
        ObjectNode node = body instanceof String text ? (ObjectNode) read(text) : Api.JSON.valueToTree(body);
        node.set(field, Api.JSON.valueToTree(value));
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Server-decided fields an attacker might add to any body. */
    private static final Map<String, Object> INJECTED = new LinkedHashMap<>();

    static {
        INJECTED.put("stage", "GRANTED");
        INJECTED.put("version", 99);
        INJECTED.put("id", "00000000-0000-0000-0000-000000000001");
        INJECTED.put("applicationId", "00000000-0000-0000-0000-000000000001");
        INJECTED.put("registrationNumber", "KS 1999/0001");
        INJECTED.put("leadOffice", Api.OTHER_OFFICE);
        INJECTED.put("office", Api.OTHER_OFFICE);
        INJECTED.put("submittedBy", "someone-else");
        INJECTED.put("grantedAmount", Steps.money("99999999.00"));
        INJECTED.put("spentAmount", Steps.money("0.00"));
        INJECTED.put("releasedAmount", Steps.money("99999999.00"));
        INJECTED.put("committed", Steps.money("0.00"));
        INJECTED.put("available", Steps.money("99999999.00"));
        INJECTED.put("allowedActions", List.of(Map.of("action", "RECORD_BOARD_DECISION")));
        INJECTED.put("receivedAt", "2020-01-01T00:00:00Z");
        INJECTED.put("@class", "java.lang.ProcessBuilder");
        INJECTED.put("Stage", "GRANTED");
    }

    record Case(String name, String role, String office, String path, Map<String, String> headers, String body,
                int status, String type) {
    }

    @Test
    void server_decided_fields_in_any_body_are_refused_and_change_nothing() {
        Api.ensureOpenPeriod();
        se.socialfund.bootstrap.support.Fund.ensureAvailable(new java.math.BigDecimal("100000.00"));
        UUID received = Steps.applicationIn("RECEIVED");
        UUID ready = Steps.applicationIn("READY_FOR_DECISION");
        UUID running = Steps.applicationIn("IN_IMPLEMENTATION");
        List<Case> cases = new ArrayList<>();
        for (var field : INJECTED.entrySet()) {
            String f = field.getKey();
            Object v = field.getValue();
            cases.add(new Case("submission + " + f, "applicant", Api.OWN_OFFICE, "/api/v1/applications", Map.of(),
                    with(Api.sampleApplication(), f, v).toString(), 400, "unknown-field"));
            cases.add(new Case("criteria assessment + " + f, "fund-officer", Api.FUND_OFFICE,
                    "/api/v1/applications/" + received + "/criteria-assessment", ifMatch(received),
                    with(Steps.criteriaAllMet(), f, v).toString(), 400, "unknown-field"));
            if (!Steps.grant("1000.00").containsKey(f)) { // a granted amount is the decision's own field
                cases.add(new Case("board decision + " + f, "fund-officer", Api.FUND_OFFICE,
                        "/api/v1/applications/" + ready + "/board-decision", ifMatch(ready),
                        with(Steps.grant("1000.00"), f, v).toString(), 400, "unknown-field"));
            }
            cases.add(new Case("cost report + " + f, "applicant", Api.OWN_OFFICE,
                    "/api/v1/applications/" + running + "/cost-reports", ifMatch(running),
                    with(Steps.ALL.get("REPORT_COSTS").body().get(), f, v).toString(), 400, "unknown-field"));
            cases.add(new Case("withdrawal + " + f, "applicant", Api.OWN_OFFICE,
                    "/api/v1/applications/" + received + "/withdrawal", ifMatch(received),
                    with(Map.of("reason", "Vi drar tillbaka ansökan."), f, v).toString(), 400, "unknown-field"));
            cases.add(new Case("capital marking + " + f, "fund-officer", Api.FUND_OFFICE,
                    "/api/v1/fund/capital-markings", Map.of(), with(Map.of("amount", Steps.money("5.00"),
                    "closingYear", 2025, "reference", "Bokslut"), f, v).toString(), 400, "unknown-field"));
            cases.add(new Case("application period + " + f, "fund-officer", Api.FUND_OFFICE,
                    "/api/v1/application-periods", Map.of(), with(Map.of("name", "Massan 2078", "opensOn",
                    "2078-02-01", "closesOn", "2078-03-01"), f, v).toString(), 400, "unknown-field"));
        }
        // server-decided fields nested inside the content
        ObjectNode nestedOffice = Api.sampleApplication();
        ((ObjectNode) nestedOffice.get("offices").get(0)).put("role", "fund-officer");
        cases.add(new Case("an office with a role", "applicant", Api.OWN_OFFICE, "/api/v1/applications", Map.of(),
                nestedOffice.toString(), 400, "unknown-field"));
        ObjectNode nestedBudget = Api.sampleApplication();
        ((ObjectNode) nestedBudget.get("budget")).set("grantedAmount", Api.JSON.valueToTree(Steps.money("1.00")));
        cases.add(new Case("a budget with a granted amount", "applicant", Api.OWN_OFFICE, "/api/v1/applications",
                Map.of(), nestedBudget.toString(), 400, "unknown-field"));
        ObjectNode nestedLine = Api.JSON.valueToTree(Steps.ALL.get("REPORT_COSTS").body().get());
        ((ObjectNode) nestedLine.get("lines").get(0)).put("reportedBy", "someone-else");
        cases.add(new Case("a cost line with its reporter", "applicant", Api.OWN_OFFICE,
                "/api/v1/applications/" + running + "/cost-reports", ifMatch(running), nestedLine.toString(), 400,
                "unknown-field"));
        // the same field twice, and a field spelt with an escape: the second value never wins
        cases.add(new Case("a duplicated key", "applicant", Api.OWN_OFFICE,
                "/api/v1/applications/" + received + "/withdrawal", ifMatch(received),
                "{\"reason\":\"Första\",\"reason\":\"Andra\"}", 400, "malformed-json"));
        cases.add(new Case("an escaped field name", "fund-officer", Api.FUND_OFFICE,
                "/api/v1/fund/capital-markings", Map.of(), "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"SEK\"},"
                + "\"closingYear\":2025,\"reference\":\"Bokslut\",\"st\\u0061ge\":\"GRANTED\"}", 400,
                "unknown-field"));
        // fields that exist, used to act for another office or beyond what the rules allow
        ObjectNode otherOffice = Api.sampleApplication();
        ArrayNode offices = otherOffice.putArray("offices");
        offices.addObject().put("office", Api.OTHER_OFFICE).put("lead", true);
        cases.add(new Case("a submission for another office only", "applicant", Api.OWN_OFFICE,
                "/api/v1/applications", Map.of(), otherOffice.toString(), 422, "validation"));
        cases.add(new Case("a grant above what was asked", "fund-officer", Api.FUND_OFFICE,
                "/api/v1/applications/" + ready + "/board-decision", ifMatch(ready),
                Api.JSON.valueToTree(Steps.grant("99999999.00")).toString(), 422, "validation"));
        cases.add(new Case("a negative capital marking", "fund-officer", Api.FUND_OFFICE,
                "/api/v1/fund/capital-markings", Map.of(), "{\"amount\":{\"amount\":\"-5.00\",\"currency\":\"SEK\"},"
                + "\"closingYear\":2025,\"reference\":\"Bokslut\"}", 422, "validation"));
        cases.add(new Case("a zero capital marking", "fund-officer", Api.FUND_OFFICE,
                "/api/v1/fund/capital-markings", Map.of(), "{\"amount\":{\"amount\":\"0.00\",\"currency\":\"SEK\"},"
                + "\"closingYear\":2025,\"reference\":\"Bokslut\"}", 422, "validation"));
        cases.add(new Case("another currency", "fund-officer", Api.FUND_OFFICE,
                "/api/v1/fund/capital-markings", Map.of(), "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"EUR\"},"
                + "\"closingYear\":2025,\"reference\":\"Bokslut\"}", 422, "validation"));

        Map<UUID, String> states = new LinkedHashMap<>();
        for (UUID id : List.of(received, ready, running)) {
            states.put(id, state(id));
        }
        String fund = fund();
        String footprint = Database.footprint();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            var spec = Api.asUnchecked(c.role(), c.office());
            c.headers().forEach(spec::header);
            Response r = spec.body(c.body()).post(c.path());
            if (r.statusCode() != c.status() || !("urn:socialfund:problem:" + c.type()).equals(r.path("type"))) {
                wrong.add(c.name() + ": expected " + c.status() + " " + c.type() + ", got " + r.statusCode() + " "
                        + r.asString());
            }
        }
        System.out.printf("mass assignment: %d bodies with server-decided fields tried%n", cases.size());
        assertThat(wrong).isEmpty();
        assertThat(Database.footprint()).isEqualTo(footprint);
        assertThat(fund()).isEqualTo(fund);
        states.forEach((id, before) -> assertThat(state(id)).as("application " + id).isEqualTo(before));
    }

    @Test
    void server_decided_values_in_the_query_of_a_submission_are_ignored() {
        Api.ensureOpenPeriod();
        long counter = Database.number("SELECT coalesce(max(last_number), 0) FROM registration_counter "
                + "WHERE year = ?", Api.today().getYear());
        Response r = Api.asUnchecked("applicant", Api.OWN_OFFICE).queryParam("stage", "GRANTED")
                .queryParam("version", 7).queryParam("registrationNumber", "KS 1999/0001")
                .queryParam("office", Api.OTHER_OFFICE).body(Api.sampleApplication().toString())
                .post("/api/v1/applications");
        r.then().statusCode(201);
        String id = r.path("id");
        assertThat(r.<String>path("stage")).isEqualTo("RECEIVED");
        assertThat(r.<Integer>path("version")).isEqualTo(1);
        assertThat(Database.string("SELECT concat_ws('|', stage, version, registration_number, lead_office) "
                + "FROM application WHERE id = ?::uuid", id)).isEqualTo(String.join("|", "RECEIVED", "1",
                String.format("KS %d/%04d", Api.today().getYear(), counter + 1), Api.OWN_OFFICE));
    }

    private static Map<String, String> ifMatch(UUID id) {
        return Map.of("If-Match", Api.ifMatch(id));
    }
}
