package se.socialfund.bootstrap.faults;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed, oversized, deeply nested, mistyped and odd input: each is a 4xx problem that stores nothing, text with
 * SQL, HTML and odd Unicode is stored and answered exactly as sent, and the service's memory stays level under a
 * stream of such requests.
 */
@QuarkusTest
class BadInputTest {
    static final String SUBMIT = "/api/v1/applications";
    /**
     * Rounds of the memory test: each sends two bad bodies of up to 900 kB; every tenth one of 12 000 empty goals
     * (slow to validate), every fifth a chunked 10 MB.
     */
    static final int ROUNDS = 100;

    /** A sample application with one field replaced (a JSON pointer into the body) by raw JSON text. */
    static String sampleWith(String pointer, String rawJson) {
        String marker = "@@" + UUID.randomUUID() + "@@";
        ObjectNode body = Api.sampleApplication();
        int slash = pointer.lastIndexOf('/');
        var parent = body.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(field), Api.JSON.getNodeFactory().textNode(marker));
        } else {
            ((ObjectNode) parent).put(field, marker);
        }
        return body.toString().replace("\"" + marker + "\"", rawJson);
    }

    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    /** A bad body and the answer it must get; {@code field}, when given, is the violation's JSON pointer. */
    record Bad(String name, String body, int status, String type, String field) {
        Bad(String name, String body, int status, String type) {
            this(name, body, status, type, null);
        }
    }

    static List<Bad> badBodies() {
        List<Bad> bad = new ArrayList<>();
        // malformed JSON
        bad.add(new Bad("truncated", "{\"title\": \"Alla barn", 400, "malformed-json"));
        bad.add(new Bad("a trailing comma", sampleWith("/title", "\"x\",}"), 400, "malformed-json"));
        bad.add(new Bad("single quotes", "{'title': 'Alla barn'}", 400, "malformed-json"));
        bad.add(new Bad("NaN", sampleWith("/targetGroup/size", "NaN"), 400, "malformed-json"));
        bad.add(new Bad("trailing content", Api.sampleApplication() + " {}", 400, "malformed-json"));
        bad.add(new Bad("a comment", sampleWith("/title", "/* hej */ \"x\""), 400, "malformed-json"));
        bad.add(new Bad("an invalid escape", sampleWith("/title", "\"\\x41\""), 400, "malformed-json"));
        bad.add(new Bad("a raw control character", sampleWith("/title", "\"a\u0001b\""), 400, "malformed-json"));
        bad.add(new Bad("an empty body", "", 400, "bad-request"));
        bad.add(new Bad("null", "null", 400, "bad-request"));
        bad.add(new Bad("an array", "[]", 400, "wrong-type"));
        bad.add(new Bad("a string", "\"ansökan\"", 400, "wrong-type"));
        bad.add(new Bad("a number", "42", 400, "wrong-type"));
        // nesting thousands deep: refused at the first level of the wrong type, or at 32 levels, never read deeper
        bad.add(new Bad("arrays 5000 deep in a field", sampleWith("/title", repeat("[", 5000) + repeat("]", 5000)),
                400, "wrong-type"));
        bad.add(new Bad("objects 10000 deep", repeat("{\"a\":", 10_000) + "1" + repeat("}", 10_000), 400,
                "malformed-json"));
        bad.add(new Bad("arrays 200000 deep", repeat("[", 200_000) + repeat("]", 200_000), 400, "wrong-type"));
        // huge strings and arrays
        bad.add(new Bad("a 100001-character title", sampleWith("/title", "\"" + "x".repeat(100_001) + "\""), 400,
                "malformed-json"));
        bad.add(new Bad("a 900000-character text", sampleWith("/intervention", "\"" + "å".repeat(450_000) + "\""),
                400, "malformed-json"));
        bad.add(new Bad("a 99999-character title", sampleWith("/title", "\"" + "x".repeat(99_999) + "\""), 422,
                "validation"));
        bad.add(new Bad("a 20001-character situation", sampleWith("/currentSituation", "\"" + "x".repeat(20_001)
                + "\""), 422, "validation"));
        bad.add(new Bad("200000 empty goals", sampleWith("/goals", "[" + "{},".repeat(199_999) + "{}]"), 400,
                "malformed-json"));
        bad.add(new Bad("12000 empty goals", sampleWith("/goals", "[" + "{},".repeat(11_999) + "{}]"), 422,
                "validation"));
        bad.add(new Bad("10000 budget lines", sampleWith("/budget/lines", "[" + ("{\"year\":2027,\"category\":"
                + "\"PERSONNEL\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"SEK\"}},").repeat(9_999)
                + "{\"year\":2027,\"category\":\"PERSONNEL\",\"amount\":{\"amount\":\"1.00\",\"currency\":"
                + "\"SEK\"}}]"), 400, "malformed-json"));
        bad.add(new Bad("150000 nulls in a list", sampleWith("/offices", "[" + "null,".repeat(149_999) + "null]"),
                400, "malformed-json"));
        bad.add(new Bad("20000 nulls in a list", sampleWith("/offices", "[" + "null,".repeat(19_999) + "null]"),
                422, "validation"));
        // wrong types
        bad.add(new Bad("a number for text", sampleWith("/title", "42"), 400, "wrong-type"));
        bad.add(new Bad("a boolean for text", sampleWith("/title", "true"), 400, "wrong-type"));
        bad.add(new Bad("an object for text", sampleWith("/title", "{}"), 400, "wrong-type"));
        bad.add(new Bad("an array for text", sampleWith("/title", "[\"a\"]"), 400, "wrong-type"));
        bad.add(new Bad("text for a number", sampleWith("/targetGroup/size", "\"300\""), 400, "wrong-type"));
        bad.add(new Bad("a fraction for a whole number", sampleWith("/targetGroup/size", "300.5"), 400,
                "wrong-type"));
        bad.add(new Bad("a number beyond int", sampleWith("/targetGroup/size", "99999999999999999999"), 400,
                "malformed-json"));
        bad.add(new Bad("a 41-digit number", sampleWith("/targetGroup/size", "1" + "0".repeat(40)), 400,
                "malformed-json"));
        bad.add(new Bad("1e400", sampleWith("/goals/0/indicators/0/target", "1e400"), 422, "validation"));
        bad.add(new Bad("text for an object", sampleWith("/targetGroup", "\"300 elever\""), 400, "wrong-type"));
        bad.add(new Bad("an object for a list", sampleWith("/goals", "{}"), 400, "wrong-type"));
        bad.add(new Bad("a float for money", sampleWith("/budget/requestedAmount/amount", "11600000.0"), 400,
                "wrong-type"));
        bad.add(new Bad("an impossible date", sampleWith("/officeHeadApproval/approvedOn", "\"2026-13-45\""), 400,
                "wrong-type"));
        bad.add(new Bad("a number for a date", sampleWith("/officeHeadApproval/approvedOn", "20261120"), 400,
                "wrong-type"));
        bad.add(new Bad("an unknown enum value", sampleWith("/goals/0/indicators/0/direction", "\"SIDEWAYS\""),
                400, "wrong-type"));
        bad.add(new Bad("a number for an enum", sampleWith("/goals/0/indicators/0/direction", "0"), 400,
                "wrong-type"));
        bad.add(new Bad("text for a boolean", sampleWith("/offices/0/lead", "\"true\""), 400, "wrong-type"));
        // groups so small that their figures, read by auditors and advisors too, would identify their members
        bad.add(new Bad("a target group of four", sampleWith("/targetGroup/size", "4"), 422, "validation",
                "/targetGroup/size"));
        bad.add(new Bad("a control group of four", sampleWith("/goals/0/indicators/0/controlGroup/size", "4"), 422,
                "validation", "/goals/0/indicators/0/controlGroup/size"));
        // text that cannot be stored as text
        bad.add(new Bad("a NUL character", sampleWith("/title", "\"Alla\\u0000barn\""), 422, "validation",
                "/title"));
        bad.add(new Bad("a lone high surrogate", sampleWith("/title", "\"Alla \\ud800 barn\""), 422, "validation",
                "/title"));
        bad.add(new Bad("a lone low surrogate", sampleWith("/currentSituation", "\"\\udc00\""), 422,
                "validation", "/currentSituation"));
        bad.add(new Bad("a NUL in a nested field", sampleWith("/goals/0/indicators/0/name", "\"a\\u0000\""), 422,
                "validation", "/goals/0/indicators/0/name"));
        return bad;
    }

    @Test
    void bad_bodies_are_4xx_problems_that_store_nothing() {
        Api.ensureOpenPeriod();
        List<Bad> bad = badBodies();
        String footprint = Database.footprint();
        long audit = Database.number("SELECT count(*) FROM audit_event");
        List<String> wrong = new ArrayList<>();
        for (Bad b : bad) {
            long started = System.nanoTime();
            Response r = unchecked("applicant", Api.OWN_OFFICE).header("Idempotency-Key",
                    "bad-" + UUID.randomUUID()).body(b.body().getBytes(StandardCharsets.UTF_8)).post(SUBMIT);
            long ms = (System.nanoTime() - started) / 1_000_000;
            String type = r.contentType().startsWith("application/problem+json") ? r.path("type") : null;
            if (r.statusCode() != b.status() || !("urn:socialfund:problem:" + b.type()).equals(type)) {
                wrong.add(b.name() + ": expected " + b.status() + " " + b.type() + ", got " + r.statusCode() + " "
                        + abbreviate(r.asString()));
            }
            if (b.field() != null && r.statusCode() == b.status()
                    && !b.field().equals(r.path("violations[0].field"))) {
                wrong.add(b.name() + ": expected the violation at " + b.field() + ", got " + abbreviate(r.asString()));
            }
            if (r.asString().length() > 64 * 1024) {
                wrong.add(b.name() + ": a " + r.asString().length() + "-character answer to a bad request");
            }
            if (ms > 5_000) {
                wrong.add(b.name() + ": took " + ms + " ms");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(Database.footprint()).as("nothing stored by the bad submissions").isEqualTo(footprint);
        assertThat(Database.number("SELECT count(*) FROM audit_event")).as("no bad submission reached a use case")
                .isEqualTo(audit);
        // the same kinds of input in a lifecycle step's body
        UUID id = Steps.applicationIn("RECEIVED");
        String ifMatch = Api.ifMatch(id);
        String before = Database.footprint();
        Map<String, Object[]> steps = new LinkedHashMap<>();
        steps.put("a deep review", new Object[]{"{\"comment\":" + repeat("[", 3000) + repeat("]", 3000) + "}", 400});
        steps.put("a NUL in a review", new Object[]{"{\"comment\":\"bra\\u0000\"}", 422, "/comment"});
        steps.put("a huge review", new Object[]{"{\"comment\":\"" + "x".repeat(20_001) + "\"}", 422});
        steps.put("a number for a review", new Object[]{"{\"comment\":1}", 400});
        steps.forEach((name, c) -> {
            Response r = Api.asUnchecked("scientific-advisor", null).header("If-Match", ifMatch).body(c[0])
                    .post("/api/v1/applications/" + id + "/reviews");
            if (r.statusCode() != (int) c[1] || !r.contentType().startsWith("application/problem+json")) {
                wrong.add(name + ": expected " + c[1] + ", got " + r.statusCode() + " " + abbreviate(r.asString()));
            } else if (c.length > 2 && !c[2].equals(r.path("violations[0].field"))) {
                wrong.add(name + ": expected the violation at " + c[2] + ", got " + abbreviate(r.asString()));
            }
        });
        System.out.printf("bad input: %d bad bodies tried%n", bad.size() + steps.size());
        assertThat(wrong).isEmpty();
        assertThat(Database.footprint()).as("nothing stored by the bad step bodies").isEqualTo(before);
        assertThat(Database.number("SELECT count(*) FROM audit_event")).as("no bad step body reached a use case")
                .isEqualTo(audit + Steps.PATH_TO.get("RECEIVED").size() + 1);
    }

    @Test
    void a_ten_megabyte_body_is_refused_before_it_is_read_with_or_without_a_length() throws Exception {
        String footprint = Database.footprint();
        String tenMegabytes = "{\"title\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        unchecked("applicant", Api.OWN_OFFICE).body(tenMegabytes).post(SUBMIT).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:socialfund:problem:payload-too-large"));
        unchecked("applicant", Api.OWN_OFFICE).body("{\"title\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .post(SUBMIT).then().statusCode(413);
        for (ChunkedUpload.Shape shape : ChunkedUpload.Shape.values()) {
            // 64 MB: a service that read the whole body before answering would have had all of it
            for (long size : List.of(64L * 1024 * 1024, 1024 * 1024 + 1L)) {
                ChunkedUpload.Answer chunked = chunked(size, shape);
                String what = "chunked, " + shape + ", " + size + " bytes";
                System.out.printf("%s: %d, %d bytes sent when it came, connection closed: %s%n", what,
                        chunked.status(), chunked.sentBeforeAnswer(), chunked.closedAfterAnswer());
                assertThat(chunked.status()).as(what).isEqualTo(413);
                assertThat(chunked.body()).as(what).contains("urn:socialfund:problem:payload-too-large");
                assertThat(chunked.closedAfterAnswer()).as(what + ": the connection closed after the answer").isTrue();
                // what was sent is what the service read plus the sockets' buffers (loopback: a few MB)
                assertThat(chunked.sentBeforeAnswer()).as(what + ": bytes sent when the answer came")
                        .isLessThan(16L * 1024 * 1024);
            }
        }
        assertThat(chunked(1024 * 1024, ChunkedUpload.Shape.WHITE_SPACE).status())
                .as("chunked, at the limit: read, and refused for its content only").isEqualTo(422);
        assertThat(Database.footprint()).isEqualTo(footprint);
    }

    @Test
    void a_problem_lists_at_most_a_hundred_violations_of_the_rules_and_says_how_many_there_were() {
        Api.ensureOpenPeriod();
        String footprint = Database.footprint();
        String line = "{\"year\":2027,\"category\":\"PERSONNEL\","
                + "\"amount\":{\"amount\":\"1.00\",\"currency\":\"SEK\"}}";
        // 200 lines for the same year and category: bean validation passes, the domain finds 199 duplicates
        Response r = unchecked("applicant", Api.OWN_OFFICE).header("Idempotency-Key", "dup-" + UUID.randomUUID())
                .body(sampleWith("/budget/lines", "[" + (line + ",").repeat(199) + line + "]")).post(SUBMIT);
        r.then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:socialfund:problem:validation"))
                .body("violations.size()", org.hamcrest.Matchers.equalTo(100))
                .body("detail", org.hamcrest.Matchers.containsString("the first 100 are listed"));
        assertThat(r.<List<String>>path("violations.field")).allMatch(f -> f.startsWith("/budget"));
        assertThat(Database.footprint()).isEqualTo(footprint);
    }

    /** A chunked upload of the given size to the submission, as an applicant of the own office. */
    static ChunkedUpload.Answer chunked(long size) throws Exception {
        return chunked(size, ChunkedUpload.Shape.WHITE_SPACE);
    }

    static ChunkedUpload.Answer chunked(long size, ChunkedUpload.Shape shape) throws Exception {
        ChunkedUpload.Answer a = ChunkedUpload.post(RestAssured.port, SUBMIT, Tokens.token("applicant", Api.OWN_OFFICE),
                size, shape);
        RawContract.check("POST", SUBMIT, a.status(), a.headers(), a.body());
        return a;
    }

    /** A request whose body is wrong on purpose: only the answer is held to the contract (see RawContract). */
    static io.restassured.specification.RequestSpecification unchecked(String role, String office) {
        return RawContract.plain(Api.withToken(Tokens.token(role, office), RawContract.responses()));
    }

    @Test
    void sql_html_and_odd_unicode_in_text_are_stored_and_answered_exactly_as_sent() {
        Api.ensureOpenPeriod();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("/title", "Robert'); DROP TABLE application; -- <b>fet</b>");
        texts.put("/currentSituation", "<script>alert('x')</script><img src=x onerror=alert(1)> &amp; &lt; \" ' `");
        texts.put("/intervention", "' OR '1'='1'; SELECT pg_sleep(10); -- ${jndi:ldap://127.0.0.1/a} {{7*7}} %s%n");
        texts.put("/targetGroup/description", "Ünïcödé: 👩‍👩‍👧 e\u0301 \u202Eevil\u202C \u200B\u200D \uFEFF "
                + "中文 العربية 𝔘𝔫𝔦 \uFFFD \uE000 \\ \\u0000 \u2028\u2029");
        texts.put("/plans/followUp", "Line one\r\nLine two\ttab \u0085 \u00A0 \u3000");
        texts.put("/goals/0/indicators/0/name", "=cmd|' /C calc'!A0 @SUM(1+1) +1 -1");
        ObjectNode body = Api.sampleApplication();
        texts.forEach((pointer, text) -> {
            int slash = pointer.lastIndexOf('/');
            ((ObjectNode) body.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), text);
        });
        Response created = Api.as("applicant", Api.OWN_OFFICE).body(body.toString()).post(SUBMIT);
        created.then().statusCode(201);
        String id = created.path("id");
        Response read = Api.applicant().get("/api/v1/applications/" + id);
        read.then().statusCode(200).contentType("application/json");
        texts.forEach((pointer, text) -> {
            String path = "content" + pointer.replace('/', '.').replaceAll("\\.(\\d+)", "[$1]");
            assertThat(read.<String>path(path)).as(pointer).isEqualTo(text);
            assertThat(Database.string("SELECT content #>> ?::text[] FROM application_revision WHERE application_id = "
                    + "?::uuid AND number = 1", "{" + pointer.substring(1).replace('/', ',') + "}", id))
                    .as("stored " + pointer).isEqualTo(text);
        });
        assertThat(Database.string("SELECT title FROM application WHERE id = ?::uuid", id))
                .isEqualTo(texts.get("/title"));
        assertThat(read.asString()).doesNotContain("&lt;script").contains("<script>");
        // the list and its filters take the text as data too
        Api.fundOfficer().queryParam("registrationNumber", (String) created.path("registrationNumber"))
                .get("/api/v1/applications").then().statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.equalTo(texts.get("/title")));
        assertThat(Database.number("SELECT count(*) FROM application")).isPositive();
    }

    @Test
    void sql_in_query_parameters_is_refused_or_taken_as_data() {
        String footprint = Database.footprint();
        for (String query : List.of("registrationNumber=' OR '1'='1", "office=x' OR '1'='1", "stage=RECEIVED'--",
                "period=1;DROP TABLE application", "cursor=' OR 1=1 --", "limit=1 OR 1=1")) {
            Api.asUnchecked("fund-officer", Api.FUND_OFFICE).urlEncodingEnabled(true).get(SUBMIT + "?" + query)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        Api.as("auditor", null).queryParam("actor", "' OR '1'='1' --").get("/api/v1/audit-events").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
        Api.asUnchecked("auditor", null).queryParam("actor", "a\u0000b").get("/api/v1/audit-events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("actor"));
        assertThat(Database.footprint()).isEqualTo(footprint);
    }

    @Test
    void the_services_memory_stays_level_under_a_stream_of_bad_requests() throws Exception {
        String bigString = sampleWith("/intervention", "\"" + "x".repeat(900_000) + "\"");
        String deep = repeat("[", 200_000) + repeat("]", 200_000);
        String manyGoals = sampleWith("/goals", "[" + "{},".repeat(11_999) + "{}]");
        long[] nanos = new long[4];
        int[] sent = new int[1];
        java.util.function.IntConsumer round = i -> {
            List<String> bodies = i % 10 == 0 ? List.of(bigString, deep, manyGoals) : List.of(bigString, deep);
            for (int k = 0; k < bodies.size(); k++) {
                long t = System.nanoTime();
                int status = unchecked("applicant", Api.OWN_OFFICE).body(bodies.get(k)).post(SUBMIT).statusCode();
                nanos[k] += System.nanoTime() - t;
                assertThat(status).isBetween(400, 499);
                sent[0] += bodies.get(k).length();
            }
        };
        for (int i = 0; i < 3; i++) {
            round.accept(0); // warm up: classes, caches and buffers the service keeps anyway
        }
        chunked(10 * 1024 * 1024);
        long before = usedHeapAfterGc();
        int requests = 0;
        sent[0] = 0;
        for (int i = 0; i < ROUNDS; i++) {
            round.accept(i);
            requests += i % 10 == 0 ? 3 : 2;
            if (i % 5 == 0) {
                long t = System.nanoTime();
                assertThat(chunked(10 * 1024 * 1024).status()).isEqualTo(413);
                nanos[3] += System.nanoTime() - t;
                requests++;
            }
        }
        long after = usedHeapAfterGc();
        long grownMb = (after - before) / (1024 * 1024);
        System.out.printf("memory: ms spent on big strings, deep nesting, many items, chunked: %s%n",
                java.util.Arrays.toString(java.util.Arrays.stream(nanos).map(n -> n / 1_000_000).toArray()));
        System.out.printf("memory: heap %d MB before and %d MB after %d bad requests (%d MB of bodies)%n",
                before / (1024 * 1024), after / (1024 * 1024), requests,
                (sent[0] + (ROUNDS / 5) * 10L * 1024 * 1024) / (1024 * 1024));
        // a leak of even a tenth of each big body (90 kB per request) would grow the heap by more than 16 MB
        assertThat(grownMb).as("heap growth in MB after " + requests + " bad requests").isLessThan(16);
        Api.fundOfficer().get("/api/v1/fund").then().statusCode(200);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
