package se.socialfund.bootstrap.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under load: PostgreSQL is stopped and started again (a fast shutdown), then crashes (an
 * immediate shutdown, recovered from its WAL at the next start), while clients keep writing. While it is down every
 * answer is a quick 503 problem with Retry-After, never a 500 and never a hang; readiness reports DOWN (503) while
 * the database is down and UP again once it is back; the service reconnects by itself, without a restart; and
 * every write that was answered 2xx is in the database afterwards.
 *
 * <p>Runs against the packaged service in a process of its own: {@code ./mvnw -B verify -Pfaults}.
 */
class DatabaseRestartFaultIT {
    private static final long OUTAGE_MS = 4_000;
    /** The slowest a 503 may be: the pool's acquisition timeout (5 s) and some slack for a loaded machine. */
    private static final long SLOWEST_503_MS = 8_000;
    /** How long the service may take to report ready again once its database is back (it is not restarted). */
    private static final long READY_AGAIN_MS = 30_000;

    /**
     * {@code /q/health/ready} polled until it reports {@code wanted} (DOWN: 503 with the database check DOWN; UP:
     * 200 with it UP) or the deadline passes: the probes answered, and how long after {@code since} it was seen.
     */
    record Readiness(String wanted, boolean seen, long afterMs, int probes, String last) {
        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        static Readiness await(ServiceProcess service, String wanted, long since, long deadline) throws Exception {
            int probes = 0;
            String last = "no answer";
            do {
                probes++;
                try {
                    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(
                                    service.url("/q/health/ready"))).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    JsonNode health = new ObjectMapper().readTree(r.body());
                    String database = "none";
                    for (JsonNode check : health.path("checks")) {
                        if (check.path("name").asText().contains("Database")) {
                            database = check.path("status").asText();
                        }
                    }
                    last = r.statusCode() + " " + health.path("status").asText() + " (database " + database + ")";
                    if (r.statusCode() == ("UP".equals(wanted) ? 200 : 503)
                            && wanted.equals(health.path("status").asText()) && wanted.equals(database)) {
                        return new Readiness(wanted, true, System.currentTimeMillis() - since, probes, last);
                    }
                } catch (java.io.IOException e) {
                    last = e.toString();
                }
                Thread.sleep(200);
            } while (System.currentTimeMillis() < deadline);
            return new Readiness(wanted, false, System.currentTimeMillis() - since, probes, last);
        }

        @Override
        public String toString() {
            return (seen ? wanted + " after " + afterMs + " ms" : "never " + wanted + " in " + afterMs + " ms")
                    + " (" + probes + " probes, last " + last + ")";
        }
    }

    @Test
    void writes_during_database_restarts_get_2xx_or_a_quick_503_and_no_2xx_is_lost() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "faults")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory(base, "db-restart-");
        Path pgDir = dataDir.resolve("external-postgres");
        int pgPort = ServiceProcess.freePort();
        EmbeddedDatabase db = EmbeddedDatabase.start(pgDir, pgPort, false, Map.of());
        ServiceProcess service = new ServiceProcess(dataDir, ServiceProcess.env(
                "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(), "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.SERVICE,
                "QUARKUS_DATASOURCE_PASSWORD", "embedded", "QUARKUS_FLYWAY_JDBC_URL", db.jdbcUrl(),
                "QUARKUS_FLYWAY_USERNAME", EmbeddedDatabase.OWNER, "QUARKUS_FLYWAY_PASSWORD", "embedded"),
                base.resolve(dataDir.getFileName() + ".log"));
        List<long[]> outages = new ArrayList<>();
        List<Readiness> readiness = new ArrayList<>();
        boolean passed = false;
        try {
            try (Connection c = db.superuserConnection()) {
                assertThat(WriteLoad.list(c, "SHOW synchronous_commit")).as("commits are durable").containsExactly("on");
            }
            System.out.printf("service ready in %d ms%n", service.start().toMillis());
            WriteLoad load = new WriteLoad(service);
            load.prepare();
            load.start(4);
            // writing in earnest, however slow the machine
            assertThat(load.awaitSucceeded(20, 60_000)).as("20 writes answered 2xx before the first fault").isTrue();

            // fault 1: PostgreSQL stops (fast shutdown) and comes back on the same directory and port
            long down = load.now();
            long downAt = System.currentTimeMillis();
            db.close();
            readiness.add(Readiness.await(service, "DOWN", downAt, downAt + OUTAGE_MS));
            Thread.sleep(Math.max(0, downAt + OUTAGE_MS - System.currentTimeMillis()));
            db = EmbeddedDatabase.start(pgDir, pgPort, false, Map.of());
            outages.add(new long[]{down, load.now()});
            long upAt = System.currentTimeMillis();
            readiness.add(Readiness.await(service, "UP", upAt, upAt + READY_AGAIN_MS));
            Thread.sleep(4_000);

            // fault 2: PostgreSQL crashes (immediate shutdown: no checkpoint, recovery at the next start)
            down = load.now();
            downAt = System.currentTimeMillis();
            long postmaster = Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim());
            new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).start().waitFor();
            ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
            db.close(); // releases its lock on the directory; the server is already gone
            readiness.add(Readiness.await(service, "DOWN", downAt, downAt + OUTAGE_MS));
            Thread.sleep(Math.max(0, downAt + OUTAGE_MS - System.currentTimeMillis()));
            db = EmbeddedDatabase.start(pgDir, pgPort, false, Map.of());
            outages.add(new long[]{down, load.now()});
            upAt = System.currentTimeMillis();
            readiness.add(Readiness.await(service, "UP", upAt, upAt + READY_AGAIN_MS));
            Thread.sleep(5_000);
            load.stop();

            List<WriteLoad.Outcome> outcomes = load.snapshot();
            List<String> wrong = new ArrayList<>();
            for (WriteLoad.Outcome o : outcomes) {
                if (o.succeeded()) {
                    continue;
                }
                String what = o.kind() + " at " + o.startedMs() + " ms: " + o.status() + " " + o.type() + " "
                        + (o.error() == null ? "" : o.error());
                if (o.status() != 503 || !"urn:socialfund:problem:service-unavailable".equals(o.type())
                        || o.retryAfter() == null || !o.contentType().startsWith("application/problem+json")) {
                    wrong.add(what);
                } else if (o.millis() > SLOWEST_503_MS) {
                    wrong.add(what + " took " + o.millis() + " ms");
                }
            }
            for (long[] outage : outages) {
                boolean recovered = outcomes.stream().anyMatch(o -> o.succeeded() && o.startedMs() > outage[1]);
                if (!recovered) {
                    wrong.add("no write succeeded after the database came back at " + outage[1] + " ms");
                }
            }
            try (Connection c = db.superuserConnection()) {
                wrong.addAll(load.brokenPromises(c));
                wrong.addAll(load.retryUnanswered(c));
                wrong.addAll(load.brokenPromises(c));
            }
            service.as(service.token("auditor", null)).get("/api/v1/audit-events/verification").then()
                    .statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));

            Map<Integer, Long> statuses = outcomes.stream().collect(Collectors.groupingBy(WriteLoad.Outcome::status,
                    java.util.TreeMap::new, Collectors.counting()));
            long during = outcomes.stream().filter(o -> !o.succeeded()).count();
            long slowest = outcomes.stream().filter(o -> o.status() == 503).mapToLong(WriteLoad.Outcome::millis)
                    .max().orElse(0);
            long twoXx = outcomes.stream().filter(WriteLoad.Outcome::succeeded).count();
            System.out.printf("database restarts: 2 faults, %d writes (%d answered 2xx, all found in the database), "
                    + "%d refused during the outages; statuses %s; slowest 503 %d ms%n", outcomes.size(), twoXx,
                    during, statuses, slowest);
            for (Readiness r : readiness) {
                if (!r.seen()) {
                    wrong.add("readiness: " + r);
                }
            }
            System.out.printf("readiness: %s%n", readiness);
            assertThat(wrong).as("broken promises").isEmpty();
            assertThat(statuses).containsKey(503);
            assertThat(twoXx).isGreaterThan(20);
            passed = true;
        } finally {
            service.close();
            db.close();
            if (passed) {
                ServiceProcess.delete(dataDir);
            }
        }
    }
}
