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

/**
 * The local default's realistic data: the fund's 40 MSEK, the investments of the public page and the Team Nystart
 * outcomes contract.
 */
@QuarkusTest
class SeedDataTest {
    private static final String TEAM_NYSTART = "SELECT count(*) FROM outcomes_contract WHERE title = '"
            + OutcomesContractSeed.TITLE + "'";
    private static final String CONTRACT_STEPS = "SELECT count(*) FROM audit_event WHERE client_id = 'seed' "
            + "AND object_type = 'outcomes-contract' AND outcome = 'SUCCEEDED' AND action IN ('createOutcomesContract', "
            + "'signOutcomesContract', 'recordOutcomesMeasurements', 'validateOutcomesPeriod', "
            + "'approveOutcomesPayment', 'amendOutcomesContract')";

    @Inject
    SeedData seed;

    @Test
    void the_seed_marks_forty_million_and_grants_the_investments_of_the_public_page_through_the_domains_rules()
            throws Exception {
        BigDecimal capitalBefore = Database.decimal("SELECT capital FROM fund");
        long contractsBefore = Database.number(TEAM_NYSTART);
        long contractStepsBefore = Database.number(CONTRACT_STEPS);
        BigDecimal committedBefore = committed();
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
        // every illustrative figure says so: in the ledger's free references (the capital, each repayment and each
        // closing's release) and in the application's own texts; a commitment cites the board's minutes only
        Api.as("auditor", null).get("/api/v1/fund/ledger?kind=COMMITMENT&limit=200").then().statusCode(200);
        long seeded = Database.number("SELECT count(*) FROM audit_event WHERE client_id = 'seed' "
                + "AND action = 'submitApplication' AND outcome = 'SUCCEEDED'");
        assertThat(Database.number("SELECT count(*) FROM fund_ledger_entry WHERE kind IN ('CAPITAL_MARKING', "
                + "'REPAYMENT', 'RELEASE') AND reference LIKE '%illustrativt%'")).isGreaterThanOrEqualTo(5);
        assertThat(Database.number("SELECT count(*) FROM application_revision WHERE content ->> 'currentSituation' "
                + "LIKE '%illustrativt%'")).isGreaterThanOrEqualTo(5);
        // seeded through the use cases: every step audited like a request's, by the seed's own client
        assertThat(seeded).as("submissions audited").isEqualTo(SeedData.SEEDS.size());
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE client_id = 'seed' "
                + "AND action = 'recordBoardDecision'")).isEqualTo(SeedData.SEEDS.size());
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE client_id = 'seed' "
                + "AND action = 'markCapital'")).isEqualTo(1);
        assertThat(Database.number("SELECT count(*) FROM application WHERE registration_number LIKE 'KS 2012/%'"))
                .isGreaterThanOrEqualTo(1);
        // and Sweden's first outcomes contract, Team Nystart, through its own use cases: created, signed, period 1
        // measured, validated and paid, then amended to three years; each of those six steps audited for the seed
        assertThat(Database.number(TEAM_NYSTART) - contractsBefore).as("Team Nystart seeded").isEqualTo(1);
        assertThat(Database.number(CONTRACT_STEPS) - contractStepsBefore).as("its steps audited").isEqualTo(6);
        Api.as("auditor", null).get("/api/v1/audit-events/verification").then().statusCode(200)
                .body("intact", equalTo(true));
        Fund.assertLedgerInvariant();
        assertThat(seed.seedIfEmpty()).as("a database with applications is never seeded again").isFalse();
        // the 360Giving export of the seeded grants (issue 15): valid, six identifiers, the committed total
        List<String> numbers = List.of(Database.string("SELECT string_agg(registration_number, ',') FROM audit_event "
                + "WHERE client_id = 'seed' AND action = 'submitApplication' AND outcome = 'SUCCEEDED'").split(","));
        assertThat(numbers).hasSize(SeedData.SEEDS.size());
        se.socialfund.bootstrap.publication.OpenDataChecks.seedExportValidatesAndAddsUp(numbers,
                committed().subtract(committedBefore));
    }

    private static BigDecimal committed() {
        return new BigDecimal(Api.as("auditor", null).get("/api/v1/fund").then().statusCode(200).extract()
                .<String>path("committed.amount"));
    }
}
