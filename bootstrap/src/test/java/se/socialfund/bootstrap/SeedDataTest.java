package se.socialfund.bootstrap;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The local default's realistic data: the fund's 40 MSEK and the investments of the public page. */
@QuarkusTest
class SeedDataTest {
    @Inject
    SeedData seed;

    @Test
    void the_seed_marks_forty_million_and_grants_the_investments_of_the_public_page_through_the_domains_rules() {
        BigDecimal capitalBefore = Database.decimal("SELECT capital FROM fund");
        seed.seedNow();
        assertThat(Database.decimal("SELECT capital FROM fund").subtract(capitalBefore))
                .isEqualByComparingTo("40000000.00");
        Response investments = Api.anonymous().get("/api/v1/public/investments");
        investments.then().statusCode(200);
        List<Map<String, Object>> items = investments.jsonPath().getList("items");
        Map<String, Object> allaBarn = items.stream().filter(i -> "Alla barn i skolan".equals(i.get("title")))
                .filter(i -> Integer.valueOf(2012).equals(i.get("periodYear"))).findFirst().orElseThrow();
        assertThat(allaBarn).containsEntry("stage", "CLOSED");
        assertThat(((Map<?, ?>) allaBarn.get("grantedAmount")).get("amount")).isEqualTo("11600000.00");
        assertThat(items.stream().map(i -> i.get("title")).toList()).contains("Skolfam", "Solid Återkomst",
                "Drop in", "Tidig insats", "Center för ungdomar med neuropsykiatrisk funktionsproblematik");
        // every illustrative amount says so in the ledger
        Api.as("auditor", null).get("/api/v1/fund/ledger?kind=COMMITMENT&limit=200").then().statusCode(200);
        assertThat(Database.number("SELECT count(*) FROM fund_ledger_entry WHERE kind = 'COMMITMENT' "
                + "AND reference LIKE '%illustrativt%'")).isGreaterThanOrEqualTo(5);
        assertThat(Database.number("SELECT count(*) FROM application WHERE registration_number LIKE 'KS 2012/%'"))
                .isGreaterThanOrEqualTo(1);
        Api.as("auditor", null).get("/api/v1/audit-events/verification").then().statusCode(200)
                .body("intact", equalTo(true));
        Fund.assertLedgerInvariant();
        assertThat(seed.seedIfEmpty()).as("a database with applications is never seeded again").isFalse();
    }
}
