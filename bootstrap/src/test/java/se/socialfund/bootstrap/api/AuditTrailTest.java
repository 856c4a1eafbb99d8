package se.socialfund.bootstrap.api;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.api.outcomes.OutcomesContracts;
import se.socialfund.bootstrap.documents.DocumentFixtures;
import se.socialfund.bootstrap.api.idea.Ideas;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Fund;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The audit trail: one event per change, tamper-evident, unchangeable by the service, and queryable. */
@QuarkusTest
class AuditTrailTest {

    /** How to take one operation successfully: what to prepare first (not measured), and the operation itself. */
    record Fixture(Supplier<UUID> prepare, Function<UUID, Response> take) {
        static Fixture direct(Supplier<Response> take) {
            return new Fixture(() -> null, id -> take.get());
        }
    }

    /** For each state-changing operation of the contract, a fixture. */
    private static Map<String, Fixture> fixtures() {
        Map<String, Fixture> f = new LinkedHashMap<>();
        f.put("submitApplication", new Fixture(() -> {
            Api.ensureOpenPeriod();
            return null;
        }, id -> Api.applicant().body(Api.sampleApplication().toString()).post("/api/v1/applications")));
        f.put("openApplicationPeriod", Fixture.direct(() -> {
            int year = 2300 + ThreadLocalRandom.current().nextInt(600);
            return Api.fundOfficer().body(Map.of("name", "Vår " + year, "opensOn", year + "-02-01",
                    "closesOn", year + "-03-15")).post("/api/v1/application-periods");
        }));
        Map<String, String> stageFor = Map.ofEntries(Map.entry("assessCriteria", "RECEIVED:ASSESS_CRITERIA"),
                Map.entry("requestCompletion", "CRITERIA_CHECKED:REQUEST_COMPLETION"),
                Map.entry("submitRevision", "COMPLETION_REQUESTED:SUBMIT_REVISION"),
                Map.entry("addMunicipalPerspective", "CRITERIA_CHECKED:ADD_MUNICIPAL_PERSPECTIVE"),
                Map.entry("addReview", "RECEIVED:ADD_REVIEW"),
                Map.entry("recordBoardDecision", "READY_FOR_DECISION:RECORD_BOARD_DECISION"),
                Map.entry("startProject", "GRANTED:START_PROJECT"),
                Map.entry("reportCosts", "IN_IMPLEMENTATION:REPORT_COSTS"),
                Map.entry("submitFollowUp", "IN_IMPLEMENTATION:SUBMIT_FOLLOW_UP"),
                Map.entry("submitEvaluation", "FOLLOWED_UP:SUBMIT_EVALUATION"),
                Map.entry("recordImplementationDecision", "EVALUATED:RECORD_IMPLEMENTATION_DECISION"),
                Map.entry("withdrawApplication", "RECEIVED:WITHDRAW"),
                Map.entry("terminateProject", "IN_IMPLEMENTATION:TERMINATE"));
        stageFor.forEach((operation, spec) -> {
            String[] parts = spec.split(":");
            f.put(operation, new Fixture(() -> {
                Fund.ensureAvailable(new BigDecimal("100000.00"));
                return Steps.applicationIn(parts[0]);
            }, id -> Steps.take(id, parts[1])));
        });
        f.put("setRepaymentPlan", new Fixture(Steps::investmentStartedIn2019, id -> Api.fundOfficer()
                .header("If-Match", Api.ifMatch(id)).body(Steps.fiveYearPlan())
                .post("/api/v1/applications/" + id + "/repayment-plan")));
        f.put("markCapital", Fixture.direct(() -> Api.fundOfficer().body(Map.of("amount", Steps.money("10.00"),
                "closingYear", 2024, "reference", "KF 2025-04-28 § 80")).post("/api/v1/fund/capital-markings")));
        f.put("recordRepayment", new Fixture(AuditTrailTest::withPlan, id -> Api.fundOfficer()
                .body(Steps.repayment(id, 2020, "100.00")).post("/api/v1/fund/repayments")));
        f.put("writeOffRepayment", new Fixture(AuditTrailTest::withPlan, id -> Api.fundOfficer()
                .body(Steps.writeOff(id, 2021, "100.00")).post("/api/v1/fund/write-offs")));
        // issue 17: webhook endpoints (wanting no event that exists, so the worker never calls them)
        Map<String, Object> endpoint = Map.of("url", "https://hooks.invalid/audit", "eventTypes",
                List.of("se.socialfund.audit.none.v1"));
        f.put("createWebhookEndpoint", Fixture.direct(() -> Api.fundOfficer().body(endpoint)
                .post("/api/v1/webhook-endpoints")));
        Supplier<UUID> newEndpoint = () -> UUID.fromString(Api.fundOfficer().body(endpoint)
                .post("/api/v1/webhook-endpoints").then().statusCode(201).extract().path("endpoint.id"));
        f.put("rotateWebhookSecret", new Fixture(newEndpoint,
                id -> Api.fundOfficer().post("/api/v1/webhook-endpoints/" + id + "/secret-rotations")));
        f.put("deactivateWebhookEndpoint", new Fixture(newEndpoint,
                id -> Api.fundOfficer().post("/api/v1/webhook-endpoints/" + id + "/deactivation")));
        f.put("reactivateWebhookEndpoint", new Fixture(() -> {
            UUID id = newEndpoint.get();
            Api.fundOfficer().post("/api/v1/webhook-endpoints/" + id + "/deactivation").then().statusCode(200);
            return id;
        }, id -> Api.fundOfficer().post("/api/v1/webhook-endpoints/" + id + "/reactivation")));
        // outcomes contracts: each step on a contract of its own in the state the step needs
        String contracts = "/api/v1/outcomes-contracts/";
        f.put("createOutcomesContract", Fixture.direct(() -> Api.fundOfficer().body(OutcomesContracts.essex(1))
                .post(contracts)));
        f.put("signOutcomesContract", new Fixture(() -> OutcomesContracts.after(0), OutcomesContracts::sign));
        f.put("amendOutcomesContract", new Fixture(() -> OutcomesContracts.after(1), id -> Api.fundOfficer()
                .header("If-Match", OutcomesContracts.etag(id)).body(Map.of("description", "Taket höjs", "reason",
                        "Prov", "decisionReference", "KS § 3", "effectiveFrom", "2024-06-01", "paymentCap",
                        OutcomesContracts.sek("3500000.00"))).post(contracts + id + "/amendments")));
        f.put("recordOutcomesMeasurements", new Fixture(() -> OutcomesContracts.after(1),
                id -> OutcomesContracts.measure(id, 1, "1100", "1500")));
        f.put("validateOutcomesPeriod", new Fixture(() -> OutcomesContracts.after(2),
                id -> OutcomesContracts.validate(id, 1)));
        f.put("approveOutcomesPayment", new Fixture(() -> OutcomesContracts.after(3),
                id -> OutcomesContracts.approve(id, 1, OutcomesContracts.etag(id))));
        f.put("enterOutcomesFinalSettlement", new Fixture(() -> OutcomesContracts.after(4), id -> Api.fundOfficer()
                .header("If-Match", OutcomesContracts.etag(id)).post(contracts + id + "/final-settlement")));
        f.put("closeOutcomesContract", new Fixture(() -> OutcomesContracts.after(5), id -> Api.fundOfficer()
                .header("If-Match", OutcomesContracts.etag(id)).post(contracts + id + "/closure")));
        f.put("uploadDocument", new Fixture(Api::submit, DocumentFixtures::upload));
        f.put("markDocument", new Fixture(() -> DocumentFixtures.pdf(Api.submit()), DocumentFixtures::mark));
        f.put("publishDocument", new Fixture(() -> DocumentFixtures.pdf(Api.submit()),
                id -> DocumentFixtures.step(id, "publication", 1)));
        f.put("withdrawDocumentPublication", new Fixture(() -> DocumentFixtures.published(Api.submit()),
                id -> DocumentFixtures.step(id, "publication-withdrawal", 2)));
        // the board's meeting (issue 21): an act deciding one application writes that application's one event
        f.put("recordBoardDecisions", new Fixture(() -> Steps.applicationIn("READY_FOR_DECISION"), id -> Api
                .fundOfficer().body(Map.of("meetingDate", Api.today().toString(), "minutesParagraph", "§ 98",
                        "decisions", List.of(Map.of("applicationId", id.toString(), "version", 3, "outcome",
                                "DECLINED", "reasons", List.of("Revisionen")))))
                .post("/api/v1/application-periods/" + periodOf(id) + "/board-decisions")));
        f.put("setDecisionMemoPriorities", new Fixture(() -> Steps.applicationIn("READY_FOR_DECISION"), id -> {
            String memo = "/api/v1/application-periods/" + periodOf(id) + "/decision-memo";
            String etag = Api.fundOfficer().get(memo).then().statusCode(200).extract().header("ETag");
            return Api.fundOfficer().header("If-Match", etag).body(Map.of("order", List.of(id.toString())))
                    .put(memo + "/priorities");
        }));
        // the memo frozen as a document (issue 21): a new application makes the memo one not frozen before
        f.put("freezeDecisionMemo", new Fixture(() -> Steps.applicationIn("READY_FOR_DECISION"), id -> {
            String memo = "/api/v1/application-periods/" + periodOf(id) + "/decision-memo";
            String etag = Api.fundOfficer().get(memo).then().statusCode(200).extract().header("ETag");
            return Api.fundOfficer().header("If-Match", etag).post(memo + "/documents");
        }));
        f.put("recordGuidelineReview", Fixture.direct(() -> Api.fundOfficer().body(Map.of("reviewedOn",
                "2023-06-01", "decisionReference", "Revisionen § 3")).post("/api/v1/guideline-reviews")));
        // the long-term aim (issue 21): the value and the link need the indicator, defined while preparing
        f.put("defineContextIndicator", Fixture.direct(() -> Api.fundOfficer().body(AIM)
                .put("/api/v1/context-indicators/audit-aim")));
        f.put("setContextIndicatorValue", new Fixture(() -> defineAim(null), id -> Api.fundOfficer()
                .body(Map.of("value", 7.5)).put("/api/v1/context-indicators/audit-aim/values/2024")));
        f.put("linkIndicatorToAim", new Fixture(() -> defineAim(Api.submit()), id -> Api
                .fundOfficer().body(Map.of("contextIndicator", "audit-aim"))
                .put("/api/v1/applications/" + id + "/indicators/absence-rate/aim")));
        // ideas (issue 16)
        f.put("submitIdea", Fixture.direct(() -> Api.withToken(Ideas.officer(), Contract.full())
                .body(Ideas.sample(Api.OWN_OFFICE)).post("/api/v1/ideas")));
        f.put("startIdeaScreening", new Fixture(() -> Ideas.in("RECEIVED", Api.OWN_OFFICE),
                id -> Ideas.step(id, "screening", Ideas.officer(), Ideas.etag(id), null)));
        f.put("askIdeaQuestion", new Fixture(() -> Ideas.in("SCREENING", Api.OWN_OFFICE),
                id -> Ideas.step(id, "questions", Ideas.officer(), Ideas.etag(id), Map.of("question", "Hur?"))));
        f.put("answerIdeaQuestion", new Fixture(() -> Ideas.in("QUESTION_OPEN", Api.OWN_OFFICE),
                id -> Ideas.step(id, "answers", Ideas.FORM, Ideas.etag(id), Map.of("answer", "Så."))));
        f.put("sponsorIdea", new Fixture(() -> Ideas.in("SCREENING", Api.OWN_OFFICE),
                id -> Ideas.step(id, "sponsorship", se.socialfund.bootstrap.support.Tokens.token("office-head",
                        Api.OWN_OFFICE), Ideas.etag(id), Map.of("comment", "Vi tar den"))));
        f.put("declineIdea", new Fixture(() -> Ideas.in("SCREENING", Api.OWN_OFFICE),
                id -> Ideas.step(id, "decline", Ideas.officer(), Ideas.etag(id), Map.of("reasons", List.of("Nej")))));
        f.put("withdrawIdea", new Fixture(() -> Ideas.in("SCREENING", Api.OWN_OFFICE),
                id -> Ideas.step(id, "withdrawal", Ideas.FORM, Ideas.etag(id), Map.of("reason", "Tillbaka"))));
        f.put("convertIdea", new Fixture(() -> Ideas.in("SPONSORED", Api.OWN_OFFICE),
                id -> Ideas.step(id, "conversion", se.socialfund.bootstrap.support.Tokens.token("applicant",
                        Api.OWN_OFFICE), Ideas.etag(id), Ideas.conversion(Api.OWN_OFFICE))));
        return f;
    }

    private static final Map<String, Object> AIM = Map.of("name", "Långtidsarbetslöshet 16-24 år", "unit",
            "procent", "source", "Kolada", "sourceKey", "N02280");

    private static UUID defineAim(UUID passOn) {
        Api.fundOfficer().body(AIM).put("/api/v1/context-indicators/audit-aim").then().statusCode(200);
        return passOn;
    }

    private static String periodOf(UUID application) {
        return Api.fundOfficer().get("/api/v1/applications/" + application).then().statusCode(200).extract()
                .path("periodId");
    }

    private static UUID withPlan() {
        UUID id = Steps.investmentStartedIn2019();
        Api.fundOfficer().header("If-Match", Api.ifMatch(id)).body(Steps.fiveYearPlan())
                .post("/api/v1/applications/" + id + "/repayment-plan").then().statusCode(200);
        return id;
    }

    @Test
    void every_state_changing_operation_of_the_contract_writes_exactly_one_audit_event() {
        OpenAPI spec = new OpenAPIV3Parser().read(Contract.SPEC.toString());
        Map<String, Fixture> fixtures = fixtures();
        List<String> operations = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET
                    && method != io.swagger.v3.oas.models.PathItem.HttpMethod.HEAD) {
                operations.add(operation.getOperationId());
            }
        }));
        assertThat(operations).as("state-changing operations in openapi.yaml").hasSizeGreaterThan(15);
        List<String> missing = operations.stream().filter(o -> !fixtures.containsKey(o)).toList();
        assertThat(missing).as("operations without an audit fixture: add one to this test").isEmpty();
        for (String operation : operations) {
            Fixture fixture = fixtures.get(operation);
            UUID prepared = fixture.prepare().get();
            long all = Database.number("SELECT count(*) FROM audit_event");
            long mine = Database.number("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = 'SUCCEEDED'",
                    operation);
            Response r = fixture.take().apply(prepared);
            assertThat(r.statusCode()).as(operation + ": " + r.asString()).isBetween(200, 201);
            // a conversion of an idea also submits its application, audited as any submission (issue 16)
            int events = operation.equals("convertIdea") ? 2 : 1;
            assertThat(Database.number("SELECT count(*) FROM audit_event")).as(operation).isEqualTo(all + events);
            assertThat(Database.number("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = 'SUCCEEDED'",
                    operation)).as(operation).isEqualTo(mine + 1);
        }
    }

    @Test
    void an_event_says_who_did_what_to_which_application_when_and_in_which_request() {
        UUID id = Steps.applicationIn("RECEIVED");
        String requestId = "audit-" + UUID.randomUUID();
        Api.fundOfficer().header("X-Request-Id", requestId).header("If-Match", "\"1\"").body(Steps.criteriaAllMet())
                .post("/api/v1/applications/" + id + "/criteria-assessment").then().statusCode(200)
                .header("X-Request-Id", requestId);
        Response events = Api.as("auditor", null).queryParam("applicationId", id.toString())
                .queryParam("action", "assessCriteria").get("/api/v1/audit-events");
        events.then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].requestId", equalTo(requestId))
                .body("items[0].actorSubject", equalTo("fund-officer@" + Api.FUND_OFFICE))
                .body("items[0].actorRoles", equalTo(List.of("fund-officer")))
                .body("items[0].actorOffice", equalTo(Api.FUND_OFFICE))
                .body("items[0].clientId", equalTo("test-client"))
                .body("items[0].objectType", equalTo("application"))
                .body("items[0].registrationNumber", startsWith("KS "))
                .body("items[0].versionBefore", equalTo(1)).body("items[0].versionAfter", equalTo(2))
                .body("items[0].outcome", equalTo("SUCCEEDED"));
        assertThat(events.asString()).doesNotContain("eyJ"); // no token ever lands in the trail
    }

    @Test
    void the_verification_names_the_first_row_altered_directly_in_the_database() throws SQLException {
        Steps.applicationIn("RECEIVED");
        Api.as("auditor", null).get("/api/v1/audit-events/verification").then().statusCode(200)
                .body("intact", equalTo(true));
        long victim = Database.number("SELECT max(sequence) FROM audit_event") - 1;
        String original = Database.string("SELECT actor_name FROM audit_event WHERE sequence = ?", victim);
        try {
            tamper("UPDATE audit_event SET actor_name = 'Someone Else' WHERE sequence = " + victim);
            Api.as("auditor", null).get("/api/v1/audit-events/verification").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSequence", equalTo((int) victim))
                    .body("problem", org.hamcrest.Matchers.containsString("altered"));
        } finally {
            tamper("UPDATE audit_event SET actor_name = '" + original.replace("'", "''") + "' WHERE sequence = "
                    + victim);
        }
        Api.as("auditor", null).get("/api/v1/audit-events/verification").then().body("intact", equalTo(true));
    }

    @Test
    void the_verification_names_the_newest_event_when_it_is_deleted_directly_in_the_database() throws SQLException {
        Steps.applicationIn("RECEIVED");
        long newest = Database.number("SELECT max(sequence) FROM audit_event");
        try {
            tamper("CREATE TABLE tamper_backup AS SELECT * FROM audit_event WHERE sequence = " + newest
                    + "; DELETE FROM audit_event WHERE sequence = " + newest);
            assertThat(Database.number("SELECT max(sequence) FROM audit_event")).isEqualTo(newest - 1);
            Api.as("auditor", null).get("/api/v1/audit-events/verification").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSequence", equalTo((int) newest))
                    .body("problem", org.hamcrest.Matchers.containsString("missing at the end of the chain"));
        } finally {
            tamper("INSERT INTO audit_event SELECT * FROM tamper_backup; DROP TABLE tamper_backup");
        }
        Api.as("auditor", null).get("/api/v1/audit-events/verification").then().body("intact", equalTo(true));
    }

    /** As a superuser who switches the guard triggers off: what an intruder with full rights could do. */
    private static void tamper(String sql) throws SQLException {
        try (Connection c = Database.superuser(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute(sql);
        }
    }

    @Test
    void the_service_role_cannot_update_delete_or_truncate_audit_events_and_the_trigger_stops_the_owner() {
        Steps.applicationIn("RECEIVED");
        for (String sql : List.of("UPDATE audit_event SET actor_name = 'x'", "DELETE FROM audit_event",
                "TRUNCATE audit_event", "UPDATE fund_ledger_entry SET amount = 1", "DELETE FROM application_event")) {
            assertThatThrownBy(() -> {
                try (Connection c = Database.serviceRole(); Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        for (String sql : List.of("UPDATE audit_event SET actor_name = 'x'", "DELETE FROM audit_event",
                "TRUNCATE audit_event")) {
            assertThatThrownBy(() -> {
                try (Connection c = Database.owner(); Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void auditors_query_by_actor_action_application_and_time_and_page_through_with_a_cursor() {
        String office = "vard-och-omsorgskontoret";
        var body = Api.sampleApplication();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("offices").get(0)).put("office", office);
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("offices")).remove(1);
        String from = java.time.Instant.now().minusSeconds(1).toString();
        for (int i = 0; i < 3; i++) {
            Api.submit(body, office);
        }
        String subject = "applicant@" + office;
        Response first = Api.as("auditor", null).queryParam("actor", subject).queryParam("from", from)
                .queryParam("action", "submitApplication").queryParam("limit", 2).get("/api/v1/audit-events");
        first.then().statusCode(200).body("items.size()", equalTo(2))
                .body("items.actorSubject", equalTo(List.of(subject, subject)));
        Response second = Api.as("auditor", null).queryParam("actor", subject).queryParam("from", from)
                .queryParam("action", "submitApplication").queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor")).get("/api/v1/audit-events");
        second.then().statusCode(200).body("items.size()", equalTo(1));
        assertThat(second.<Integer>path("items[0].sequence")).isGreaterThan(first.<Integer>path("items[1].sequence"));
        Api.as("auditor", null).queryParam("actor", subject).queryParam("to", from).get("/api/v1/audit-events")
                .then().statusCode(200).body("items.size()", equalTo(0));
        Api.as("applicant", office).get("/api/v1/audit-events").then().statusCode(403);
        Api.as("fund-officer", Api.FUND_OFFICE).get("/api/v1/audit-events/verification").then().statusCode(403);
    }

    @Test
    void auditors_get_the_same_events_as_csv_for_their_spreadsheets() {
        UUID id = Steps.applicationIn("CRITERIA_CHECKED");
        Response csv = Api.withToken(Tokens.token("auditor", null), Contract.full()).accept("text/csv")
                .queryParam("applicationId", id.toString()).get("/api/v1/audit-events");
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        String[] lines = csv.asString().split("\r\n");
        assertThat(lines[0]).startsWith("sequence,occurredAt,requestId,actorSubject");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",submitApplication,SUCCEEDED,application," + id);
        assertThat(lines[2]).contains(",assessCriteria,SUCCEEDED,application," + id);
    }

    @Test
    void json_is_the_default_when_the_client_accepts_anything_or_says_nothing() throws Exception {
        UUID id = Steps.applicationIn("RECEIVED");
        String token = Tokens.token("auditor", null);
        for (String accept : new String[] {"*/*", "application/*", "application/json, text/csv;q=0.5",
                "text/html;q=0.9, */*;q=0.1"}) {
            Api.withToken(token, Contract.full()).accept(accept).queryParam("applicationId", id.toString())
                    .get("/api/v1/audit-events").then().statusCode(200).contentType(startsWith("application/json"))
                    .body("items[0].action", equalTo("submitApplication"));
        }
        // no Accept header at all (rest-assured always sends one): what curl -H 'Accept:' and many clients send
        HttpResponse<String> none = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":"
                        + RestAssured.port + "/api/v1/audit-events?applicationId=" + id))
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(Api.JSON.readTree(none.body()).path("items").get(0).path("action").asText())
                .isEqualTo("submitApplication");
        // CSV only when asked for, also when preferred among others; nothing the API has: 406
        Api.withToken(token, Contract.full()).accept("text/csv").queryParam("applicationId", id.toString())
                .get("/api/v1/audit-events").then().statusCode(200).contentType(startsWith("text/csv"));
        Api.withToken(token, Contract.full()).accept("application/json;q=0.5, text/csv")
                .queryParam("applicationId", id.toString()).get("/api/v1/audit-events")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        Api.withToken(token, Contract.responses()).accept("text/html").get("/api/v1/audit-events").then()
                .statusCode(406);
    }

    @Test
    void a_token_naming_someone_beyond_the_contracts_255_characters_is_refused_and_a_long_display_name_cut() {
        long events = Database.number("SELECT count(*) FROM audit_event");
        String longSubject = Tokens.sign(Tokens.claims("s".repeat(256), Api.FUND_OFFICE, "fund-officer"));
        String longClient = Tokens.sign(Tokens.claims("long-client", Api.FUND_OFFICE, "fund-officer")
                .claim("azp", "c".repeat(256)));
        for (String token : new String[] {longSubject, longClient}) {
            Response r = Api.withToken(token, Contract.full()).body(period()).post("/api/v1/application-periods");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.<String>path("type")).isEqualTo("urn:socialfund:problem:unauthorized");
        }
        assertThat(Database.number("SELECT count(*) FROM audit_event")).as("nothing done, nothing audited")
                .isEqualTo(events);
        // at the bound: subject and client of 255 characters pass, a 300-character name is kept to 255
        String subject = "s".repeat(255);
        String token = Tokens.sign(Tokens.claims(subject, Api.FUND_OFFICE, "fund-officer")
                .claim("name", "N".repeat(300)).claim("azp", "c".repeat(255)));
        Api.withToken(token, Contract.full()).body(period()).post("/api/v1/application-periods").then()
                .statusCode(201);
        assertThat(Database.string("SELECT actor_name FROM audit_event WHERE actor_subject = ?", subject))
                .isEqualTo("N".repeat(255));
    }

    private static Map<String, String> period() {
        int year = 2300 + ThreadLocalRandom.current().nextInt(600);
        return Map.of("name", "Vår " + year, "opensOn", year + "-02-01", "closesOn", year + "-03-15");
    }
}
