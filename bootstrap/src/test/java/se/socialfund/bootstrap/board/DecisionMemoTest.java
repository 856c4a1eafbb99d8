package se.socialfund.bootstrap.board;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The period's decision memo (tjänsteskrivelse): its priority order, and the PDF/A-2b the service renders. */
@QuarkusTest
class DecisionMemoTest {
    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static String memoPath(UUID period) {
        return "/api/v1/application-periods/" + period + "/decision-memo";
    }

    /** Validates a PDF as PDF/A-2b with veraPDF; answers the failed rules (none when compliant). */
    static List<String> pdfA2bFailures(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = new ArrayList<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage());
                }
            }
            assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_2_B);
            return result.isCompliant() ? List.of() : failed.isEmpty() ? List.of("not compliant") : failed;
        }
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void the_memo_lists_the_ready_applications_in_the_priority_order_set_and_renders_as_pdf_a_2b() throws Exception {
        UUID period = BoardMeetingTest.currentPeriod();
        List<UUID> mine = BoardMeetingTest.ready(8);
        // an advisor's review, with Swedish letters, on one of them
        Steps.take(mine.get(2), "ADD_REVIEW", 3, Map.of("comment",
                "Granskning åäö ÅÄÖ: kontrollgruppen bör matchas på socioekonomi.")).then().statusCode(200);

        Response first = Api.fundOfficer().get(memoPath(period));
        first.then().statusCode(200);
        long version = Long.parseLong(first.header("ETag").replace("\"", ""));
        assertThat(first.<List<String>>path("items.applicationId")).containsAll(mine.stream().map(UUID::toString)
                .toList());
        Map<String, Object> reviewed = first.jsonPath().getMap("items.find { it.applicationId == '" + mine.get(2)
                + "' }");
        assertThat(reviewed).containsEntry("recommendation", "GRANT").containsEntry("reviewCount", 1)
                .containsEntry("applicationVersion", 4);
        assertThat(reviewed.get("requestedAmount")).isEqualTo(Map.of("amount", "11600000.00", "currency", "SEK"));
        assertThat((List<?>) reviewed.get("overallGoals")).hasSize(1);
        assertThat(reviewed.get("agenda2030")).isEqualTo(List.of("4.1", "10.2"));
        assertThat(first.<String>path("available.amount")).isNotNull();

        List<UUID> order = new ArrayList<>(mine);
        Collections.reverse(order);
        Response set = Api.fundOfficer().header("If-Match", "\"" + version + "\"")
                .body(Map.of("order", order.stream().map(UUID::toString).toList()))
                .put(memoPath(period) + "/priorities");
        set.then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"");
        assertThat(set.<List<String>>path("items.applicationId").subList(0, 8))
                .containsExactlyElementsOf(order.stream().map(UUID::toString).toList());
        assertThat(set.<List<Integer>>path("items.priority").subList(0, 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        Response again = Api.as("auditor", null).get(memoPath(period));
        assertThat(again.<List<String>>path("items.applicationId").subList(0, 8))
                .containsExactlyElementsOf(order.stream().map(UUID::toString).toList());

        // a stale version, an application not ready for decision, and one named twice change nothing
        UUID received = Steps.applicationIn("RECEIVED");
        Api.fundOfficer().header("If-Match", "\"" + version + "\"").body(Map.of("order", List.of(mine.get(0)
                .toString()))).put(memoPath(period) + "/priorities").then().statusCode(412);
        Response wrong = Api.fundOfficer().header("If-Match", "\"" + (version + 1) + "\"").body(Map.of("order",
                List.of(mine.get(0).toString(), received.toString(), mine.get(0).toString())))
                .put(memoPath(period) + "/priorities");
        wrong.then().statusCode(422);
        assertThat(wrong.<List<String>>path("violations.field")).contains("/order/1", "/order/2");
        assertThat(Database.number("SELECT version FROM decision_memo_priority WHERE period_id = ?", period))
                .isEqualTo(version + 1);
        Api.applicant().get(memoPath(period)).then().statusCode(403);

        byte[] pdf = Api.withToken(Tokens.token("fund-officer", Api.FUND_OFFICE), Contract.responses())
                .accept("application/pdf").get(memoPath(period)).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(pdfA2bFailures(pdf)).as("veraPDF, PDF/A-2b").isEmpty();
        String text = text(pdf);
        for (UUID id : mine) {
            String number = Database.string("SELECT registration_number FROM application WHERE id = ?", id);
            assertThat(text).contains(number);
        }
        assertThat(text).contains("åäö ÅÄÖ").contains("Tjänsteskrivelse").contains("Sida 1 av")
                .contains("version " + (version + 1)).contains(Api.today().toString());
    }

    @Test
    void the_annual_report_renders_as_pdf_a_2b_with_the_investments_registration_numbers() throws Exception {
        UUID period = BoardMeetingTest.currentPeriod();
        UUID granted = Steps.applicationIn("GRANTED");
        String number = Database.string("SELECT registration_number FROM application WHERE id = ?", granted);
        int year = Api.today().getYear();
        byte[] pdf = Api.withToken(Tokens.token("auditor", null), Contract.responses()).accept("application/pdf")
                .get("/api/v1/reports/annual?year=" + year).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertThat(pdfA2bFailures(pdf)).as("veraPDF, PDF/A-2b").isEmpty();
        assertThat(text(pdf)).contains(number).contains("Samlad årlig uppföljning " + year)
                .contains("Tillgängliga medel").contains("Förbrukat").contains("Sida 1 av");
        assertThat(period).isNotNull();
        // JSON stays the default
        Api.as("auditor", null).get("/api/v1/reports/annual?year=" + year).then().statusCode(200)
                .contentType("application/json");
        Api.withToken(Tokens.token("applicant", Api.OWN_OFFICE), Contract.responses()).accept("application/pdf")
                .get("/api/v1/reports/annual?year=" + year).then().statusCode(403);
    }
}
