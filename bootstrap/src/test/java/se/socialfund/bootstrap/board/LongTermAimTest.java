package se.socialfund.bootstrap.board;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The long-term aim in the yearly account (issue 21): context indicators, yearly values, linked investments. */
@QuarkusTest
class LongTermAimTest {
    private static final String CODE = "ltu-16-24";

    @org.junit.jupiter.api.BeforeAll
    static void veraPdf() {
        DecisionMemoTest.veraPdf();
    }

    @Test
    void the_annual_report_shows_this_years_and_last_years_value_and_the_linked_investment() throws Exception {
        int year = Api.today().getYear();
        Api.fundOfficer().body(Map.of("name", "Långtidsarbetslöshet 16-24 år", "unit", "procent", "source",
                "Kolada", "sourceKey", "N02280")).put("/api/v1/context-indicators/" + CODE).then().statusCode(200);
        Api.applicant().body(Map.of("name", "x", "unit", "x", "source", "x"))
                .put("/api/v1/context-indicators/" + CODE).then().statusCode(403);
        Api.fundOfficer().body(Map.of("value", 5.1)).put("/api/v1/context-indicators/" + CODE + "/values/"
                + (year - 1)).then().statusCode(200);
        Api.fundOfficer().body(Map.of("value", 4.0)).put("/api/v1/context-indicators/" + CODE + "/values/" + year)
                .then().statusCode(200);
        // entered again: replaced, not added
        Api.fundOfficer().body(Map.of("value", 3.2)).put("/api/v1/context-indicators/" + CODE + "/values/" + year)
                .then().statusCode(200).body("value", org.hamcrest.Matchers.equalTo(3.2f));
        Api.fundOfficer().body(Map.of("value", 1)).put("/api/v1/context-indicators/no-such/values/" + year)
                .then().statusCode(404);
        assertThat(Database.number("SELECT count(*) FROM context_indicator_value WHERE indicator = ?", CODE))
                .isEqualTo(2);

        UUID granted = Steps.applicationIn("GRANTED");
        UUID notLinked = Steps.applicationIn("GRANTED");
        String number = Database.string("SELECT registration_number FROM application WHERE id = ?", granted);
        String other = Database.string("SELECT registration_number FROM application WHERE id = ?", notLinked);
        String link = "/api/v1/applications/" + granted + "/indicators/absence-rate/aim";
        Response refused = Api.fundOfficer().body(Map.of("contextIndicator", "no-such")).put(link);
        refused.then().statusCode(422);
        assertThat(refused.<List<String>>path("violations.field")).containsExactly("/contextIndicator");
        Api.fundOfficer().body(Map.of("contextIndicator", CODE))
                .put("/api/v1/applications/" + granted + "/indicators/not-its-own/aim").then().statusCode(422);
        Api.fundOfficer().body(Map.of("contextIndicator", CODE)).put(link).then().statusCode(200);
        assertThat(Database.number("SELECT count(*) FROM aim_link WHERE application_id = ?", granted)).isEqualTo(1);

        Response annual = Api.as("auditor", null).get("/api/v1/reports/annual?year=" + year);
        annual.then().statusCode(200);
        List<Map<String, Object>> aim = annual.path("longTermAim.findAll { it.code == '" + CODE + "' }");
        assertThat(aim).hasSize(1);
        assertThat(aim.get(0)).containsEntry("sourceKey", "N02280").containsEntry("value", 3.2f)
                .containsEntry("valueYearBefore", 5.1f);
        List<Map<String, Object>> linked = (List<Map<String, Object>>) aim.get(0).get("investments");
        assertThat(linked).extracting(i -> i.get("registrationNumber")).containsExactly(number);
        assertThat(linked.get(0)).containsEntry("indicatorCode", "absence-rate");
        // the year before shows that year's value and the one before it (none)
        List<Map<String, Object>> before = Api.as("auditor", null).get("/api/v1/reports/annual?year=" + (year - 1))
                .then().statusCode(200).extract().path("longTermAim.findAll { it.code == '" + CODE + "' }");
        assertThat(before.get(0)).containsEntry("value", 5.1f).doesNotContainKey("valueYearBefore");

        byte[] pdf = Api.withToken(Tokens.token("auditor", null), Contract.responses()).accept("application/pdf")
                .get("/api/v1/reports/annual?year=" + year).then().statusCode(200).extract().asByteArray();
        assertThat(DecisionMemoTest.pdfA2bFailures(pdf)).as("veraPDF, PDF/A-2b").isEmpty();
        String text = DecisionMemoTest.text(pdf).replaceAll("\\s+", " ");
        String aimSection = text.substring(text.indexOf("Långsiktigt mål"));
        // last year's value, this year's, then the linked investment, in the columns' order
        assertThat(aimSection).contains("Långtidsarbetslöshet").contains("Kolada N02280")
                .contains((year - 1) + " " + year).contains("5,1 3,2 " + number).doesNotContain(other);
    }
}
