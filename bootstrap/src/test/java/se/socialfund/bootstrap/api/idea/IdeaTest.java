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
        Api.as("applicant", SOCIAL).get("/api/v1/applications/" + application).then().statusCode(200);

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
