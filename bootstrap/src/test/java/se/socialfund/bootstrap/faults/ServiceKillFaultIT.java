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
 * embedded PostgreSQL it starts itself, left orphaned by the kill and taken over at the restart). Afterwards every
 * write answered 2xx is there with its audit event, no application is half-written, the audit chain verifies, the
 * fund's row agrees with its ledger, and the form's retries of what got no answer make exactly one application each.
 *
 * <p>Runs against the packaged service in a process of its own: {@code ./mvnw -B verify -Pfaults}.
 */
class ServiceKillFaultIT {
    private static final int KILLS = 2;
    private static final int WRITES_PER_ROUND = 40;

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
                load.start(8);
                // enough writes answered for the check to mean something, however slow the machine; then a
                // moment at random, while the service is working on several writes
                load.awaitSucceeded(kill * WRITES_PER_ROUND, 120_000);
                Thread.sleep(ThreadLocalRandom.current().nextInt(1_000));
                load.awaitInFlight(4, 5_000);
                long before = load.snapshot().size();
                service.kill9();
                load.stop();
                long inFlight = load.snapshot().stream().skip(before).filter(o -> o.status() == 0).count();
                long restart = service.start().toMillis();
                restarts.add(restart);
                System.out.printf("kill -9 #%d with %d requests in flight; ready again in %d ms%n", kill, inFlight,
                        restart);
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
                long other = load.snapshot().stream().filter(o -> !o.succeeded() && o.status() != 0).count();
                System.out.printf("kill -9: %d faults, %d writes answered 2xx (all found in the database), %d got "
                                + "no answer, %d other answers; %d applications, %d ledger entries, %d audit events%n",
                        KILLS, twoXx, noAnswer, other, WriteLoad.number(c, "SELECT count(*) FROM application"),
                        WriteLoad.number(c, "SELECT count(*) FROM fund_ledger_entry"),
                        WriteLoad.number(c, "SELECT count(*) FROM audit_event"));
                for (WriteLoad.Outcome o : load.snapshot()) {
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
