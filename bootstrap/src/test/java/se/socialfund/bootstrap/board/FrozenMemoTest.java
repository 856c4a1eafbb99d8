package se.socialfund.bootstrap.board;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision memo frozen for the board's meeting as a DECISION_MEMO document of the period's board matter: one
 * transaction, the same memo frozen twice is one document, a stale ETag changes nothing, a new version supersedes
 * the old, and the period's registration number comes from the applications' gapless series.
 */
@QuarkusTest
class FrozenMemoTest {
    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** Everything a freeze writes, beside the footprint: documents, content, numbers (not the audit trail). */
    static String freezeFootprint(UUID period) {
        return Database.footprint() + Database.number("SELECT count(*) FROM document") + "/"
                + Database.number("SELECT count(*) FROM document_content") + "/"
                + Database.number("SELECT count(*) FROM frozen_decision_memo") + "/"
                + Database.number("SELECT count(*) FROM period_case") + "/"
                + Database.number("SELECT coalesce(sum(version), 0) FROM document WHERE owner_id = ?", period);
    }

    static Response freeze(UUID period, String etag) {
        return Api.fundOfficer().header("If-Match", etag).post(DecisionMemoTest.memoPath(period) + "/documents");
    }

    static byte[] content(String role, String documentId) {
        return Api.withToken(Tokens.token(role, Api.FUND_OFFICE), Contract.responses()).accept("*/*")
                .get("/api/v1/documents/" + documentId + "/content").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
    }

    @Test
    void a_fund_officer_freezes_the_memo_once_per_version_as_a_pdf_a_document_of_the_period() throws Exception {
        UUID period = BoardMeetingTest.currentPeriod();
        List<UUID> mine = BoardMeetingTest.ready(2);
        String memo = DecisionMemoTest.memoPath(period);
        String etag = Api.fundOfficer().get(memo).then().statusCode(200).extract().header("ETag");
        long earlier = Database.number("SELECT count(*) FROM document WHERE owner_type = 'application-period' "
                + "AND owner_id = ?", period);

        // refused: without If-Match 428, an applicant 403; nothing changes
        String before = freezeFootprint(period);
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).post(memo + "/documents").then().statusCode(428);
        Api.applicant().header("If-Match", etag).post(memo + "/documents").then().statusCode(403);
        Api.applicant().get("/api/v1/application-periods/" + period + "/documents").then().statusCode(403);
        assertThat(freezeFootprint(period)).isEqualTo(before);

        Response first = freeze(period, etag);
        first.then().statusCode(201);
        String docId = first.path("id");
        assertThat(first.header("Location")).endsWith("/api/v1/documents/" + docId);
        String number = Database.string("SELECT registration_number FROM period_case WHERE period_id = ?", period);
        assertThat(number).matches("KS \\d{4}/\\d{4}");
        assertThat(first.<String>path("ownerType")).isEqualTo("application-period");
        assertThat(first.<String>path("ownerId")).isEqualTo(period.toString());
        assertThat(first.<String>path("type")).isEqualTo("DECISION_MEMO");
        assertThat(first.<String>path("origin")).isEqualTo("DRAWN_UP");
        assertThat(first.<String>path("caseNumber")).isEqualTo(number);
        assertThat(first.<String>path("documentNumber")).isEqualTo(number + "-" + (earlier + 1));
        assertThat(first.<String>path("title")).endsWith(", version " + etag.replace("\"", ""));
        assertThat(Api.fundOfficer().get(memo).<String>path("registrationNumber")).isEqualTo(number);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE action = 'freezeDecisionMemo' "
                + "AND outcome = 'SUCCEEDED' AND object_id = ?", docId)).isEqualTo(1);

        // listed under the period; an auditor reads and downloads it: PDF/A-2b with the registration numbers
        Response listed = Api.as("auditor", null).get("/api/v1/application-periods/" + period + "/documents");
        listed.then().statusCode(200);
        assertThat(listed.<List<String>>path("items.id")).contains(docId);
        Api.as("scientific-advisor", null).get("/api/v1/documents/" + docId).then().statusCode(200);
        byte[] pdf = content("auditor", docId);
        assertThat(DecisionMemoTest.pdfA2bFailures(pdf)).as("veraPDF, PDF/A-2b").isEmpty();
        String text = DecisionMemoTest.text(pdf);
        assertThat(text).contains(number).contains("Tjänsteskrivelse");
        for (UUID id : mine) {
            assertThat(text).contains(Database.string("SELECT registration_number FROM application WHERE id = ?",
                    id));
        }
        assertThat(first.<String>path("sha256")).isEqualTo(Database.string(
                "SELECT encode(sha256(?), 'hex')", (Object) pdf));

        // the same memo again (a repeated click): 200, the same document, nothing changed
        String frozen = freezeFootprint(period) + Database.number("SELECT count(*) FROM audit_event");
        Response again = freeze(period, etag);
        again.then().statusCode(200);
        assertThat(again.header("Content-Location")).endsWith("/api/v1/documents/" + docId);
        assertThat(again.<String>path("id")).isEqualTo(docId);
        assertThat(freezeFootprint(period) + Database.number("SELECT count(*) FROM audit_event")).isEqualTo(frozen);

        // the priorities change: the old ETag is 412 and changes nothing
        Response set = Api.fundOfficer().header("If-Match", etag).body(Map.of("order", List.of(mine.get(1)
                .toString(), mine.get(0).toString()))).put(memo + "/priorities");
        set.then().statusCode(200);
        String newEtag = set.header("ETag");
        String afterPriorities = freezeFootprint(period);
        freeze(period, etag).then().statusCode(412);
        assertThat(freezeFootprint(period)).isEqualTo(afterPriorities);

        // the new version: a new document, numbered next, superseding the first; the number stays the period's
        Response second = freeze(period, newEtag);
        second.then().statusCode(201);
        assertThat(second.<String>path("documentNumber")).isEqualTo(number + "-" + (earlier + 2));
        assertThat(second.<String>path("supersedes")).isEqualTo(docId);
        assertThat(Api.fundOfficer().get("/api/v1/documents/" + docId).<String>path("supersededBy"))
                .isEqualTo(second.<String>path("id"));
        assertThat(Database.number("SELECT count(*) FROM period_case WHERE period_id = ?", period)).isEqualTo(1);
        assertThat(Database.number("SELECT count(*) FROM frozen_decision_memo WHERE period_id = ?", period))
                .isEqualTo(earlier + 2);
    }

    @Test
    void the_periods_registration_number_is_one_of_the_gapless_series_the_applications_and_ideas_share() {
        UUID period = BoardMeetingTest.currentPeriod();
        BoardMeetingTest.ready(1);
        String memo = DecisionMemoTest.memoPath(period);
        String etag = Api.fundOfficer().get(memo).then().statusCode(200).extract().header("ETag");
        freeze(period, etag).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String number = Database.string("SELECT registration_number FROM period_case WHERE period_id = ?", period);
        String year = number.substring(3, 7);
        String numbers = "SELECT CAST(split_part(registration_number, '/', 2) AS int) AS k FROM (SELECT "
                + "registration_number FROM application UNION ALL SELECT registration_number FROM idea UNION ALL "
                + "SELECT registration_number FROM period_case) r WHERE registration_number LIKE 'KS ' || ? || '/%'";
        long distinct = Database.number("SELECT count(DISTINCT k) FROM (" + numbers + ") n", year);
        assertThat(Database.number("SELECT min(k) FROM (" + numbers + ") n", year)).isEqualTo(1);
        assertThat(Database.number("SELECT max(k) FROM (" + numbers + ") n", year)).as("no gaps").isEqualTo(distinct);
        assertThat(Database.number("SELECT last_number FROM registration_counter WHERE year = ?",
                Integer.parseInt(year))).isEqualTo(distinct);
        assertThat(Database.number("SELECT count(*) FROM application WHERE registration_number = ?", number)
                + Database.number("SELECT count(*) FROM idea WHERE registration_number = ?", number))
                .as("no application or idea has the period's number").isZero();
    }
}
