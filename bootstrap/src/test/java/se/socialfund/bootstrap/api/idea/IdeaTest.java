package se.socialfund.bootstrap.api.idea;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.adapters.persistence.idea.IdeaTaskBackfill;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Concurrently;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.TestClock;
import se.socialfund.bootstrap.support.Tokens;
import se.socialfund.domain.idea.IdeaAction;
import se.socialfund.domain.idea.IdeaStage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ideas (idéprövning, issue 16) over HTTP with real tokens: the walk from the form to an application that then takes
 * its normal steps, the shared gapless number series, each bad input its own problem with nothing changed, where the
 * contact appears, and every illegal step refused in the order 404, 403, 412, 409, 422.
 */
@QuarkusTest
class IdeaTest {
    private static final String SOCIAL = "socialkontoret";

    @Inject
    TestClock clock;

    @Inject
    IdeaTaskBackfill backfill;

    /** V52's mark: the backfill (run at start) fills the queue's rows of the ideas stored before, as written now. */
    @Test
    void the_backfill_fills_the_queue_rows_of_ideas_stored_before_the_queue_held_ideas() throws Exception {
        Ideas.submit(Api.OWN_OFFICE);
        String rows = "SELECT coalesce(string_agg(concat_ws('|', scope, due_on, waiting_since, idea_id, actions),"
                + " E'\\n' ORDER BY scope, due_on, waiting_since, idea_id), '') FROM idea_task";
        String written = Database.string(rows);
        assertThat(written).isNotEmpty();
        try {
            try (var c = Database.owner(); var s = c.createStatement()) {
                // as after V52 on a database with ideas: no rows yet, and the mark
                s.executeUpdate("DELETE FROM idea_task");
                s.executeUpdate("INSERT INTO idea_task_backfill VALUES (true)");
            }
            assertThat(Database.string(rows)).isEmpty();
            assertThat(backfill.fillIfMarked()).isGreaterThanOrEqualTo(1);
            assertThat(Database.string(rows)).isEqualTo(written);
            assertThat(Database.number("SELECT count(*) FROM idea_task_backfill")).isZero();
        } finally {
            // the other tests' queue rows back, whatever failed above
            backfill.fillIfMarked();
        }
        assertThat(backfill.fillIfMarked()).isZero();
    }

    @Test
    void a_form_idea_is_screened_sponsored_by_socialkontoret_converted_and_the_application_walks_on() {
        Map<String, Object> idea = Ideas.sample(SOCIAL);
        String key = "walk-" + UUID.randomUUID();
        Response sent = Api.withToken(Ideas.FORM, Contract.full()).header("Idempotency-Key", key).body(idea)
                .post("/api/v1/ideas");
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(201);
        UUID id = UUID.fromString(sent.path("id"));
        assertThat((String) sent.path("registrationNumber")).matches("KS \\d{4}/\\d{4}");
        Response replay = Api.withToken(Ideas.FORM, Contract.full()).header("Idempotency-Key", key).body(idea)
                .post("/api/v1/ideas");
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat((String) replay.path("id")).isEqualTo(id.toString());

        String officer = Ideas.officer();
        Ideas.step(id, "screening", officer, "\"1\"", null).then().statusCode(200);
        Ideas.step(id, "questions", officer, "\"2\"", Map.of("question", "Hur många familjer når ni?")).then()
                .statusCode(200);
        Response answered = Ideas.step(id, "answers", Ideas.FORM, "\"3\"", Map.of("answer", "Omkring 40."));
        assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(200);
        assertThat(answered.jsonPath().getString("questions[0].answer")).isEqualTo("Omkring 40.");
        Ideas.step(id, "questions", officer, "\"4\"", Map.of("question", "Vem leder kvällarna?")).then()
                .statusCode(200);
        Ideas.step(id, "answers", officer, "\"5\"", Map.of("answer", "Två lärare (svar per brev).")).then()
                .statusCode(200);
        Response sponsored = Ideas.step(id, "sponsorship", Tokens.token("office-head", SOCIAL), "\"6\"",
                Map.of("comment", "Socialkontoret tar sig an idén"));
        assertThat(sponsored.statusCode()).as(sponsored.asString()).isEqualTo(200);
        assertThat(sponsored.jsonPath().getString("sponsorship.office")).isEqualTo(SOCIAL);
        assertThat(sponsored.jsonPath().getList("allowedActions.action")).containsExactly("CONVERT");

        Api.ensureOpenPeriod();
        Response converted = Ideas.step(id, "conversion", Tokens.token("applicant", SOCIAL), "\"7\"",
                Ideas.conversion(SOCIAL));
        assertThat(converted.statusCode()).as(converted.asString()).isEqualTo(200);
        assertThat(converted.jsonPath().getString("stage")).isEqualTo("CONVERTED");
        UUID application = UUID.fromString(converted.jsonPath().getString("conversion.applicationId"));
        assertThat(converted.jsonPath().getList("conversion.externalPartners.organisationNumber"))
                .containsExactly(Ideas.ORG_NUMBER, "817605-3968");
        assertThat(Database.string("SELECT idea_id::text FROM application_origin WHERE application_id = ?::uuid",
                application.toString())).isEqualTo(id.toString());
        assertThat(Database.string("SELECT external_partners::text FROM application_origin WHERE application_id = "
                + "?::uuid", application.toString())).contains(Ideas.ORG_NUMBER);
        // the application shows where it came from (checked against the contract), an ordinary one does not
        Response made = Api.as("applicant", SOCIAL).get("/api/v1/applications/" + application);
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(200);
        assertThat(made.jsonPath().getString("origin.ideaId")).isEqualTo(id.toString());
        assertThat(made.jsonPath().getString("origin.ideaRegistrationNumber"))
                .isEqualTo((String) sent.path("registrationNumber"));
        assertThat(made.jsonPath().getString("origin.href")).isEqualTo(Ideas.PATH + id);
        assertThat(made.jsonPath().getList("origin.externalPartners.organisationNumber"))
                .containsExactly(Ideas.ORG_NUMBER, "817605-3968");
        assertThat(made.asString()).doesNotContain(Ideas.CONTACT_EMAIL);
        Response auditor = Api.as("auditor", null).get("/api/v1/applications/" + application);
        assertThat(auditor.jsonPath().getString("origin.ideaId")).isEqualTo(id.toString());
        Response ordinary = Api.fundOfficer().get("/api/v1/applications/" + Api.submit());
        assertThat(ordinary.jsonPath().getMap("$")).doesNotContainKey("origin");

        // twice: 409, nothing changed
        String before = Ideas.footprint();
        Response twice = Ideas.step(id, "conversion", Tokens.token("applicant", SOCIAL), "\"8\"",
                Ideas.conversion(SOCIAL));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(Ideas.footprint()).isEqualTo(before);

        // the application takes its normal steps
        Steps.take(application, "ASSESS_CRITERIA").then().statusCode(200);
        Response perspective = Steps.take(application, "ADD_MUNICIPAL_PERSPECTIVE");
        assertThat(perspective.statusCode()).as(perspective.asString()).isEqualTo(200);
        assertThat(perspective.jsonPath().getString("stage")).isEqualTo("READY_FOR_DECISION");

        List<String> history = Api.withToken(officer, Contract.full()).get(Ideas.PATH + id + "/history").then()
                .statusCode(200).extract().jsonPath().getList("items.type");
        assertThat(history).containsExactly("RECEIVED", "SCREENING_STARTED", "QUESTION_ASKED", "QUESTION_ANSWERED",
                "QUESTION_ASKED", "QUESTION_ANSWERED", "SPONSORED", "CONVERTED");
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE object_type = 'idea' AND object_id = ? "
                + "AND outcome = 'SUCCEEDED'", id.toString())).isEqualTo(8);
    }

    @Test
    void ideas_and_applications_sent_at_once_share_one_series_without_gap_or_duplicate() {
        Api.ensureOpenPeriod();
        int year = Api.today().getYear();
        long before = Database.number("SELECT coalesce(max(last_number), 0) FROM registration_counter WHERE year = ?",
                year);
        // a 503 (no connection free on a loaded machine) rolled everything back: the client retries, as the contract
        // says it may (the idea with the same Idempotency-Key)
        List<String> numbers = Concurrently.run(50, i -> {
            String key = "series-" + UUID.randomUUID();
            for (int attempt = 0; ; attempt++) {
                Response r = i % 2 == 0
                        ? Api.withToken(Ideas.FORM, Contract.responses()).header("Idempotency-Key", key)
                        .body(Ideas.sample(SOCIAL)).post("/api/v1/ideas")
                        : Api.applicant().body(Api.sampleApplication().toString()).post("/api/v1/applications");
                if (r.statusCode() != 503 || attempt == 5) {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
                    return r.<String>path("registrationNumber");
                }
            }
        });
        TreeSet<Integer> running = new TreeSet<>();
        numbers.forEach(n -> running.add(Integer.parseInt(n.substring(n.indexOf('/') + 1))));
        assertThat(running).as("no duplicates").hasSize(50);
        assertThat(running.first()).isEqualTo((int) before + 1);
        assertThat(running.last()).as("no gaps").isEqualTo((int) before + 50);
    }

    @Test
    void each_bad_input_is_its_own_problem_and_changes_nothing() {
        Map<String, Object> badNumber = Ideas.sample(SOCIAL);
        badNumber.put("organisation", Map.of("name", "Föreningen", "organisationNumber", "802002-3242"));
        Map<String, Object> four = Ideas.sample(SOCIAL);
        four.put("targetGroup", Map.of("description", "Fyra barn", "size", 4));
        Map<String, Object> unknown = Ideas.sample(SOCIAL);
        unknown.put("priority", "hög");
        Map<String, Object> both = Ideas.sample(SOCIAL);
        both.put("submittingOffice", SOCIAL);
        String before = Ideas.footprint();
        assertProblem(send(badNumber), 422, "/organisation/organisationNumber");
        assertProblem(send(four), 422, "/targetGroup/size");
        Response unknownField = send(unknown);
        assertThat(unknownField.statusCode()).as(unknownField.asString()).isEqualTo(400);
        assertThat(unknownField.asString()).contains("priority");
        assertProblem(send(both), 422, "/organisation");
        assertThat(Ideas.footprint()).isEqualTo(before);
    }

    @Test
    void a_conversion_outside_an_open_period_by_another_office_or_with_a_broken_application_changes_nothing() {
        UUID id = Ideas.in("SPONSORED", SOCIAL);
        String etag = Ideas.etag(id);
        String before = Ideas.footprint();
        Response other = Ideas.step(id, "conversion", Tokens.token("applicant", "utbildningskontoret"), etag,
                Ideas.conversion("utbildningskontoret"));
        assertThat(other.statusCode()).as("another office: " + other.asString()).isEqualTo(404);
        clock.setDay(LocalDate.of(2091, 6, 1));
        try {
            Response outside = Ideas.step(id, "conversion", Tokens.token("applicant", SOCIAL), etag,
                    Ideas.conversion(SOCIAL));
            assertThat(outside.statusCode()).as(outside.asString()).isEqualTo(409);
            assertThat(outside.asString()).contains("no-open-period");
        } finally {
            clock.reset();
        }
        Map<String, Object> broken = Ideas.conversion(SOCIAL);
        broken.put("application", Map.of("title", "Bara en titel"));
        Response brokenApplication = Ideas.step(id, "conversion", Tokens.token("applicant", SOCIAL), etag, broken);
        assertThat(brokenApplication.statusCode()).as(brokenApplication.asString()).isEqualTo(422);
        Map<String, Object> badPartner = Ideas.conversion(SOCIAL);
        badPartner.put("externalPartners", List.of(Map.of("name", "X", "organisationNumber", "817605-3962")));
        assertProblem(Ideas.step(id, "conversion", Tokens.token("applicant", SOCIAL), etag, badPartner), 422,
                "/externalPartners/0/organisationNumber");
        assertThat(Ideas.footprint()).isEqualTo(before);
        assertThat(Ideas.step(id, "conversion", Tokens.token("office-head", SOCIAL), etag, Ideas.conversion(SOCIAL))
                .statusCode()).as("and then it converts").isEqualTo(200);
    }

    /**
     * The conversion is one transaction (issue 16's gap): the database refuses the idea's own write, which comes after
     * the application was made (its number, rows, audit and feed events): nothing of the application is left, and
     * the number is not lost. Then the same request converts.
     */
    @Test
    void a_conversion_that_fails_after_the_application_was_made_leaves_nothing_behind() throws Exception {
        UUID id = Ideas.in("SPONSORED", SOCIAL);
        String etag = Ideas.etag(id);
        int year = Api.today().getYear();
        long last = Database.number("SELECT coalesce(max(last_number), 0) FROM registration_counter WHERE year = ?",
                year);
        String before = wideFootprint();
        try (var c = Database.superuser(); var s = c.createStatement()) {
            s.execute("CREATE FUNCTION fail_conversion() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION 'injected: the idea''s write fails' USING ERRCODE = '40001'; END $$");
            s.execute("CREATE TRIGGER fail_conversion BEFORE UPDATE ON idea FOR EACH ROW WHEN (NEW.id = '" + id
                    + "' AND NEW.stage = 'CONVERTED') EXECUTE FUNCTION fail_conversion()");
        }
        Response failed;
        try {
            failed = Ideas.step(id, "conversion", Tokens.token("applicant", SOCIAL), etag, Ideas.conversion(SOCIAL));
        } finally {
            try (var c = Database.superuser(); var s = c.createStatement()) {
                s.execute("DROP TRIGGER fail_conversion ON idea");
                s.execute("DROP FUNCTION fail_conversion()");
            }
        }
        assertThat(failed.statusCode()).as(failed.asString()).isEqualTo(503);
        assertThat(wideFootprint()).as("no application, number, origin, audit or feed event left").isEqualTo(before);
        assertThat(Database.string("SELECT stage FROM idea WHERE id = ?::uuid", id.toString())).isEqualTo("SPONSORED");

        Response retried = Ideas.step(id, "conversion", Tokens.token("applicant", SOCIAL), etag,
                Ideas.conversion(SOCIAL));
        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
        String number = retried.jsonPath().getString("conversion.registrationNumber");
        assertThat(number).as("the number the failed attempt took was given back").isEqualTo(
                String.format("KS %d/%04d", year, last + 1));
        UUID application = UUID.fromString(retried.jsonPath().getString("conversion.applicationId"));
        // the application, its origin, its audit event and its feed event, and the idea's, all from one commit
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE outcome = 'SUCCEEDED' AND (object_id = ? "
                + "AND action = 'submitApplication' OR object_id = ? AND action = 'convertIdea')",
                application.toString(), id.toString())).isEqualTo(2);
        assertThat(Database.number("SELECT count(*) FROM application_origin WHERE application_id = ?::uuid",
                application.toString())).isEqualTo(1);
    }

    /**
     * Ten conversions of one idea at once: one wins, the others are refused (their If-Match is stale once the
     * winner commits), and the losers leave nothing: exactly one application, one origin, one number, two audit
     * events more.
     */
    @Test
    void ten_concurrent_conversions_of_one_idea_make_exactly_one_application() {
        UUID id = Ideas.in("SPONSORED", SOCIAL);
        String etag = Ideas.etag(id);
        String token = Tokens.token("applicant", SOCIAL);
        long applications = Database.number("SELECT count(*) FROM application");
        long origins = Database.number("SELECT count(*) FROM application_origin");
        long numbers = Database.number("SELECT coalesce(sum(last_number), 0) FROM registration_counter");
        long audited = Database.number("SELECT count(*) FROM audit_event WHERE outcome = 'SUCCEEDED'");
        long feed = Database.number("SELECT count(*) FROM feed_event");
        List<Integer> statuses = Concurrently.run(10, i -> {
            for (int attempt = 0; ; attempt++) {
                Response r = Ideas.step(id, "conversion", token, etag, Ideas.conversion(SOCIAL));
                if (r.statusCode() != 503 || attempt == 5) {
                    return r.statusCode();
                }
            }
        });
        assertThat(statuses.stream().filter(st -> st == 200).count()).as(statuses.toString()).isEqualTo(1);
        assertThat(statuses).as("the losers: a stale If-Match").allMatch(st -> st == 200 || st == 412 || st == 409);
        assertThat(Database.number("SELECT count(*) FROM application")).isEqualTo(applications + 1);
        assertThat(Database.number("SELECT count(*) FROM application_origin")).isEqualTo(origins + 1);
        assertThat(Database.number("SELECT coalesce(sum(last_number), 0) FROM registration_counter"))
                .isEqualTo(numbers + 1);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE outcome = 'SUCCEEDED'"))
                .isEqualTo(audited + 2);
        assertThat(Database.number("SELECT count(*) FROM feed_event")).isGreaterThan(feed);
        assertThat(Database.string("SELECT stage FROM idea WHERE id = ?::uuid", id.toString())).isEqualTo("CONVERTED");
        assertThat(Database.number("SELECT count(*) FROM application a WHERE NOT EXISTS (SELECT 1 FROM "
                + "application_origin o WHERE o.application_id = a.id) AND a.id IN (SELECT application_id FROM idea "
                + "WHERE application_id IS NOT NULL)")).as("no converted idea's application without its origin")
                .isZero();
    }

    /**
     * The work queue holds an idea for whoever a step waits for, in the same transaction as each step: the fund
     * officer while it is received or screened without an open question, the form that sent it while a question is
     * open, the concerned office's head while it is screened, the sponsoring office's staff until it is converted;
     * then nobody.
     */
    @Test
    void an_idea_is_in_the_work_queue_of_whoever_its_next_step_waits_for() {
        UUID id = Ideas.submit(SOCIAL, "utbildningskontoret");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("fund-officer", Ideas.officer());
        callers.put("form", Ideas.FORM);
        callers.put("other form", Ideas.OTHER_FORM);
        callers.put("office-head soc", Tokens.token("office-head", SOCIAL));
        callers.put("applicant soc", Tokens.token("applicant", SOCIAL));
        callers.put("office-head utb", Tokens.token("office-head", "utbildningskontoret"));
        callers.put("office-head other", Tokens.token("office-head", Api.OTHER_OFFICE));
        callers.put("auditor", Tokens.token("auditor", null));
        // each caller's whole queue is read (every page): at each step only those whose answer could change
        assertThat(queued(id, callers, "fund-officer", "office-head soc", "form")).isEqualTo(
                Map.of("fund-officer", "START_SCREENING,DECLINE"));
        String officer = Ideas.officer();
        Ideas.step(id, "screening", officer, "\"1\"", null).then().statusCode(200);
        assertThat(queued(id, callers, callers.keySet().toArray(String[]::new))).isEqualTo(Map.of(
                "fund-officer", "ASK_QUESTION,DECLINE", "office-head soc", "SPONSOR", "office-head utb", "SPONSOR"));
        assertThat(task(id, officer).get("dueOn")).as("the screening's deadline").isEqualTo(
                Api.today().plusDays(60).toString());
        Ideas.step(id, "questions", officer, "\"2\"", Map.of("question", "Hur många?")).then().statusCode(200);
        assertThat(queued(id, callers, "fund-officer", "form")).isEqualTo(Map.of("form", "ANSWER_QUESTION"));
        Ideas.step(id, "answers", Ideas.FORM, "\"3\"", Map.of("answer", "Fyrtio.")).then().statusCode(200);
        Ideas.step(id, "sponsorship", Tokens.token("office-head", SOCIAL), "\"4\"", Map.of("comment", "Ja"))
                .then().statusCode(200);
        assertThat(queued(id, callers, "fund-officer", "office-head soc", "applicant soc", "office-head utb"))
                .isEqualTo(Map.of("office-head soc", "CONVERT", "applicant soc", "CONVERT"));
        Api.ensureOpenPeriod();
        Ideas.step(id, "conversion", Tokens.token("applicant", SOCIAL), "\"5\"", Ideas.conversion(SOCIAL)).then()
                .statusCode(200);
        assertThat(queued(id, callers, "fund-officer", "office-head soc", "applicant soc")).isEmpty();
        assertThat(Database.number("SELECT count(*) FROM idea_task WHERE idea_id = ?::uuid", id.toString())).isZero();
    }

    /** Who has the idea in their queue, with which steps. */
    private static Map<String, String> queued(UUID id, Map<String, String> callers, String... asked) {
        Map<String, String> found = new TreeMap<>();
        for (String who : asked) {
            Map<String, Object> t = task(id, callers.get(who));
            if (t != null) {
                assertThat(t.get("kind")).isEqualTo("IDEA");
                assertThat(t).doesNotContainKey("applicationId");
                @SuppressWarnings("unchecked")
                List<String> actions = (List<String>) t.get("ideaActions");
                found.put(who, String.join(",", actions));
            }
        }
        return found;
    }

    /** The idea's task in the caller's whole queue (every page, checked against the contract), or null. */
    private static Map<String, Object> task(UUID id, String token) {
        String cursor = null;
        do {
            var spec = Api.withToken(token, Contract.full()).queryParam("limit", 200);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            Response r = spec.get("/api/v1/tasks");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            List<Map<String, Object>> items = r.jsonPath().getList("items");
            for (Map<String, Object> t : items) {
                if (id.toString().equals(t.get("ideaId"))) {
                    return t;
                }
            }
            cursor = r.path("nextCursor");
        } while (cursor != null);
        return null;
    }

    /** What a conversion writes anywhere: the shared footprint, the idea's tables, the audit chain, feed, tasks. */
    private static String wideFootprint() {
        return Ideas.footprint() + "/" + Database.string("SELECT (SELECT count(*) FROM audit_event) || '/' || "
                + "(SELECT count(*) FROM feed_event) || '/' || (SELECT count(*) FROM application_task) || '/' || "
                + "(SELECT string_agg(scope || actions::text, ',' ORDER BY scope) FROM idea_task)");
    }

    @Test
    void an_idea_left_in_screening_over_sixty_days_appears_among_the_deadlines_for_those_who_see_it() {
        UUID id = Ideas.in("SCREENING", SOCIAL);
        String number = Database.string("SELECT registration_number FROM idea WHERE id = ?::uuid", id.toString());
        LocalDate started = Api.today();
        try {
            clock.setDay(started.plusDays(60));
            assertThat(deadlineNumbers(Ideas.officer())).as("on the 60th day").doesNotContain(number);
            clock.setDay(started.plusDays(61));
            assertThat(deadlineNumbers(Ideas.officer())).contains(number);
            assertThat(deadlineNumbers(Tokens.token("office-head", SOCIAL))).contains(number);
            assertThat(deadlineNumbers(Tokens.token("office-head", Api.OTHER_OFFICE))).doesNotContain(number);
            Response r = Api.withToken(Ideas.officer(), Contract.full()).get("/api/v1/deadlines?kind=IDEA_SCREENING");
            assertThat(r.asString()).doesNotContain(Ideas.CONTACT_EMAIL);
            assertThat(r.jsonPath().getList("items.ideaId")).contains(id.toString());
        } finally {
            clock.reset();
        }
    }

    private static List<String> deadlineNumbers(String token) {
        return Api.withToken(token, Contract.full()).get("/api/v1/deadlines").then().statusCode(200).extract()
                .jsonPath().getList("items.registrationNumber");
    }

    /** Who sees the contact: every idea endpoint read as every role, before and after sponsorship. */
    @Test
    void the_contact_appears_only_for_fund_officers_and_the_sponsoring_offices_staff() {
        UUID received = Ideas.in("SCREENING", SOCIAL);
        UUID sponsored = Ideas.in("SPONSORED", SOCIAL);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("fund-officer", Ideas.officer());
        tokens.put("auditor", Tokens.token("auditor", null));
        tokens.put("scientific-advisor", Tokens.token("scientific-advisor", null));
        tokens.put("form (sender)", Ideas.FORM);
        tokens.put("applicant socialkontoret", Tokens.token("applicant", SOCIAL));
        tokens.put("office-head socialkontoret", Tokens.token("office-head", SOCIAL));
        tokens.put("applicant utbildningskontoret", Tokens.token("applicant", "utbildningskontoret"));
        tokens.put("office-head stadsbyggnadskontoret", Tokens.token("office-head", Api.OTHER_OFFICE));
        Map<String, String> seen = new TreeMap<>();
        for (var caller : tokens.entrySet()) {
            for (UUID id : List.of(received, sponsored)) {
                String which = id.equals(received) ? "screening" : "sponsored";
                for (String path : List.of(Ideas.PATH + id, Ideas.PATH + id + "/history",
                        "/api/v1/ideas?limit=200", "/api/v1/ideas?limit=200&stage=SPONSORED")) {
                    Response r = Api.withToken(caller.getValue(), Contract.full()).get(path);
                    if (r.asString().contains(Ideas.CONTACT_EMAIL) || r.asString().contains("Kim Kontaktsson")) {
                        seen.put(caller.getKey() + " " + which + " " + path.replace(id.toString(), "{id}"),
                                "contact");
                    }
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (String caller : List.of("fund-officer")) {
            expected.put(caller + " screening /api/v1/ideas/{id}", "contact");
        }
        for (String caller : List.of("fund-officer", "applicant socialkontoret", "office-head socialkontoret")) {
            expected.put(caller + " sponsored /api/v1/ideas/{id}", "contact");
        }
        assertThat(seen).isEqualTo(expected);
        // and the visibility beside it: an office the idea does not concern does not see it at all
        Api.withToken(tokens.get("office-head stadsbyggnadskontoret"), Contract.full()).get(Ideas.PATH + received)
                .then().statusCode(404);
        Api.withToken(tokens.get("applicant utbildningskontoret"), Contract.full()).get(Ideas.PATH + sponsored)
                .then().statusCode(404);
        Api.withToken(tokens.get("applicant utbildningskontoret"), Contract.full()).get(Ideas.PATH + received)
                .then().statusCode(200);
    }

    /**
     * Every stage x every step x every caller: a step the caller may not see is 404, a role or office without the
     * right 403, a stale If-Match 412, a wrong stage 409, a broken body 422, in that order; none changes anything.
     */
    @Test
    void every_illegal_idea_step_is_refused_in_order_and_changes_nothing() {
        Map<String, UUID> ideas = new LinkedHashMap<>();
        for (String stage : List.of("RECEIVED", "SCREENING", "QUESTION_OPEN", "SPONSORED", "DECLINED", "WITHDRAWN",
                "CONVERTED")) {
            ideas.put(stage, Ideas.in(stage, "utbildningskontoret"));
        }
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("applicant own", Tokens.token("applicant", "utbildningskontoret"));
        callers.put("office-head own", Tokens.token("office-head", "utbildningskontoret"));
        callers.put("office-head other", Tokens.token("office-head", Api.OTHER_OFFICE));
        callers.put("fund-officer", Ideas.officer());
        callers.put("auditor", Tokens.token("auditor", null));
        callers.put("scientific-advisor", Tokens.token("scientific-advisor", null));
        callers.put("form own", Ideas.FORM);
        callers.put("form other", Ideas.OTHER_FORM);
        Map<IdeaAction, Object> bodies = new HashMap<>();
        bodies.put(IdeaAction.ASK_QUESTION, Map.of("question", "?"));
        bodies.put(IdeaAction.ANSWER_QUESTION, Map.of("answer", "!"));
        bodies.put(IdeaAction.SPONSOR, Map.of("comment", "Ja"));
        bodies.put(IdeaAction.DECLINE, Map.of("reasons", List.of("Nej")));
        bodies.put(IdeaAction.WITHDRAW, Map.of("reason", "Nej"));
        bodies.put(IdeaAction.CONVERT, Ideas.conversion("utbildningskontoret"));
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Api.ensureOpenPeriod();
        for (var idea : ideas.entrySet()) {
            IdeaStage stage = IdeaStage.valueOf(idea.getKey().equals("QUESTION_OPEN") ? "SCREENING" : idea.getKey());
            boolean open = idea.getKey().equals("QUESTION_OPEN");
            boolean sponsored = stage == IdeaStage.SPONSORED || stage == IdeaStage.CONVERTED;
            String current = Ideas.etag(idea.getValue());
            long version = Long.parseLong(current.replace("\"", ""));
            // refusals change nothing: checked once per idea, over all its refused steps (cheaper than per request)
            String before = Ideas.footprint();
            for (IdeaAction action : IdeaAction.values()) {
                for (var caller : callers.entrySet()) {
                    String who = caller.getKey();
                    boolean visible = !who.equals("office-head other") && !who.equals("form other");
                    // an office converts only what it sponsors
                    boolean role = action.roles().stream().anyMatch(r -> who.startsWith(r.claim()) || who.startsWith(
                            "form") && r.claim().equals("form-integration"))
                            && !(action == IdeaAction.CONVERT && !sponsored);
                    boolean possible = action.allowedIn(stage) && (action != IdeaAction.ASK_QUESTION || !open)
                            && (action != IdeaAction.ANSWER_QUESTION || open);
                    int expected = !visible ? 404 : !role ? 403 : !possible ? 409 : 200;
                    if (expected == 200) {
                        // the legal step: refused for a stale version, then for a broken body
                        expect(wrong, statuses, idea.getKey() + " " + action + " by " + who + " stale", 412,
                                idea.getValue(), action, caller.getValue(), "\"" + (version + 5) + "\"",
                                bodies.get(action));
                        if (action != IdeaAction.START_SCREENING) {
                            expect(wrong, statuses, idea.getKey() + " " + action + " by " + who + " broken", 422,
                                    idea.getValue(), action, caller.getValue(), current, Map.of());
                        }
                        continue;
                    }
                    // a stale If-Match where 404 or 403 is due (they come first), the current one where 409 is
                    expect(wrong, statuses, idea.getKey() + " " + action + " by " + who, expected, idea.getValue(),
                            action, caller.getValue(), expected == 409 ? current : "\"" + (version + 5) + "\"",
                            Map.of());
                }
            }
            if (!Ideas.footprint().equals(before)) {
                wrong.add(idea.getKey() + ": a refused step changed the database");
            }
        }
        assertThat(wrong).as("idea steps answered wrongly").isEmpty();
        assertThat(statuses.keySet()).containsExactlyInAnyOrder(403, 404, 409, 412, 422);
    }

    private static void expect(List<String> wrong, Map<Integer, Integer> statuses, String what, int status, UUID id,
                               IdeaAction action, String token, String ifMatch, Object body) {
        var spec = Api.withToken(token, Contract.responses()).header("If-Match", ifMatch);
        if (body != null) {
            spec.body(body);
        }
        Response r = spec.post(Ideas.PATH + id + "/" + action.resource());
        statuses.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() != status) {
            wrong.add(what + ": expected " + status + ", got " + r.statusCode() + " " + r.asString());
        } else if (!r.contentType().startsWith("application/problem+json")) {
            wrong.add(what + ": a refusal that is not a problem");
        }
    }

    private static Response send(Map<String, Object> body) {
        return Api.withToken(Ideas.FORM, Contract.responses()).header("Idempotency-Key", "bad-" + UUID.randomUUID())
                .body(body).post("/api/v1/ideas");
    }

    private static void assertProblem(Response r, int status, String pointer) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getList("violations.field", String.class)).as(r.asString()).contains(pointer);
    }
}
