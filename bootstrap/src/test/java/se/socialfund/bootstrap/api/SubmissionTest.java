package se.socialfund.bootstrap.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Concurrently;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.TestClock;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** Receiving applications: the foundation's promises, over HTTP, against PostgreSQL, with signed tokens. */
@QuarkusTest
class SubmissionTest {
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void an_applicant_submits_and_reads_back_the_application_with_its_etag_and_registration_number() {
        Api.ensureOpenPeriod();
        Response created = Api.applicant().body(Api.sampleApplication().toString()).post("/api/v1/applications");
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/applications/[0-9a-f-]{36}"))
                .header("ETag", "\"1\"")
                .body("registrationNumber", matchesPattern("KS " + Api.today().getYear() + "/\\d{4}"))
                .body("stage", equalTo("RECEIVED"));
        String id = created.path("id");
        Api.applicant().get("/api/v1/applications/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("registrationNumber", equalTo(created.path("registrationNumber")))
                .body("content.budget.requestedAmount.amount", equalTo("11600000.00"))
                .body("content.goals[0].indicators[0].code", equalTo("absence-rate"))
                .body("leadOffice", equalTo(Api.OWN_OFFICE))
                .body("allowedActions.action", equalTo(List.of("WITHDRAW")));
        Api.applicant().get("/api/v1/applications/" + id + "/history").then().statusCode(200)
                .body("items.type", equalTo(List.of("RECEIVED")))
                .body("items[0].stageAfter", equalTo("RECEIVED"));
        assertThat(Database.number("SELECT count(*) FROM application_revision WHERE application_id = ?::uuid", id))
                .isEqualTo(1);
    }

    @Test
    void without_a_token_the_answer_is_401_with_a_problem() {
        Api.anonymous().get("/api/v1/applications").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:socialfund:problem:unauthorized"));
    }

    @Test
    void another_offices_application_is_not_found_and_the_attempt_is_audited() {
        UUID id = Api.submit();
        long denied = Database.number("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED' AND object_id = ?",
                id.toString());
        Api.as("applicant", Api.OTHER_OFFICE).get("/api/v1/applications/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:socialfund:problem:not-found"));
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED' AND object_id = ?",
                id.toString())).isEqualTo(denied + 1);
        Api.as("applicant", Api.OTHER_OFFICE).get("/api/v1/applications?limit=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id.toString())));
    }

    @Test
    void an_auditor_cannot_submit() {
        Api.ensureOpenPeriod();
        String before = Database.footprint();
        Api.as("auditor", null).body(Api.sampleApplication().toString()).post("/api/v1/applications")
                .then().statusCode(403).body("type", equalTo("urn:socialfund:problem:forbidden"));
        assertThat(Database.footprint()).isEqualTo(before);
    }

    @Test
    void fifty_concurrent_submissions_get_fifty_running_numbers_without_a_gap() {
        Api.ensureOpenPeriod();
        int year = Api.today().getYear();
        long previous = Database.number("SELECT coalesce((SELECT last_number FROM registration_counter "
                + "WHERE year = ?), 0)", year);
        assertThat(highestNumber(year)).as("the counter stands at the highest number of the year").isEqualTo(previous);
        String body = Api.sampleApplication().toString();
        List<String> numbers = Concurrently.run(50, i -> Api.applicant().body(body).post("/api/v1/applications")
                .then().statusCode(201).extract().<String>path("registrationNumber"));
        assertThat(numbers).allSatisfy(n -> assertThat(n).startsWith("KS " + year + "/"));
        Set<Integer> running = numbers.stream().map(n -> Integer.parseInt(n.substring(n.indexOf('/') + 1)))
                .collect(Collectors.toSet());
        assertThat(running).hasSize(50);
        int min = running.stream().min(Integer::compare).orElseThrow();
        int max = running.stream().max(Integer::compare).orElseThrow();
        assertThat(max - min).as("no gap among the fifty").isEqualTo(49);
        assertThat(min).as("the first follows the year's counter").isEqualTo(previous + 1);
        assertThat(max).as("the last is the fiftieth after it").isEqualTo(previous + 50);
        assertThat(Database.number("SELECT last_number FROM registration_counter WHERE year = ?", year))
                .isEqualTo(previous + 50);
        System.out.printf("registration numbers: counter for %d at %d before, the fifty got %d to %d%n", year,
                previous, min, max);
    }

    /** The highest running number stored for a year, 0 if none. */
    private static long highestNumber(int year) {
        return Database.number("SELECT coalesce(max(substring(registration_number FROM '/([0-9]+)$')::int), 0) "
                + "FROM application WHERE registration_number LIKE ?", "KS " + year + "/%");
    }

    @Test
    void ten_concurrent_retries_with_one_idempotency_key_make_one_application_and_ten_identical_answers() {
        Api.ensureOpenPeriod();
        String key = "form-" + UUID.randomUUID();
        String body = Api.sampleApplication().toString();
        String token = Tokens.token("form-integration", null);
        long before = Database.number("SELECT count(*) FROM application");
        long eventsBefore = Database.number("SELECT count(*) FROM audit_event WHERE action = 'submitApplication'");
        List<Response> answers = Concurrently.run(10, i -> Api.withToken(token,
                        se.socialfund.bootstrap.support.Contract.full())
                .header("Idempotency-Key", key).body(body).post("/api/v1/applications")
                .then().statusCode(201).extract().response());
        assertThat(answers.stream().map(Response::asString).collect(Collectors.toSet())).hasSize(1);
        assertThat(answers.stream().map(r -> r.header("Location")).collect(Collectors.toSet())).hasSize(1);
        assertThat(answers.stream().map(r -> r.header("ETag")).collect(Collectors.toSet())).containsExactly("\"1\"");
        // the first request is answered as itself; the nine that waited on its key are replays of its answer
        assertThat(answers.stream().filter(r -> r.header("Idempotent-Replayed") == null).count())
                .as("answers without Idempotent-Replayed").isEqualTo(1);
        assertThat(answers.stream().map(r -> r.header("Idempotent-Replayed")).filter(java.util.Objects::nonNull)
                .toList()).as("answers marked as replays").hasSize(9).containsOnly("true");
        String id = answers.get(0).path("id");
        assertThat(Database.number("SELECT count(*) FROM application")).isEqualTo(before + 1);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE action = 'submitApplication' "
                + "AND object_id = ?", id)).as("audit events of the application").isEqualTo(1);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE action = 'submitApplication'"))
                .as("replays write no audit event").isEqualTo(eventsBefore + 1);
    }

    @Test
    void a_retry_while_the_first_request_holds_its_key_is_409_in_progress_and_the_key_works_afterwards()
            throws Exception {
        Api.ensureOpenPeriod();
        String key = "held-" + UUID.randomUUID();
        String body = Api.sampleApplication().toString();
        // the applicant's token subject (see Tokens.token): keys are scoped to it
        String caller = "applicant@" + Api.OWN_OFFICE;
        try (Connection first = Database.superuser()) {
            first.setAutoCommit(false);
            try (PreparedStatement claim = first.prepareStatement(
                    "INSERT INTO idempotency_key (caller, key, fingerprint) VALUES (?, ?, 'still-in-progress')")) {
                claim.setString(1, caller);
                claim.setString(2, key);
                assertThat(claim.executeUpdate()).isEqualTo(1);
            }
            String before = Database.footprint();
            long events = Database.number("SELECT count(*) FROM audit_event");
            long started = System.nanoTime();
            Response retry = Api.applicant().header("Idempotency-Key", key).body(body).post("/api/v1/applications");
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            retry.then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:socialfund:problem:idempotency-in-progress"));
            System.out.printf("idempotency in progress: 409 after %d ms%n", waitedMs);
            assertThat(waitedMs).as("the retry waited for the first request").isBetween(14_500L, 30_000L);
            assertThat(Database.footprint()).isEqualTo(before);
            assertThat(Database.number("SELECT count(*) FROM audit_event")).isEqualTo(events);
            first.rollback();
        }
        long before = Database.number("SELECT count(*) FROM application");
        Response created = Api.applicant().header("Idempotency-Key", key).body(body).post("/api/v1/applications");
        created.then().statusCode(201);
        assertThat(created.header("Idempotent-Replayed")).as("the first answer is no replay").isNull();
        assertThat(Database.number("SELECT count(*) FROM application")).isEqualTo(before + 1);
        assertThat(Database.string("SELECT receipt ->> 'applicationId' FROM idempotency_key WHERE caller = ? "
                + "AND key = ?", caller, key)).isEqualTo(created.<String>path("id"));
        Api.applicant().header("Idempotency-Key", key).body(body).post("/api/v1/applications").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body(equalTo(created.asString()));
        assertThat(Database.number("SELECT count(*) FROM application")).isEqualTo(before + 1);
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_changes_nothing() {
        Api.ensureOpenPeriod();
        String key = "key-" + UUID.randomUUID();
        Api.applicant().header("Idempotency-Key", key).body(Api.sampleApplication().toString())
                .post("/api/v1/applications").then().statusCode(201);
        ObjectNode other = Api.sampleApplication().put("title", "Ett annat projekt");
        String before = Database.footprint();
        Api.applicant().header("Idempotency-Key", key).body(other.toString()).post("/api/v1/applications")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(Database.footprint()).isEqualTo(before);
    }

    @Test
    void the_form_integration_must_send_an_idempotency_key() {
        Api.ensureOpenPeriod();
        String before = Database.footprint();
        Api.asUnchecked("form-integration", null).body(Api.sampleApplication().toString())
                .post("/api/v1/applications").then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(Database.footprint()).isEqualTo(before);
    }

    @Test
    void bad_bodies_get_problems_and_store_nothing() {
        Api.ensureOpenPeriod();
        ObjectNode unknownField = Api.sampleApplication().put("stage", "GRANTED");
        ObjectNode missingSection = Api.sampleApplication();
        missingSection.remove("budget");
        ObjectNode negative = Api.sampleApplication();
        ((ObjectNode) negative.get("budget").get("requestedAmount")).put("amount", "-100.00");
        ObjectNode threeDecimals = Api.sampleApplication();
        ((ObjectNode) threeDecimals.get("budget").get("requestedAmount")).put("amount", "100.005");
        ObjectNode wrongType = Api.sampleApplication();
        ((ObjectNode) wrongType.get("targetGroup")).put("size", "many");
        ObjectNode floatMoney = Api.sampleApplication();
        ((ObjectNode) floatMoney.get("budget").get("requestedAmount")).put("amount", 100.5);
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("malformed", new Object[]{"{\"title\": \"Alla barn", 400, "malformed-json"});
        cases.put("unknown field", new Object[]{unknownField.toString(), 400, "unknown-field"});
        cases.put("missing section", new Object[]{missingSection.toString(), 422, "validation"});
        cases.put("negative amount", new Object[]{negative.toString(), 422, "validation"});
        cases.put("three decimals", new Object[]{threeDecimals.toString(), 422, "validation"});
        cases.put("text for a number", new Object[]{wrongType.toString(), 400, "wrong-type"});
        cases.put("a float for money", new Object[]{floatMoney.toString(), 400, "wrong-type"});
        cases.put("5 MB", new Object[]{"{\"title\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}", 413,
                "payload-too-large"});
        String before = Database.footprint();
        cases.forEach((name, c) -> {
            Response r = Api.asUnchecked("applicant", Api.OWN_OFFICE).body((String) c[0])
                    .post("/api/v1/applications");
            assertThat(r.statusCode()).as(name).isEqualTo(c[1]);
            assertThat(r.contentType()).as(name).startsWith("application/problem+json");
            assertThat(r.<String>path("type")).as(name).isEqualTo("urn:socialfund:problem:" + c[2]);
        });
        assertThat(Database.footprint()).isEqualTo(before);
    }

    @Test
    void the_missing_fields_are_named_as_json_pointers() {
        Api.ensureOpenPeriod();
        ObjectNode body = Api.sampleApplication();
        body.remove("plans");
        ((ObjectNode) body.get("goals").get(0).get("indicators").get(0)).remove("unit");
        Api.asUnchecked("applicant", Api.OWN_OFFICE).body(body.toString()).post("/api/v1/applications")
                .then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.hasItems("/plans", "/goals/0/indicators/0/unit"));
    }

    @Test
    void outside_an_open_period_nothing_is_received() {
        clock.setDay(java.time.LocalDate.of(2099, 6, 15));
        String before = Database.footprint();
        Api.applicant().body(Api.sampleApplication().toString()).post("/api/v1/applications")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:socialfund:problem:no-open-period"));
        assertThat(Database.footprint()).isEqualTo(before);
    }

    @Test
    void an_office_lists_its_own_applications_newest_first_page_by_page() {
        String office = "kultur-och-fritidskontoret";
        ObjectNode body = Api.sampleApplication();
        ((ObjectNode) body.get("offices").get(0)).put("office", office);
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("offices")).remove(1);
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.submit(body, office));
        }
        Response first = Api.as("applicant", office).get("/api/v1/applications?limit=3");
        first.then().statusCode(200).body("items.size()", equalTo(3));
        List<String> seen = new java.util.ArrayList<>(first.jsonPath().getList("items.id"));
        String cursor = first.path("nextCursor");
        Api.ensureOpenPeriod();
        Api.submit(body, office); // a newer one must not shift the next page
        Response second = Api.as("applicant", office).get("/api/v1/applications?limit=3&cursor=" + cursor);
        second.then().statusCode(200);
        seen.addAll(second.jsonPath().getList("items.id"));
        assertThat(seen).startsWith(ids.get(4).toString(), ids.get(3).toString(), ids.get(2).toString(),
                ids.get(1).toString(), ids.get(0).toString());
        Api.as("applicant", office).get("/api/v1/applications?office=" + Api.OWN_OFFICE).then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void the_list_filters_by_stage_and_registration_number() {
        UUID id = Api.submit();
        String number = Api.applicant().get("/api/v1/applications/" + id).path("registrationNumber");
        Api.fundOfficer().queryParam("registrationNumber", number).get("/api/v1/applications").then()
                .statusCode(200).body("items.id", equalTo(List.of(id.toString())));
        Api.fundOfficer().queryParam("registrationNumber", number).queryParam("stage", "GRANTED")
                .get("/api/v1/applications").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void application_data_survives_in_postgresql_not_in_memory() {
        UUID id = Api.submit();
        assertThat(Database.number("SELECT count(*) FROM application WHERE id = ?::uuid AND stage = 'RECEIVED' "
                + "AND version = 1", id.toString())).isEqualTo(1);
        assertThat(Database.number("SELECT count(*) FROM application_event WHERE application_id = ?::uuid",
                id.toString())).isEqualTo(1);
    }
}
