package se.socialfund.bootstrap.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Concurrently;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Fund;
import se.socialfund.bootstrap.support.PlainClient;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The fund as a ledger that never over-allocates, not even when a hundred grants arrive at once. */
@QuarkusTest
class FundTest {

    @AfterEach
    void theLedgerExplainsTheBalance() {
        Fund.assertLedgerInvariant();
    }

    @Test
    void a_hundred_concurrent_grants_against_room_for_ten_grant_exactly_ten_twenty_times_over() {
        List<UUID> ready = new ArrayList<>(Concurrently.run(100, 8, i -> Steps.applicationIn("READY_FOR_DECISION")));
        for (int round = 1; round <= 20; round++) {
            while (ready.size() < 100) {
                ready.add(Steps.applicationIn("READY_FOR_DECISION"));
            }
            BigDecimal amount = roomForExactlyTen();
            List<UUID> candidates = List.copyOf(ready);
            // 2,000 grants in all: through PlainClient (the contract still checks each), not RestAssured's Groovy
            List<PlainClient.Answer> answers = Concurrently.run(100, i -> grant(candidates.get(i), amount));
            List<UUID> granted = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                PlainClient.Answer r = answers.get(i);
                assertThat(r.status()).as("round " + round).isIn(200, 409);
                if (r.status() == 200) {
                    granted.add(candidates.get(i));
                } else {
                    var problem = r.json();
                    assertThat(problem.path("type").asText()).isEqualTo("urn:socialfund:problem:fund-exhausted");
                    assertThat(problem.path("available").path("amount").isTextual()).isTrue();
                    assertThat(problem.path("detail").asText()).contains("available");
                }
            }
            assertThat(granted).as("grants in round " + round).hasSize(10);
            ready.removeAll(granted);
            assertThat(Database.number("SELECT count(*) FROM fund WHERE committed > capital + returned")).isZero();
            Fund.assertLedgerInvariant();
        }
    }

    /** A grant of the amount by a fund officer, on the version a ready application has (3). */
    private static PlainClient.Answer grant(UUID id, BigDecimal amount) {
        return PlainClient.post("fund-officer", Api.FUND_OFFICE, "/api/v1/applications/" + id + "/board-decision",
                Steps.grant(amount.toPlainString()), Map.of("If-Match", "\"3\""));
    }

    /** Marks capital so that the fund has room for exactly ten grants of the answered amount (and half another). */
    private static BigDecimal roomForExactlyTen() {
        BigDecimal available = Fund.available();
        BigDecimal amount = new BigDecimal("1000.00");
        if (available.compareTo(amount.multiply(new BigDecimal("10.5"))) > 0) {
            amount = available.divide(new BigDecimal("10.5"), 2, RoundingMode.DOWN);
        } else {
            Fund.mark(amount.multiply(new BigDecimal("10.5")).subtract(available));
        }
        BigDecimal now = Fund.available();
        assertThat(now.divide(amount, 0, RoundingMode.DOWN)).isEqualByComparingTo("10");
        return amount;
    }

    @Test
    void a_thousand_grants_of_ten_ore_commit_exactly_one_hundred_kronor() {
        Fund.ensureAvailable(new BigDecimal("200.00"));
        BigDecimal committedBefore = Database.decimal("SELECT committed FROM fund");
        List<UUID> ids = Concurrently.run(1000, 8, i -> Steps.applicationIn("READY_FOR_DECISION"));
        List<Integer> statuses = Concurrently.run(1000, 16, i -> grant(ids.get(i), new BigDecimal("0.10")).status());
        assertThat(statuses).containsOnly(200);
        assertThat(Database.decimal("SELECT committed FROM fund").subtract(committedBefore))
                .isEqualByComparingTo("100.00");
        assertThat(Database.decimal("SELECT sum(amount) FROM fund_ledger_entry WHERE kind = 'COMMITMENT' "
                + "AND amount = 0.10")).isGreaterThanOrEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void zero_negative_and_over_precise_amounts_are_refused_and_change_nothing() {
        UUID id = Steps.applicationIn("READY_FOR_DECISION");
        String before = Database.footprint();
        for (String amount : List.of("0.00", "0", "-10.00", "10.005", "1e3", "")) {
            Api.asUnchecked("fund-officer", Api.FUND_OFFICE).header("If-Match", Api.ifMatch(id))
                    .body(Steps.grant(amount)).post("/api/v1/applications/" + id + "/board-decision")
                    .then().statusCode(422).contentType("application/problem+json");
            Api.asUnchecked("fund-officer", Api.FUND_OFFICE).body(Map.of("amount", Steps.money(amount),
                            "closingYear", 2024, "reference", "KF 2025-04-28 § 80"))
                    .post("/api/v1/fund/capital-markings").then().statusCode(422);
        }
        assertThat(Database.footprint()).isEqualTo(before);
    }

    @Test
    void a_grant_above_the_requested_sum_is_refused() {
        UUID id = Steps.applicationIn("READY_FOR_DECISION");
        String before = Database.footprint();
        Api.fundOfficer().header("If-Match", Api.ifMatch(id)).body(Steps.grant("11600000.01"))
                .post("/api/v1/applications/" + id + "/board-decision").then().statusCode(422)
                .body("violations[0].field", equalTo("/grantedAmount"));
        assertThat(Database.footprint()).isEqualTo(before);
    }

    @Test
    void the_fund_view_shows_capital_committed_returned_and_available_today_and_as_of_a_past_date() {
        Fund.mark(new BigDecimal("500.00"));
        Response now = Api.as("auditor", null).get("/api/v1/fund");
        now.then().statusCode(200).body("asOf", equalTo(Api.today().toString()));
        BigDecimal capital = new BigDecimal(now.<String>path("capital.amount"));
        BigDecimal committed = new BigDecimal(now.<String>path("committed.amount"));
        BigDecimal returned = new BigDecimal(now.<String>path("returned.amount"));
        assertThat(new BigDecimal(now.<String>path("available.amount")))
                .isEqualByComparingTo(capital.add(returned).subtract(committed));
        // markings are dated at their year-end closing: before the first closing of the tests, nothing
        Api.as("auditor", null).get("/api/v1/fund?asOf=2000-01-01").then().statusCode(200)
                .body("capital.amount", equalTo("0.00")).body("available.amount", equalTo("0.00"));
        // the marking above is dated at last year's closing; other tests may have marked later closings with a
        // moved clock, so the position at that closing is held against the ledger rows up to it
        String lastClosing = (Api.today().getYear() - 1) + "-12-31";
        String capitalThen = Database.string("SELECT coalesce(sum(amount), 0)::text FROM fund_ledger_entry "
                + "WHERE kind = 'CAPITAL_MARKING' AND entry_date <= ?::date", lastClosing);
        assertThat(new BigDecimal(capitalThen)).as("the marking of 500.00 is in it").isGreaterThanOrEqualTo(
                new BigDecimal("500.00"));
        Api.as("auditor", null).get("/api/v1/fund?asOf=" + lastClosing).then()
                .statusCode(200).body("capital.amount", equalTo(capitalThen));
        Api.as("applicant", Api.OWN_OFFICE).get("/api/v1/fund").then().statusCode(403);
    }

    @Test
    void the_ledger_pages_and_filters_by_kind_and_application() {
        UUID id = Steps.applicationIn("GRANTED");
        Api.as("auditor", null).queryParam("applicationId", id.toString()).get("/api/v1/fund/ledger").then()
                .statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("COMMITMENT"))
                .body("items[0].amount.amount", equalTo(Steps.GRANT_AMOUNT))
                .body("items[0].reference", equalTo("KS " + Api.today() + " § 123"));
        Response page = Api.as("auditor", null).get("/api/v1/fund/ledger?kind=CAPITAL_MARKING&limit=1");
        page.then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
        long first = page.<Integer>path("items[0].position");
        Api.as("auditor", null).get("/api/v1/fund/ledger?kind=CAPITAL_MARKING&limit=1&cursor="
                + page.path("nextCursor")).then().statusCode(200)
                .body("items[0].position", org.hamcrest.Matchers.greaterThan((int) first));
    }

    @Test
    void an_investment_started_before_2021_repays_under_its_plan_and_may_write_off_the_rest() {
        UUID id = Steps.investmentStartedIn2019();
        Api.applicant().get("/api/v1/applications/" + id).then()
                .body("allowedActions.action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        "SET_REPAYMENT_PLAN")));
        Api.fundOfficer().get("/api/v1/applications/" + id).then()
                .body("allowedActions.action", org.hamcrest.Matchers.hasItem("SET_REPAYMENT_PLAN"));
        Api.fundOfficer().header("If-Match", Api.ifMatch(id)).body(Steps.fiveYearPlan())
                .post("/api/v1/applications/" + id + "/repayment-plan").then().statusCode(200)
                .body("repaymentPlan.total.amount", equalTo("1000.00"));
        BigDecimal available = Fund.available();
        Api.fundOfficer().body(Steps.repayment(id, 2020, "200.00")).post("/api/v1/fund/repayments").then()
                .statusCode(201).body("kind", equalTo("REPAYMENT"));
        assertThat(Fund.available()).isEqualByComparingTo(available.add(new BigDecimal("200.00")));
        String before = Database.footprint();
        Api.fundOfficer().body(Steps.repayment(id, 2020, "0.01")).post("/api/v1/fund/repayments").then()
                .statusCode(422);
        Api.fundOfficer().body(Steps.repayment(id, 2021, "300.00")).post("/api/v1/fund/repayments").then()
                .statusCode(422);
        Api.fundOfficer().body(Steps.repayment(id, 2019, "100.00")).post("/api/v1/fund/repayments").then()
                .statusCode(422);
        assertThat(Database.footprint()).isEqualTo(before);
        Api.fundOfficer().body(Steps.writeOff(id, 2024, "200.00")).post("/api/v1/fund/write-offs").then()
                .statusCode(201).body("kind", equalTo("WRITE_OFF"));
        assertThat(Fund.available()).isEqualByComparingTo(available.add(new BigDecimal("200.00")));
        Api.fundOfficer().body(Steps.writeOff(id, 2024, "200.00")).post("/api/v1/fund/write-offs").then()
                .statusCode(422);
    }

    @Test
    void an_investment_started_in_2021_or_later_refuses_a_repayment_plan() {
        UUID id = Steps.applicationIn("IN_IMPLEMENTATION");
        String before = Database.footprint();
        Steps.take(id, "SET_REPAYMENT_PLAN").then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("abolished"));
        assertThat(Database.footprint()).isEqualTo(before);
    }

}
