package se.socialfund.bootstrap.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is killed (kill -9) in the middle of writes and started again, twice, on its local default (the
 * embedded PostgreSQL it starts itself, left orphaned by the kill and taken over at the restart). Each kill must
 * land while writes are with the service (sent before it and never answered). Afterwards every
 * write answered 2xx is there with its audit event, no application is half-written, the audit chain verifies, the
 * fund's row agrees with its ledger, and the form's retries of what got no answer make exactly one application each.
 * Every request gets a 2xx that follows the contract, or loses its connection to a kill; anything else (another
 * status, an exchange that breaks the contract, a connection lost with no kill under way) is a broken promise.
 *
 * <p>Runs against the packaged service in a process of its own: {@code ./mvnw -B verify -Pfaults}.
 */
class ServiceKillFaultIT {
    private static final int KILLS = 2;
    private static final int WRITES_PER_ROUND = 40;
    /** The kill waits for this many requests with the service at once (of 8 clients)... */
    private static final int IN_FLIGHT = 4;
    /** ...trying this many times for 5 s, for a slow machine. */
    private static final int IN_FLIGHT_ATTEMPTS = 6;

    @Test
    void after_kill_9_during_writes_every_2xx_effect_is_there_and_nothing_is_half_written() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "faults")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory(base, "kill-");
        int pgPort = ServiceProcess.freePort();
        ServiceProcess service = new ServiceProcess(dataDir, ServiceProcess.env("SOCIALFUND_DB_PORT", pgPort),
                base.resolve(dataDir.getFileName() + ".log"));
        String jdbc = "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + EmbeddedDatabase.DATABASE;
        List<String> wrong = new ArrayList<>();
        List<Long> restarts = new ArrayList<>();
        long cutOffs = 0;
        long lostDying = 0;
        // requests whose lost connection a kill explains: with the service at the kill, or sent while it died
        java.util.Set<WriteLoad.Outcome> expectedLoss = new java.util.HashSet<>();
        boolean passed = false;
        try {
            System.out.printf("service ready in %d ms%n", service.start().toMillis());
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
                assertThat(WriteLoad.list(c, "SHOW synchronous_commit")).as("the local default's commits are durable")
                        .containsExactly("on");
            }
            WriteLoad load = new WriteLoad(service);
            load.prepare();
            for (int kill = 1; kill <= KILLS; kill++) {
                long roundStart = load.now();
                load.start(8);
                // enough writes answered for the check to mean something, however slow the machine; then a
                // moment at random, while the service is working on several writes
                assertThat(load.awaitSucceeded(kill * WRITES_PER_ROUND, 120_000))
                        .as("%d writes answered 2xx before kill #%d", kill * WRITES_PER_ROUND, kill).isTrue();
                Thread.sleep(ThreadLocalRandom.current().nextInt(1_000));
                boolean busy = false;
                for (int attempt = 0; attempt < IN_FLIGHT_ATTEMPTS && !busy; attempt++) {
                    busy = load.awaitInFlight(IN_FLIGHT, 5_000);
                }
                assertThat(busy).as("%d requests in flight at once before kill #%d (tried for %d s)", IN_FLIGHT,
                        kill, IN_FLIGHT_ATTEMPTS * 5).isTrue();
                long killedAt = load.now();
                service.kill9();
                long deadAt = load.now();
                load.stop();
                List<WriteLoad.Outcome> cutOff = load.cutOffAt(roundStart, killedAt);
                long refused = load.snapshot().stream().filter(o -> o.startedMs() >= roundStart
                        && WriteLoad.refused(o)).count();
                // sent while the process was dying: its port still took the connection, then it was gone
                List<WriteLoad.Outcome> dying = load.snapshot().stream().filter(o -> o.status() == 0
                        && !WriteLoad.refused(o) && o.sentMs() > killedAt && o.sentMs() <= deadAt).toList();
                cutOffs += cutOff.size();
                lostDying += dying.size();
                expectedLoss.addAll(cutOff);
                expectedLoss.addAll(dying);
                long restart = service.start().toMillis();
                restarts.add(restart);
                System.out.printf("kill -9 #%d with %d requests in flight (sent before the kill, never answered; "
                        + "%d more sent while the process died, %d refused a connection until the clients stopped); "
                        + "ready again in %d ms%n", kill, cutOff.size(), dying.size(), refused, restart);
                assertThat(cutOff).as("writes with the service when kill #%d landed, never answered", kill)
                        .isNotEmpty();
                try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
                    wrong.addAll(load.brokenPromises(c).stream().map(p -> "after kill " + p).toList());
                }
                String auditor = service.token("auditor", null);
                service.as(auditor).get("/api/v1/audit-events/verification").then().statusCode(200)
                        .body("intact", org.hamcrest.Matchers.equalTo(true));
            }
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
                wrong.addAll(load.retryUnanswered(c));
                wrong.addAll(load.brokenPromises(c));
                long twoXx = load.snapshot().stream().filter(WriteLoad.Outcome::succeeded).count();
                long noAnswer = load.snapshot().stream().filter(o -> o.status() == 0).count();
                long refused = load.snapshot().stream().filter(WriteLoad::refused).count();
                long other = load.snapshot().stream().filter(o -> !o.succeeded() && o.status() != 0).count();
                System.out.printf("kill -9: %d faults, %d writes answered 2xx (all found in the database), %d got "
                                + "no answer (%d in flight at a kill, %d sent while the process died, %d refused a "
                                + "connection, %d otherwise), %d other answers or broken exchanges; %d applications, "
                                + "%d ledger entries, %d audit events%n",
                        KILLS, twoXx, noAnswer, cutOffs, lostDying, refused, noAnswer - cutOffs - lostDying - refused,
                        other,
                        WriteLoad.number(c, "SELECT count(*) FROM application"),
                        WriteLoad.number(c, "SELECT count(*) FROM fund_ledger_entry"),
                        WriteLoad.number(c, "SELECT count(*) FROM audit_event"));
                for (WriteLoad.Outcome o : load.snapshot()) {
                    if (o.status() == 0 && !WriteLoad.refused(o) && !expectedLoss.contains(o)) {
                        wrong.add("a connection lost that no kill explains: " + o);
                    }
                    if (!o.succeeded() && o.status() != 0) {
                        wrong.add("an answer other than 2xx: " + o);
                    }
                }
                assertThat(twoXx).isGreaterThanOrEqualTo(KILLS * WRITES_PER_ROUND);
            }
            service.as(service.token("auditor", null)).get("/api/v1/audit-events/verification").then()
                    .statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
            assertThat(wrong).as("broken promises").isEmpty();
            passed = true;
        } finally {
            service.close();
            if (passed) {
                ServiceProcess.delete(dataDir);
            }
        }
    }
}
