package se.socialfund.bootstrap.publication;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Fund;
import se.socialfund.bootstrap.support.SampleFiles;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public page's data and the open data (issue 15): what leaves without a token, and nothing more; caching,
 * paging under inserts and bad parameters.
 */
@QuarkusTest
class PublicationTest {
    static final String LEADER = "Ingrid Projektledarsson";
    static final String APPROVER = "Kerstin Kontorschefsdotter";
    static final String REVIEW = "Granskarens interna synpunkt om urvalet QX1";
    static final String MOTIVATION = "Kriteriemotivering som stannar internt QX2";
    static final String SECRET_TITLE = "Sekretessbelagd bilaga QX3";
    static final String SECRET_FILE = "hemlig-bilaga-qx3.pdf";
    static final String PUBLISHED_TITLE = "Projektplan för allmänheten";
    static final String SMALL_GROUP_VALUE = "77.7";

    /** An investment that carries everything that must stay inside, and one published document. */
    record Leaky(UUID id, String number, UUID published, UUID secret) {
    }

    static Leaky leaky() {
        Fund.ensureAvailable(new BigDecimal("100000.00"));
        ObjectNode body = Api.sampleApplication();
        body.put("title", "Öppen redovisning " + UUID.randomUUID().toString().substring(0, 8));
        body.put("intervention", body.get("intervention").asText() + " Samordnas av " + LEADER + " och "
                + APPROVER.toUpperCase() + ".");
        ((ObjectNode) body.get("officeHeadApproval")).put("approvedBy", APPROVER)
                .put("approvedOn", Api.today().toString());
        UUID id = Api.submit(body, Api.OWN_OFFICE);
        long v = 1;
        Api.as("scientific-advisor", null).header("If-Match", "\"" + v++ + "\"")
                .body(Map.of("comment", REVIEW)).post("/api/v1/applications/" + id + "/reviews")
                .then().statusCode(200);
        Steps.take(id, "ASSESS_CRITERIA", v++, Map.of("criteria", List.of(
                Map.of("criterion", "COUNTERACTS_EXCLUSION", "met", true, "motivation", MOTIVATION),
                Steps.criterion("REDUCES_LONG_TERM_COSTS", true), Steps.criterion("TRIES_NEW_METHODS", true),
                Steps.criterion("PROMOTES_COLLABORATION", true)))).then().statusCode(200);
        Steps.take(id, "ADD_MUNICIPAL_PERSPECTIVE", v++).then().statusCode(200);
        Steps.take(id, "RECORD_BOARD_DECISION", v++).then().statusCode(200);
        Steps.take(id, "START_PROJECT", v++, Map.of("projectLeader", LEADER, "projectPlan", "Projektplan v1",
                "startDate", Api.today().toString(), "plannedEndDate", Api.today().plusYears(2).toString()))
                .then().statusCode(200);
        Steps.take(id, "SUBMIT_FOLLOW_UP", v++, Map.of("progress", "Rutinerna används.", "risks", "Inga.",
                "measurements", List.of(Steps.measurement("absence-rate", "TARGET", 4, SMALL_GROUP_VALUE),
                        Steps.measurement("absence-rate", "CONTROL", 110, "12.0")))).then().statusCode(200);
        UUID secret = upload(id, Map.of("type", "OTHER", "title", SECRET_TITLE, "origin", "RECEIVED",
                "secrecyProvision", "OSL 26 kap. 1 §"), SECRET_FILE);
        UUID published = upload(id, Map.of("type", "PROJECT_PLAN", "title", PUBLISHED_TITLE, "origin",
                "DRAWN_UP"), "projektplan.pdf");
        Api.fundOfficer().header("If-Match", "\"1\"").post("/api/v1/documents/" + published + "/publication")
                .then().statusCode(200);
        String number = Api.fundOfficer().get("/api/v1/applications/" + id).then().statusCode(200).extract()
                .path("registrationNumber");
        return new Leaky(id, number, published, secret);
    }

    static UUID upload(UUID application, Map<String, Object> metadata, String fileName) {
        try {
            return UUID.fromString(io.restassured.RestAssured.given()
                    .header("Authorization", "Bearer " + Tokens.token("applicant", Api.OWN_OFFICE))
                    .accept("application/json").header("Idempotency-Key", "pub-" + UUID.randomUUID())
                    .multiPart(new MultiPartSpecBuilder(Api.JSON.writeValueAsString(metadata)).controlName("metadata")
                            .mimeType("application/json").charset(StandardCharsets.UTF_8).build())
                    .multiPart(new MultiPartSpecBuilder(SampleFiles.pdf(2048, System.nanoTime())).controlName("file")
                            .fileName(fileName).mimeType("application/pdf").build())
                    .post("/api/v1/applications/" + application + "/documents")
                    .then().statusCode(201).extract().path("id"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void no_public_answer_carries_a_review_a_marked_document_a_small_group_or_a_persons_name() throws Exception {
        Leaky app = leaky();
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("list", publicGet("/api/v1/public/investments?limit=200").asString());
        answers.put("list by office", publicGet("/api/v1/public/investments?office=" + Api.OWN_OFFICE
                + "&stage=FOLLOWED_UP&year=" + Api.today().getYear()).asString());
        answers.put("one", publicGet("/api/v1/public/investments/" + app.id()).asString());
        answers.put("fund", publicGet("/api/v1/public/fund").asString());
        answers.put("360giving", publicGet("/api/v1/public/open-data/360giving?year=" + Api.today().getYear())
                .asString());
        answers.put("360giving csv", Api.anonymous().accept("text/csv").get("/api/v1/public/open-data/360giving?year="
                + Api.today().getYear()).then().statusCode(200).extract().asString());
        Response content = Api.anonymous().accept("*/*").get("/api/v1/public/documents/" + app.published()
                + "/content");
        content.then().statusCode(200).header("Cache-Control", "public, max-age=60")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"));
        // the secret document, and the published one's signed-in metadata, are nowhere to be had without a token
        Api.anonymous().accept("*/*").get("/api/v1/public/documents/" + app.secret() + "/content").then()
                .statusCode(404);
        Api.anonymous().get("/api/v1/documents/" + app.published()).then().statusCode(401);
        // an application that is not granted is no public investment
        UUID received = Api.submit();
        Api.anonymous().get("/api/v1/public/investments/" + received).then().statusCode(404);

        String fundOfficerName = "Test fund-officer@" + Api.FUND_OFFICE;
        String applicantName = "Test applicant@" + Api.OWN_OFFICE;
        List<String> secrets = List.of(REVIEW, MOTIVATION, SECRET_TITLE, SECRET_FILE, app.secret().toString(),
                "OSL 26 kap", LEADER, APPROVER, APPROVER.toUpperCase(), SMALL_GROUP_VALUE, "Projektplan v1",
                "Stärker skolnärvaron i hela kommunen.", "Cirka 300 elever", "Halvtidsuppföljning till",
                fundOfficerName, applicantName, "absence-rate", "Rutinerna används.");
        answers.forEach((what, text) -> {
            for (String secret : secrets) {
                assertThat(text).as(what + " must not carry: " + secret).doesNotContain(secret);
            }
        });
        assertThat(answers.get("one")).contains(PUBLISHED_TITLE, "[namn]");

        // every string of the investment's public answers is a published field or a published document's metadata
        Set<String> allowed = published(app);
        JsonNode one = Api.JSON.readTree(answers.get("one"));
        assertOnlyPublished(one, allowed, "one investment");
        JsonNode inList = find(Api.JSON.readTree(answers.get("list")).get("items"), "id", app.id().toString());
        assertOnlyPublished(inList, allowed, "the list's item");
        JsonNode grant = find(Api.JSON.readTree(answers.get("360giving")).get("grants"), "id",
                "360G-socialfundtest-" + app.number().replace(' ', '_').replace('/', '_'));
        assertOnlyPublished(grant, allowed, "the 360Giving grant");
        assertOnlyPublished(Api.JSON.readTree(answers.get("fund")), allowed, "the fund");
    }

    private static Response publicGet(String path) {
        Response r = Api.anonymous().get(path);
        r.then().statusCode(200);
        return r;
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + items);
    }

    /**
     * What the fund publishes of the application, read the signed-in way: the published fields of the application
     * and the published documents' metadata, and what the public answers derive from them (links, identifiers,
     * dates as date-times); the fund's figures; the export's configured names.
     */
    private static Set<String> published(Leaky app) throws Exception {
        Set<String> allowed = new HashSet<>();
        JsonNode a = Api.JSON.readTree(Api.fundOfficer().get("/api/v1/applications/" + app.id()).asString());
        JsonNode content = a.get("content");
        String number = a.get("registrationNumber").asText();
        allowed.addAll(List.of(app.id().toString(), number, content.get("title").asText(), a.get("stage").asText(),
                "360G-socialfundtest-" + number.replace(' ', '_').replace('/', '_')));
        // the purpose: the intervention with the names the case knows replaced
        allowed.add(content.get("intervention").asText().replace(LEADER, "[namn]")
                .replace(APPROVER.toUpperCase(), "[namn]"));
        content.get("offices").forEach(o -> allowed.add(o.get("office").asText()));
        JsonNode decision = a.at("/boardDecision");
        allowed.addAll(List.of(decision.get("meetingDate").asText(), decision.get("minutesParagraph").asText(),
                decision.at("/grantedAmount/amount").asText(), "SEK"));
        JsonNode project = a.at("/project");
        allowed.addAll(List.of(project.get("startDate").asText(), project.get("plannedEndDate").asText()));
        a.at("/municipalPerspective/agenda2030").forEach(c -> {
            allowed.add(c.asText());
            allowed.add((c.asText().contains(".") ? "Delmål " : "Mål ") + c.asText());
        });
        allowed.add(a.at("/spentAmount/amount").isMissingNode() ? "0.00" : a.at("/spentAmount/amount").asText());
        allowed.add("0.00");
        JsonNode period = Api.JSON.readTree(Api.fundOfficer().get("/api/v1/application-periods/"
                + a.get("periodId").asText()).asString());
        allowed.add(period.get("name").asText());
        allowed.add(period.get("year").asText());
        JsonNode doc = Api.JSON.readTree(Api.fundOfficer().get("/api/v1/documents/" + app.published()).asString());
        for (String field : List.of("id", "documentNumber", "title", "type", "mediaType", "fileName", "sha256",
                "size")) {
            allowed.add(doc.get(field).asText());
        }
        allowed.add(doc.at("/publication/publishedAt").asText());
        allowed.add("/api/v1/public/documents/" + app.published() + "/content");
        JsonNode fund = Api.JSON.readTree(Api.as("auditor", null).get("/api/v1/fund").asString());
        fund.fields().forEachRemaining(f -> allowed.add(f.getValue().path("amount").asText()));
        // the fund's figures of the public answer: the same balance, and how many investments there are
        allowed.add(Api.anonymous().get("/api/v1/public/fund").jsonPath().getString("investments"));
        // the export's own words: its configuration and the standard's vocabulary
        allowed.addAll(List.of("SE-ON-2120000000", "Norrköpings kommun", "Kommunstyrelsen, sociala investeringsfonden",
                "sociala-investeringsfonden", "Sociala investeringsfonden",
                "UN Sustainable Development Goals (Agenda 2030)"));
        return allowed;
    }

    /**
     * Every string (and every number, as text) in the answer is published; dates and times are checked against the
     * published dates, except the moments of the last change, which are instants that carry no text.
     */
    private static void assertOnlyPublished(JsonNode node, Set<String> allowed, String what) {
        List<String> foreign = new ArrayList<>();
        walk(node, "", allowed, foreign);
        assertThat(foreign).as(what + ": strings that are neither published fields nor published metadata")
                .isEmpty();
    }

    private static void walk(JsonNode node, String path, Set<String> allowed, List<String> foreign) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                walk(f.getValue(), path + "/" + f.getKey(), allowed, foreign);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, allowed, foreign);
            }
        } else if (node.isTextual() || node.isNumber()) {
            String text = node.isIntegralNumber() ? node.asText() : node.isNumber() ? node.decimalValue()
                    .setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() : node.asText();
            if (allowed.contains(text) || allowed.contains(text.replace("T00:00:00Z", ""))
                    || path.endsWith("/dateModified") || path.endsWith("/url") && allowed.stream()
                    .anyMatch(a -> a.startsWith("/api/v1/public/documents/") && text.endsWith(a))) {
                return;
            }
            foreign.add(path + " = " + text);
        } else if (node.isNumber()) {
            foreign.add(path + " = " + node);
        }
    }
    @Test
    void public_answers_are_cacheable_and_revalidate_with_their_etag() {
        Steps.applicationIn("GRANTED");
        for (String path : List.of("/api/v1/public/investments?limit=5", "/api/v1/public/fund",
                "/api/v1/public/open-data/360giving?format=csv")) {
            Response first = Api.anonymous().accept("*/*").get(path);
            first.then().statusCode(200).header("Cache-Control", "public, max-age=60");
            String etag = first.header("ETag");
            assertThat(etag).as(path).matches("\"[0-9a-f]{64}\"");
            Api.anonymous().accept("*/*").header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", etag);
            Api.anonymous().accept("*/*").header("If-None-Match", "\"" + "0".repeat(64) + "\"").get(path).then()
                    .statusCode(200).header("ETag", etag);
        }
        // a change is a new answer: the old ETag no longer revalidates
        String before = Api.anonymous().get("/api/v1/public/fund").header("ETag");
        Steps.applicationIn("GRANTED");
        Api.anonymous().header("If-None-Match", before).get("/api/v1/public/fund").then().statusCode(200);
        // a published document: its SHA-256, ranges, cacheable by anyone
        UUID published = leakyFreePublished();
        Response pdf = Api.anonymous().accept("*/*").get("/api/v1/public/documents/" + published + "/content");
        pdf.then().statusCode(200);
        Api.anonymous().accept("*/*").header("If-None-Match", pdf.header("ETag"))
                .get("/api/v1/public/documents/" + published + "/content").then().statusCode(304)
                .header("Cache-Control", "public, max-age=60");
        Api.anonymous().accept("*/*").header("Range", "bytes=0-9")
                .get("/api/v1/public/documents/" + published + "/content").then().statusCode(206)
                .header("Content-Range", "bytes 0-9/" + pdf.asByteArray().length);
        // withdrawn: gone from the public at once
        Api.fundOfficer().header("If-Match", "\"2\"").post("/api/v1/documents/" + published
                + "/publication-withdrawal").then().statusCode(200);
        Api.anonymous().accept("*/*").get("/api/v1/public/documents/" + published + "/content").then()
                .statusCode(404);
    }

    private static UUID leakyFreePublished() {
        UUID app = Steps.applicationIn("GRANTED");
        UUID doc = upload(app, Map.of("type", "FINAL_REPORT", "title", "Slutrapport", "origin", "DRAWN_UP"),
                "slutrapport.pdf");
        Api.fundOfficer().header("If-Match", "\"1\"").post("/api/v1/documents/" + doc + "/publication")
                .then().statusCode(200);
        return doc;
    }

    @Test
    void paging_is_stable_while_investments_are_added_and_the_filters_filter() {
        Steps.applicationIn("GRANTED");
        Steps.applicationIn("GRANTED");
        UUID started = Steps.applicationIn("IN_IMPLEMENTATION");
        // every investment there is now, in pages of 200 (the whole suite makes more than one page of them)
        List<String> all = new ArrayList<>();
        String next = null;
        do {
            Response page = Api.anonymous().get("/api/v1/public/investments?limit=200"
                    + (next == null ? "" : "&cursor=" + next));
            page.then().statusCode(200);
            all.addAll(page.jsonPath().getList("items.id"));
            next = page.jsonPath().getString("nextCursor");
        } while (next != null);
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        // read again in at least three pages, while one more is granted after the first
        int limit = Math.min(200, Math.max(2, all.size() / 3));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = Api.anonymous().get("/api/v1/public/investments?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            paged.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
            if (pages++ == 0) {
                // an investment granted while a reader pages: it is newer, so it never shifts the pages read on
                Steps.applicationIn("GRANTED");
            }
        } while (cursor != null && pages < 1000);
        assertThat(pages).as("pages of " + limit).isGreaterThan(1);
        assertThat(paged).as("every investment once, in order; the one granted meanwhile shifts nothing")
                .containsExactlyElementsOf(all);
        // filters: office, stage, the year of the board's decision
        List<Map<String, Object>> other = Api.anonymous().get("/api/v1/public/investments?limit=200&office="
                + Api.OTHER_OFFICE).jsonPath().getList("items");
        assertThat(other).allSatisfy(i -> assertThat(String.valueOf(i.get("offices"))).contains(Api.OTHER_OFFICE));
        List<Map<String, Object>> mine = Api.anonymous().get("/api/v1/public/investments?limit=200&office="
                + Api.OWN_OFFICE).jsonPath().getList("items");
        assertThat(mine.stream().map(i -> i.get("id")).toList()).contains(started.toString());
        List<Map<String, Object>> inImplementation = Api.anonymous()
                .get("/api/v1/public/investments?limit=200&stage=IN_IMPLEMENTATION").jsonPath().getList("items");
        assertThat(inImplementation).extracting(i -> i.get("stage")).containsOnly("IN_IMPLEMENTATION");
        assertThat(inImplementation.stream().map(i -> i.get("id")).toList()).contains(started.toString());
        List<Map<String, Object>> thisYear = Api.anonymous().get("/api/v1/public/investments?limit=200&year="
                + Api.today().getYear()).jsonPath().getList("items");
        assertThat(thisYear.stream().map(i -> i.get("id")).toList()).contains(started.toString());
        assertThat(thisYear).extracting(i -> ((String) i.get("decidedOn")).substring(0, 4))
                .containsOnly(String.valueOf(Api.today().getYear()));
        List<String> in1999 = Api.anonymous().get("/api/v1/public/investments?year=1999").jsonPath()
                .getList("items.id");
        assertThat(in1999).doesNotContain(started.toString());
    }

    @Test
    void bad_query_parameters_are_400_problems() {
        for (String query : List.of("year=twenty", "year=99", "year=20261", "stage=RECEIVED", "stage=granted",
                "office=Utbildningskontoret", "office=%27%3B%20DROP%20TABLE", "limit=0", "limit=201", "limit=x",
                "cursor=notacursor", "cursor=" + "A".repeat(40))) {
            Response r = Api.anonymous().get("/api/v1/public/investments?" + query);
            r.then().statusCode(400).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        }
        for (String query : List.of("year=abc", "format=xml")) {
            Api.anonymous().get("/api/v1/public/open-data/360giving?" + query).then().statusCode(400)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        }
        Api.anonymous().get("/api/v1/public/investments/not-a-uuid").then().statusCode(404);
        Api.anonymous().accept("*/*").get("/api/v1/public/documents/" + UUID.randomUUID() + "/content").then()
                .statusCode(404);
    }
}
