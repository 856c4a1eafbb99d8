package se.socialfund.bootstrap.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The guideline's review once per term of office, as a deadline until it is recorded (issue 21). */
@QuarkusTest
class GuidelineReviewApiTest {
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static List<Map<String, Object>> reviewDeadlines(String role, String office) {
        return Api.as(role, office).queryParam("kind", "GUIDELINE_REVIEW").get("/api/v1/deadlines").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void the_2026_term_owes_the_review_until_it_is_recorded() {
        clock.setDay(LocalDate.of(2027, 1, 10));
        List<Map<String, Object>> owed = reviewDeadlines("fund-officer", Api.FUND_OFFICE);
        assertThat(owed).hasSize(1);
        assertThat(owed.get(0)).containsEntry("kind", "GUIDELINE_REVIEW").containsEntry("dueOn", "2029-10-15")
                .containsEntry("status", "DUE").containsEntry("registrationNumber", "KS 2021/0648")
                .containsEntry("href", "/api/v1/guideline-reviews").doesNotContainKey("applicationId");
        assertThat((String) owed.get(0).get("title")).contains("2026\u20132030");
        assertThat(reviewDeadlines("auditor", null)).hasSize(1);
        assertThat(reviewDeadlines("applicant", Api.OWN_OFFICE)).as("not an office's deadline").isEmpty();

        // the applicant may not record it; a review in the future or without its decision is refused
        Api.applicant().body(Map.of("reviewedOn", "2027-01-09", "decisionReference", "KS 2027-01-09 § 4"))
                .post("/api/v1/guideline-reviews").then().statusCode(403);
        long rows = Database.number("SELECT count(*) FROM guideline_review");
        Response bad = Api.asUnchecked("fund-officer", Api.FUND_OFFICE).body(Map.of("reviewedOn", "2027-01-11",
                        "decisionReference", " "))
                .post("/api/v1/guideline-reviews");
        bad.then().statusCode(422);
        assertThat(bad.<List<String>>path("violations.field")).contains("/reviewedOn", "/decisionReference");
        assertThat(Database.number("SELECT count(*) FROM guideline_review")).isEqualTo(rows);

        Api.fundOfficer().body(Map.of("reviewedOn", "2027-01-09", "decisionReference", "KS 2027-01-09 § 4"))
                .post("/api/v1/guideline-reviews").then().statusCode(201);
        assertThat(reviewDeadlines("fund-officer", Api.FUND_OFFICE)).as("recorded: no longer owed").isEmpty();
        List<Map<String, Object>> reviews = Api.as("auditor", null).get("/api/v1/guideline-reviews").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(reviews.get(0)).containsEntry("termStart", "2026-10-15").containsEntry("reviewedOn", "2027-01-09");

        // the next term owes its own
        clock.setDay(LocalDate.of(2030, 10, 15));
        assertThat(reviewDeadlines("fund-officer", Api.FUND_OFFICE)).extracting(d -> d.get("dueOn"))
                .containsExactly("2033-10-15");
    }
}
