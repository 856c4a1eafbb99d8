package se.socialfund.bootstrap.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board decides a period's applications as one act (issue 21): all or nothing, every reason listed, the fund's
 * rule under its lock, and once per Idempotency-Key.
 */
@QuarkusTest
class BoardMeetingTest {
    private static final BigDecimal REQUESTED = new BigDecimal("11600000.00");

    @AfterEach
    void theLedgerExplainsTheBalance() {
        Fund.assertLedgerInvariant();
    }

    /** The period open today, where the tests' applications are received. */
    static UUID currentPeriod() {
        UUID any = Steps.applicationIn("RECEIVED");
        return UUID.fromString(Api.fundOfficer().get("/api/v1/applications/" + any).then().statusCode(200)
                .extract().path("periodId"));
    }

    static List<UUID> ready(int count) {
        return new ArrayList<>(Concurrently.run(count, 4, i -> Steps.applicationIn("READY_FOR_DECISION")));
    }

    static Map<String, Object> grant(UUID id, long version, BigDecimal amount) {
        return Map.of("applicationId", id.toString(), "version", version, "outcome", "GRANTED",
                "grantedAmount", Steps.money(amount.setScale(2).toPlainString()),
                "conditions", List.of("Halvtidsuppföljning till kommunstyrelsens kontor."));
    }

    static Map<String, Object> decline(UUID id, long version) {
        return Map.of("applicationId", id.toString(), "version", version, "outcome", "DECLINED",
                "reasons", List.of("Andra ansökningar prioriterades, åäö."));
    }

    static Map<String, Object> act(List<Map<String, Object>> decisions) {
        return Map.of("meetingDate", Api.today().toString(), "minutesParagraph", "§ 77", "decisions", decisions);
    }

    static Response post(UUID period, Object body, String key) {
        var spec = Api.fundOfficer().body(body);
        if (key != null) {
            spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/v1/application-periods/" + period + "/board-decisions");
    }

    static String stage(UUID id) {
        return Database.string("SELECT stage FROM application WHERE id = ?", id);
    }

    static String ledger() {
        return Database.string("SELECT count(*) || '/' || coalesce(sum(amount), 0) || '/' || "
                + "(SELECT capital || ':' || committed || ':' || returned FROM fund) FROM fund_ledger_entry");
    }

    @Test
    void a_period_of_eight_granting_five_and_declining_three_commits_exactly_the_five_sums() {
        UUID period = currentPeriod();
        List<UUID> apps = ready(8);
        Fund.ensureAvailable(new BigDecimal("1000000.00"));
        BigDecimal before = Fund.available();
        long auditBefore = Database.number("SELECT count(*) FROM audit_event WHERE action = 'recordBoardDecisions'");
        long feedBefore = Database.number("SELECT count(*) FROM feed_event");
        List<Map<String, Object>> decisions = new ArrayList<>();
        Map<UUID, BigDecimal> granted = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 8; i++) {
            if (i < 5) {
                BigDecimal amount = new BigDecimal(1000 * (i + 1) + ".5" + i);
                granted.put(apps.get(i), amount);
                sum = sum.add(amount);
                decisions.add(grant(apps.get(i), 3, amount));
            } else {
                decisions.add(decline(apps.get(i), 3));
            }
        }
        Response r = post(period, act(decisions), null);
        r.then().statusCode(200);
        assertThat(r.<List<?>>path("decisions")).hasSize(8);
        assertThat(new BigDecimal(r.<String>path("grantedSum.amount"))).isEqualByComparingTo(sum);
        for (int i = 0; i < 8; i++) {
            assertThat(stage(apps.get(i))).as("application " + i).isEqualTo(i < 5 ? "GRANTED" : "DECLINED");
            assertThat(Database.number("SELECT version FROM application WHERE id = ?", apps.get(i))).isEqualTo(4);
        }
        for (Map.Entry<UUID, BigDecimal> e : granted.entrySet()) {
            assertThat(Database.number("SELECT count(*) FROM fund_ledger_entry WHERE application_id = ? "
                    + "AND kind = 'COMMITMENT'", e.getKey())).isEqualTo(1);
            assertThat(Database.decimal("SELECT amount FROM fund_ledger_entry WHERE application_id = ? "
                    + "AND kind = 'COMMITMENT'", e.getKey())).isEqualByComparingTo(e.getValue());
            assertThat(Database.string("SELECT reference FROM fund_ledger_entry WHERE application_id = ? "
                    + "AND kind = 'COMMITMENT'", e.getKey())).contains("§ 77");
        }
        for (int i = 5; i < 8; i++) {
            assertThat(Database.number("SELECT count(*) FROM fund_ledger_entry WHERE application_id = ?",
                    apps.get(i))).isZero();
        }
        assertThat(Fund.available()).isEqualByComparingTo(before.subtract(sum));
        assertThat(new BigDecimal(r.<String>path("availableAfter.amount"))).isEqualByComparingTo(before.subtract(sum));
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE action = 'recordBoardDecisions'"))
                .as("one audit event per application").isEqualTo(auditBefore + 8);
        assertThat(Database.number("SELECT count(*) FROM feed_event")).as("one change event per application")
                .isEqualTo(feedBefore + 8);
    }

    @Test
    void grants_over_the_available_money_by_one_ore_are_refused_with_every_reason_and_nothing_changed() {
        UUID period = currentPeriod();
        List<UUID> apps = ready(8);
        Fund.ensureAvailable(new BigDecimal("1000000.00"));
        BigDecimal available = Fund.available();
        assertThat(available).as("room the five grants can exceed").isLessThan(REQUESTED.multiply(BigDecimal.valueOf(5)));
        // the fifth application moved on: decided alone before the meeting
        Steps.take(apps.get(7), "RECORD_BOARD_DECISION", 3, Steps.decline()).then().statusCode(200);
        BigDecimal each = available.divide(BigDecimal.valueOf(5), 2, RoundingMode.DOWN);
        List<Map<String, Object>> decisions = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 5; i++) {
            BigDecimal amount = i < 4 ? each : available.subtract(each.multiply(BigDecimal.valueOf(4)))
                    .add(new BigDecimal("0.01"));
            sum = sum.add(amount);
            decisions.add(grant(apps.get(i), 3, amount));
        }
        assertThat(sum).isEqualByComparingTo(available.add(new BigDecimal("0.01")));
        decisions.add(decline(apps.get(5), 3));
        decisions.add(decline(apps.get(6), 2)); // a stale version
        decisions.add(decline(apps.get(7), 3)); // already declined
        String footprint = Database.footprint();
        String ledger = ledger();
        long audit = Database.number("SELECT count(*) FROM audit_event");
        long feed = Database.number("SELECT count(*) FROM feed_event");
        long keys = Database.number("SELECT count(*) FROM board_decision_key");

        Response r = post(period, act(decisions), "over-by-one-ore-" + UUID.randomUUID());
        r.then().statusCode(422);
        assertThat(r.<String>path("type")).isEqualTo("urn:socialfund:problem:validation");
        List<String> fields = r.path("violations.field");
        assertThat(fields).contains("/decisions", "/decisions/4/grantedAmount", "/decisions/6/version",
                "/decisions/7/version");
        assertThat(r.<String>path("detail")).contains("nothing was decided");

        assertThat(Database.footprint()).isEqualTo(footprint);
        assertThat(ledger()).isEqualTo(ledger);
        assertThat(Fund.available()).isEqualByComparingTo(available);
        assertThat(Database.number("SELECT count(*) FROM audit_event")).isEqualTo(audit);
        assertThat(Database.number("SELECT count(*) FROM feed_event")).isEqualTo(feed);
        assertThat(Database.number("SELECT count(*) FROM board_decision_key")).as("the key is not kept")
                .isEqualTo(keys);
        for (int i = 0; i < 7; i++) {
            assertThat(stage(apps.get(i))).isEqualTo("READY_FOR_DECISION");
        }

        // the same act within the money: every decision lands
        decisions.set(4, grant(apps.get(4), 3, available.subtract(each.multiply(BigDecimal.valueOf(4)))));
        decisions.set(6, decline(apps.get(6), 3));
        decisions.remove(7);
        post(period, act(decisions), null).then().statusCode(200);
        assertThat(Fund.available()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void ten_concurrent_identical_acts_with_one_key_decide_once_and_answer_the_same() {
        UUID period = currentPeriod();
        List<UUID> apps = ready(3);
        Fund.ensureAvailable(new BigDecimal("10000.00"));
        BigDecimal before = Fund.available();
        Object body = act(List.of(grant(apps.get(0), 3, new BigDecimal("1000.00")),
                grant(apps.get(1), 3, new BigDecimal("2000.00")), decline(apps.get(2), 3)));
        String key = "board-" + UUID.randomUUID();
        List<Response> answers = Concurrently.run(10, i -> post(period, body, key));
        int first = 0;
        for (Response r : answers) {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            if (!"true".equals(r.header("Idempotent-Replayed"))) {
                first++;
            }
            assertThat(r.<String>path("decidedAt")).isEqualTo(answers.get(0).<String>path("decidedAt"));
            assertThat(r.<List<?>>path("decisions")).isEqualTo(answers.get(0).<List<?>>path("decisions"));
        }
        assertThat(first).as("answers that decided").isEqualTo(1);
        for (UUID id : apps) {
            assertThat(Database.number("SELECT version FROM application WHERE id = ?", id)).isEqualTo(4);
            assertThat(Database.number("SELECT count(*) FROM audit_event WHERE object_id = ? "
                    + "AND action = 'recordBoardDecisions'", id.toString())).isEqualTo(1);
        }
        assertThat(Database.number("SELECT count(*) FROM fund_ledger_entry WHERE kind = 'COMMITMENT' "
                + "AND application_id IN (?, ?)", apps.get(0), apps.get(1))).isEqualTo(2);
        assertThat(Fund.available()).isEqualByComparingTo(before.subtract(new BigDecimal("3000.00")));

        // the key with another body is refused, and changes nothing
        Response other = post(period, act(List.of(decline(apps.get(2), 4))), key);
        other.then().statusCode(422);
        assertThat(other.<List<String>>path("violations.field")).contains("Idempotency-Key");
    }

    @Test
    void only_a_fund_officer_records_the_acts_and_an_unknown_period_is_not_found() {
        UUID period = currentPeriod();
        UUID app = Steps.applicationIn("READY_FOR_DECISION");
        String footprint = Database.footprint();
        Api.as("office-head", Api.OWN_OFFICE).body(act(List.of(decline(app, 3))))
                .post("/api/v1/application-periods/" + period + "/board-decisions").then().statusCode(403);
        Api.as("auditor", null).body(act(List.of(decline(app, 3))))
                .post("/api/v1/application-periods/" + period + "/board-decisions").then().statusCode(403);
        post(UUID.randomUUID(), act(List.of(decline(app, 3))), null).then().statusCode(404);
        assertThat(Database.footprint()).isEqualTo(footprint);
        assertThat(stage(app)).isEqualTo("READY_FOR_DECISION");
    }
}
