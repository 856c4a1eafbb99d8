package se.socialfund.bootstrap.faults;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A database that answers too slowly: a statement that runs past the statement timeout, statements that wait past
 * the lock timeout, and a pool whose every connection is busy. Each is a 503 problem with Retry-After that changed
 * nothing, and the service recovers by itself once the database is quick again. The timeouts of the tests are set
 * in EmbeddedPostgresResource (lock 8 s, statement 9 s); the pool is the production one (20, 5 s to wait).
 */
@QuarkusTest
class SlowDatabaseTest {
    private static final long LOCK_TIMEOUT_MS = 8_000;
    private static final long STATEMENT_TIMEOUT_MS = 9_000;
    private static final long ACQUISITION_TIMEOUT_MS = 5_000;
    private static final int POOL = 20;

    /** An answer and how long it took. */
    record Timed(Response response, long millis) {
    }

    static Timed timed(Supplier<Response> request) {
        long started = System.nanoTime();
        Response r = request.get();
        return new Timed(r, (System.nanoTime() - started) / 1_000_000);
    }

    static Response markCapital() {
        return Api.fundOfficer().body(Map.of("amount", Steps.money("1.00"), "closingYear", Api.today().getYear() - 1,
                "reference", "Långsam databas")).post("/api/v1/fund/capital-markings");
    }

    static void assertUnavailable(Timed t, String what) {
        Response r = t.response();
        assertThat(r.statusCode()).as(what + ": " + r.asString()).isEqualTo(503);
        assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        assertThat(r.<String>path("type")).as(what).isEqualTo("urn:socialfund:problem:service-unavailable");
        assertThat(r.header("Retry-After")).as(what).matches("[1-9][0-9]*");
        assertThat(r.asString()).as(what).doesNotContain("SQL").doesNotContain("Exception");
    }

    @Test
    void statements_waiting_past_the_lock_timeout_and_a_full_pool_answer_503_and_the_service_recovers() throws Exception {
        String footprint = Database.footprint();
        ExecutorService pool = Executors.newFixedThreadPool(POOL + 2);
        List<Future<Timed>> holders = new ArrayList<>();
        Timed starved;
        Timed starvedWrite;
        try (Connection intruder = Database.superuser()) {
            intruder.setAutoCommit(false);
            try (Statement s = intruder.createStatement()) {
                s.execute("LOCK TABLE fund IN ACCESS EXCLUSIVE MODE");
            }
            try {
                // every connection of the pool ends up waiting for the lock: half of them reads, half writes
                for (int i = 0; i < POOL; i++) {
                    boolean read = i % 2 == 0;
                    holders.add(pool.submit(() -> timed(read ? () -> Api.fundOfficer().get("/api/v1/fund")
                            : SlowDatabaseTest::markCapital)));
                }
                long deadline = System.currentTimeMillis() + 10_000;
                while (waitingForLocks() < POOL && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(waitingForLocks()).as("service statements waiting for the lock").isEqualTo(POOL);
                // the pool is empty: the next requests wait for a connection, then give up
                Future<Timed> read = pool.submit(() -> timed(() -> Api.fundOfficer()
                        .get("/api/v1/application-periods")));
                Future<Timed> write = pool.submit(() -> timed(() -> Api.fundOfficer().body(Map.of("name",
                        "Full pool 2079", "opensOn", "2079-02-01", "closesOn", "2079-03-01"))
                        .post("/api/v1/application-periods")));
                starved = read.get(30, TimeUnit.SECONDS);
                starvedWrite = write.get(30, TimeUnit.SECONDS);
                for (Future<Timed> f : holders) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                intruder.rollback();
            }
        } finally {
            pool.shutdownNow();
        }
        assertUnavailable(starved, "a read with every connection busy");
        assertUnavailable(starvedWrite, "a write with every connection busy");
        assertThat(starved.millis()).as("waited for a connection about the acquisition timeout")
                .isBetween(ACQUISITION_TIMEOUT_MS - 500, ACQUISITION_TIMEOUT_MS + 3_000);
        for (Future<Timed> f : holders) {
            Timed t = f.get();
            assertUnavailable(t, "a statement waiting for a lock");
            assertThat(t.millis()).as("answered about the lock timeout").isBetween(LOCK_TIMEOUT_MS - 500,
                    LOCK_TIMEOUT_MS + 5_000);
        }
        assertThat(Database.footprint()).as("nothing changed").isEqualTo(footprint);
        System.out.printf("slow database: %d statements past the lock timeout and 2 requests on a full pool, "
                + "all 503%n", POOL);
        // the lock is gone: the service answers again without being restarted
        Api.fundOfficer().get("/api/v1/fund").then().statusCode(200);
        markCapital().then().statusCode(201);
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void a_statement_running_past_the_statement_timeout_answers_503_and_the_service_recovers() throws Exception {
        String footprint = Database.footprint();
        Timed slow;
        try (Connection intruder = Database.superuser(); Statement s = intruder.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION faults_slow_insert() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$");
            s.execute("CREATE TRIGGER faults_slow_insert BEFORE INSERT ON fund_ledger_entry "
                    + "FOR EACH ROW EXECUTE FUNCTION faults_slow_insert()");
            try {
                slow = timed(SlowDatabaseTest::markCapital);
            } finally {
                s.execute("DROP TRIGGER faults_slow_insert ON fund_ledger_entry");
                s.execute("DROP FUNCTION faults_slow_insert()");
            }
        }
        assertUnavailable(slow, "an insert past the statement timeout");
        assertThat(slow.millis()).as("answered about the statement timeout").isBetween(STATEMENT_TIMEOUT_MS - 500,
                STATEMENT_TIMEOUT_MS + 5_000);
        assertThat(Database.footprint()).as("nothing changed").isEqualTo(footprint);
        markCapital().then().statusCode(201);
    }

    private static long waitingForLocks() {
        return Database.number("SELECT count(*) FROM pg_stat_activity WHERE usename = 'socialfund_app' "
                + "AND wait_event_type = 'Lock'");
    }
}
