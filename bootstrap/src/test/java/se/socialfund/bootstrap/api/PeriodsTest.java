package se.socialfund.bootstrap.api;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Application periods: two a year, never overlapping, opened by the fund's officers. */
@QuarkusTest
class PeriodsTest {

    private static Response open(String name, String opens, String closes) {
        return Api.fundOfficer().body(Map.of("name", name, "opensOn", opens, "closesOn", closes))
                .post("/api/v1/application-periods");
    }

    @Test
    void a_year_has_two_periods_that_never_overlap() {
        int year = 3000 + ThreadLocalRandom.current().nextInt(900);
        Response spring = open("Våren " + year, year + "-03-01", year + "-04-15");
        spring.then().statusCode(201).body("year", equalTo(year));
        Api.fundOfficer().get(spring.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body("name", equalTo("Våren " + year));
        String before = Database.footprint();
        open("Överlapp", year + "-04-15", year + "-05-01").then().statusCode(409)
                .body("type", equalTo("urn:socialfund:problem:period-overlap"));
        assertThat(Database.footprint()).isEqualTo(before);
        open("Hösten " + year, year + "-09-01", year + "-10-31").then().statusCode(201);
        open("Vintern " + year, year + "-12-01", year + "-12-20").then().statusCode(409)
                .body("type", equalTo("urn:socialfund:problem:periods-per-year"));
        Api.as("auditor", null).get("/api/v1/application-periods?year=" + year).then().statusCode(200)
                .body("items.name", equalTo(java.util.List.of("Våren " + year, "Hösten " + year)));
    }

    @Test
    void dates_out_of_order_or_across_years_are_refused_and_only_fund_officers_open_periods() {
        int year = 3000 + ThreadLocalRandom.current().nextInt(900);
        open("Baklänges", year + "-05-01", year + "-04-01").then().statusCode(422)
                .body("violations[0].field", equalTo("/closesOn"));
        open("Över nyår", year + "-12-01", (year + 1) + "-01-15").then().statusCode(422);
        Api.applicant().body(Map.of("name", "Min egen", "opensOn", year + "-06-01", "closesOn", year + "-06-30"))
                .post("/api/v1/application-periods").then().statusCode(403);
    }
}
