package se.socialfund.bootstrap.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restassured.response.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import se.socialfund.bootstrap.EmbeddedDatabase;
import se.socialfund.bootstrap.SigningKeys;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Three instances of the packaged service on one PostgreSQL (production configuration, two database roles), behind
 * a round-robin load balancer written in the test ({@link RoundRobinProxy}). In order, on one database:
 * <ol>
 * <li>the three start together on an empty database, while the test holds Flyway's advisory lock: each waits for it,
 * and once it is free the schema is migrated once and all three become ready;</li>
 * <li>the promises that rest on PostgreSQL, across instances: 100 submissions with distinct keys and 10 at once with
 * one key (one application, registration numbers without a gap), the same step with the same If-Match from two
 * instances at once (one wins, the other 412), 100 grants at once against room for 10 (exactly 10), the audit chain
 * verified and paged through with cursors handed out by one instance and read by another;</li>
 * <li>a rolling restart under load: each instance in turn gets SIGTERM and is started again; every 2xx is in the
 * database, no 5xx other than 503 with Retry-After reaches a client, no request is lost;</li>
 * <li>SIGTERM with requests in flight: readiness reports DOWN at once while the instance still serves for the
 * delay, then new requests are refused, the requests in flight are answered within the grace period, and the
 * instance stops when the grace period ends even if a request is still running (that request's change is not
 * saved).</li>
 * </ol>
 *
 * <p>Runs against the packaged service in processes of their own: {@code ./mvnw -B verify -Pinstances}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeInstancesIT {
    private static final int INSTANCES = 3;
    /** Production's quarkus.shutdown.delay: readiness is DOWN this long before new requests are refused. */
    private static final long DELAY_MS = 5_000;
    /** The grace for requests in flight: production's 30 s shortened, so that the test of its bound waits less. */
    private static final long GRACE_MS = 10_000;
    /** How much later than delay + grace an instance may exit on a loaded machine. */
    private static final long EXIT_SLACK_MS = 8_000;
    /** The key of Flyway's advisory lock on PostgreSQL: "Flyway" in ASCII plus the hash of its table's name. */
    private static final long FLYWAY_LOCK = (0x46L << 40) + (0x6CL << 32) + (0x79L << 24) + (0x77 << 16)
            + (0x61 << 8) + 0x79 + "\"public\".\"flyway_schema_history\"".hashCode();
    private static final int DISTINCT_KEYS = 100;
    private static final int ONE_KEY = 10;
    private static final int GRANTS = 100;
    private static final int ROOM_FOR = 10;
    /** Client threads of the concurrent scenarios: enough to overlap on three instances, bounded for 2 cores. */
    private static final int CLIENTS = 12;
    private static final String BODY = Api.sampleApplication().toString();
    private static final String STALE = "urn:socialfund:problem:stale-version";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<ServiceProcess> instances = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();
    private Path dataDir;
    private EmbeddedDatabase db;
    private RoundRobinProxy proxy;
    private boolean started;
    private int passed;

    @BeforeAll
    void database_keys_and_load_balancer() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "faults")).toAbsolutePath();
        dataDir = Files.createTempDirectory(base, "instances-");
        db = EmbeddedDatabase.start(dataDir.resolve("external-postgres"), ServiceProcess.freePort(), false,
                Map.of("max_connections", "120"));
        // the instances trust one signing key, as they would trust one identity provider
        SigningKeys.ensure(dataDir.resolve("keys"));
        List<RoundRobinProxy.Backend> backends = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            String name = "socialfund-" + i;
            // application_name shows in pg_stat_activity which instance a session belongs to
            String url = db.jdbcUrl() + "?ApplicationName=" + name;
            ServiceProcess instance = new ServiceProcess(dataDir, ServiceProcess.env(
                    "QUARKUS_DATASOURCE_JDBC_URL", url, "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.SERVICE,
                    "QUARKUS_DATASOURCE_PASSWORD", "embedded", "QUARKUS_FLYWAY_JDBC_URL", url,
                    "QUARKUS_FLYWAY_USERNAME", EmbeddedDatabase.OWNER, "QUARKUS_FLYWAY_PASSWORD", "embedded",
                    "QUARKUS_SHUTDOWN_TIMEOUT", GRACE_MS + "ms"),
                    base.resolve(dataDir.getFileName() + "-" + i + ".log"))
                    // C1 only and one GC thread: six starts of the service share the machine's 2 cores with others
                    .jvmOptions("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            instances.add(instance);
            names.add(name);
            backends.add(new RoundRobinProxy.Backend(name, instance.port));
        }
        proxy = new RoundRobinProxy(backends, dataDir.resolve("keys"));
    }

    @AfterAll
    void stop_everything() throws Exception {
        try {
            for (ServiceProcess instance : instances) {
                if (instance.alive()) {
                    instance.terminate();
                }
            }
            for (ServiceProcess instance : instances) {
                instance.close();
            }
            proxy.close();
            db.close();
        } finally {
            System.out.println("==== three instances, run " + run + " ====");
            figures.forEach(f -> System.out.println("  " + f));
        }
        if (passed == 4) {
            ServiceProcess.delete(dataDir);
        }
    }

    // ---- 1. starting together -------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void three_instances_starting_together_on_an_empty_database_wait_for_one_migration_and_all_become_ready()
            throws Exception {
        Properties packaged = new Properties();
        try (var in = Files.newBufferedReader(Path.of("target", "classes", "application.properties"))) {
            packaged.load(in);
        }
        assertThat(packaged.getProperty("quarkus.shutdown.delay")).as("the delay this test assumes")
                .isEqualTo(DELAY_MS / 1000 + "S");
        List<String> migrations;
        try (var files = Files.list(Path.of("..", "adapters", "persistence", "src", "main", "resources", "db",
                "migration"))) {
            migrations = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(
                            Integer::parseInt)).toList();
        }
        long[] launched = new long[INSTANCES];
        Set<String> waiting;
        long heldMs;
        try (Connection holder = db.superuserConnection()) {
            // the test takes Flyway's lock first: every instance must wait for it
            execute(holder, "SELECT pg_advisory_lock(" + FLYWAY_LOCK + ")");
            long lockedAt = System.currentTimeMillis();
            for (int i = 0; i < INSTANCES; i++) {
                launched[i] = instances.get(i).launch();
            }
            // all three trying it; on a slow machine, at least two once the first has waited 30 s (Flyway tries
            // 50 times, once a second, and then gives up: an instance kept waiting longer would fail to start)
            String trying = "SELECT DISTINCT application_name FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    + "AND application_name LIKE 'socialfund-%' AND query LIKE '%pg_try_advisory%(" + FLYWAY_LOCK
                    + ")%'";
            waiting = awaitRows(holder, trying, 1, 300_000);
            long firstSeen = System.currentTimeMillis();
            while (waiting.size() < INSTANCES && System.currentTimeMillis() - firstSeen < 30_000) {
                Thread.sleep(100);
                waiting = new HashSet<>(WriteLoad.list(holder, trying));
            }
            assertThat(waiting).as("instances whose Flyway is trying the lock the test holds").hasSizeGreaterThan(1);
            assertThat(WriteLoad.number(holder, "SELECT count(*) FROM pg_tables WHERE tablename = "
                    + "'flyway_schema_history'")).as("nothing migrated while the lock is held").isZero();
            for (ServiceProcess instance : instances) {
                assertThat(answers(instance.url("/q/health/ready"))).as("not ready while waiting").isNotEqualTo(200);
            }
            Thread.sleep(1_500);
            heldMs = System.currentTimeMillis() - lockedAt;
            execute(holder, "SELECT pg_advisory_unlock(" + FLYWAY_LOCK + ")");
        }
        List<Long> readyMs = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            readyMs.add(instances.get(i).awaitReady(launched[i]).toMillis());
        }
        try (Connection c = db.superuserConnection()) {
            List<String> history = WriteLoad.list(c, "SELECT version || ':' || count(*) || ':' || bool_and(success) "
                    + "|| ':' || min(installed_by) FROM flyway_schema_history WHERE version IS NOT NULL "
                    + "GROUP BY version ORDER BY version::int");
            assertThat(history).as("each migration applied once, by the schema owner").containsExactlyElementsOf(
                    migrations.stream().map(v -> v + ":1:true:" + EmbeddedDatabase.OWNER).toList());
        }
        // what each instance's Flyway did, from its log
        Pattern applied = Pattern.compile("Successfully applied (\\d+) migrations?");
        Map<String, String> did = new LinkedHashMap<>();
        int appliedInAll = 0;
        for (int i = 0; i < INSTANCES; i++) {
            int n = 0;
            boolean upToDate = false;
            for (String line : Files.readAllLines(instances.get(i).log())) {
                Matcher m = applied.matcher(line);
                if (m.find()) {
                    n += Integer.parseInt(m.group(1));
                }
                upToDate |= line.contains("No migration necessary");
            }
            appliedInAll += n;
            did.put(names.get(i), n > 0 ? "applied " + n : upToDate ? "found it up to date" : "said nothing");
        }
        assertThat(appliedInAll).as("migrations applied by the three together").isEqualTo(migrations.size());
        for (String name : names) {
            assertThat(proxy.awaitReady(name, true, 10_000)).as("%s in the load balancer's rotation", name).isTrue();
        }
        started = true;
        figures.add(String.format("start: the three launched together on an empty database while the test held "
                + "Flyway's lock for %d ms (%s seen trying it); ready %s ms after launch; migrations %s each "
                + "applied once; Flyway per instance: %s", heldMs, new java.util.TreeSet<>(waiting), readyMs,
                migrations, did));
        passed++;
    }

    // ---- 2. the promises, across instances --------------------------------------------------------------------------

    @Test
    @Order(2)
    void concurrent_writes_spread_across_the_instances_keep_every_promise() throws Exception {
        assumeTrue(started, "the instances did not start");
        String officer = proxy.token("fund-officer", Api.FUND_OFFICE);
        String applicant = proxy.token("applicant", Api.OWN_OFFICE);
        String auditor = proxy.token("auditor", null);
        int year = Api.today().getYear();
        proxy.as(officer).body(Map.of("name", "Flera instanser " + year, "opensOn", year + "-01-01",
                "closesOn", year + "-12-31")).post("/api/v1/application-periods").then().statusCode(201);
        String room = new java.math.BigDecimal(Steps.GRANT_AMOUNT).multiply(java.math.BigDecimal.valueOf(ROOM_FOR))
                .setScale(2).toPlainString();
        proxy.as(officer).body(Map.of("amount", Steps.money(room), "closingYear", year - 1,
                "reference", "KF bokslut, flera instanser")).post("/api/v1/fund/capital-markings").then()
                .statusCode(201);
        {
            // 100 submissions with distinct keys, twelve at a time, round robin over the three
            List<Callable<Answer>> submissions = new ArrayList<>();
            for (int i = 0; i < DISTINCT_KEYS; i++) {
                String key = "multi-" + run + "-" + i;
                submissions.add(() -> answer(rid -> proxy.as(applicant).header("X-Request-Id", rid)
                        .header("Idempotency-Key", key).body(BODY).post("/api/v1/applications")));
            }
            List<Answer> distinct = all(submissions, false);
            assertThat(distinct).as("submissions with distinct keys").allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(201);
                assertThat(a.replayed() && a.retried() == 0).as("replayed without a retry").isFalse();
            });
            assertThat(distinct.stream().map(Answer::id).distinct()).hasSize(DISTINCT_KEYS);
            // ten at once with one key: one application, the others answered with its receipt
            String oneKey = "multi-" + run + "-one";
            List<Callable<Answer>> same = new ArrayList<>();
            for (int i = 0; i < ONE_KEY; i++) {
                same.add(() -> answer(rid -> proxy.as(applicant).header("X-Request-Id", rid)
                        .header("Idempotency-Key", oneKey).body(BODY).post("/api/v1/applications")));
            }
            List<Answer> oneKeyAnswers = all(same, true);
            assertThat(oneKeyAnswers).extracting(Answer::status).containsOnly(201);
            assertThat(oneKeyAnswers.stream().map(Answer::id).distinct()).as("one application for the key").hasSize(1);
            assertThat(oneKeyAnswers.stream().filter(a -> !a.replayed())).as("stored once, replayed nine times")
                    .hasSize(1);
            Set<String> oneKeyServers = oneKeyAnswers.stream().map(Answer::servedBy).collect(Collectors.toSet());
            assertThat(oneKeyServers).as("the ten with one key went to several instances").hasSizeGreaterThan(1);
            UUID raced = UUID.fromString(oneKeyAnswers.get(0).id());
            Map<String, Long> spread = new TreeMap<>(java.util.stream.Stream.concat(distinct.stream(),
                    oneKeyAnswers.stream()).collect(Collectors.groupingBy(Answer::servedBy, Collectors.counting())));
            assertThat(spread.keySet()).as("instances that took submissions").containsExactlyElementsOf(names);
            try (Connection c = db.superuserConnection()) {
                assertThat(WriteLoad.number(c, "SELECT count(*) FROM idempotency_key WHERE key = '" + oneKey + "'"))
                        .isEqualTo(1);
                assertThat(WriteLoad.number(c, "SELECT count(*) FROM application")).isEqualTo(DISTINCT_KEYS + 1);
                List<String> numbers = WriteLoad.list(c, "SELECT registration_number FROM application "
                        + "ORDER BY registration_number");
                List<String> gapless = new ArrayList<>();
                for (int n = 1; n <= DISTINCT_KEYS + 1; n++) {
                    gapless.add(String.format("KS %d/%04d", year, n));
                }
                assertThat(numbers).as("registration numbers, unique and without a gap").isEqualTo(gapless);
            }

            // the 100 to READY_FOR_DECISION, two steps each, spread over the three
            List<Callable<Answer>> prepare = new ArrayList<>();
            for (Answer a : distinct) {
                UUID id = UUID.fromString(a.id());
                prepare.add(() -> {
                    Answer first = step(proxy, id, "ASSESS_CRITERIA", 1, null);
                    if (first.status() != 200 && !first.savedEarlier()) {
                        return first;
                    }
                    return step(proxy, id, "ADD_MUNICIPAL_PERSPECTIVE", 2, null);
                });
            }
            assertThat(all(prepare, false)).as("two steps each").allMatch(a -> a.status() == 200 || a.savedEarlier());

            // the same step with the same If-Match, from two instances at once: one wins, the other is told 412
            List<String> races = new ArrayList<>();
            List<String> actions = List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE", "ADD_REVIEW", "ADD_REVIEW",
                    "ADD_REVIEW", "ADD_REVIEW");
            for (int r = 0; r < actions.size(); r++) {
                ServiceProcess a = instances.get(r % INSTANCES);
                ServiceProcess b = instances.get((r + 1) % INSTANCES);
                String aName = names.get(r % INSTANCES);
                String bName = names.get((r + 1) % INSTANCES);
                long version = 1 + r;
                String action = actions.get(r);
                List<Answer> pair = all(List.of(() -> step(a, raced, action, version, aName),
                        () -> step(b, raced, action, version, bName)), true);
                assertThat(pair).extracting(Answer::status).as("%s with If-Match %d from two instances", action,
                        version).containsExactlyInAnyOrder(200, 412);
                Answer lost = pair.stream().filter(x -> x.status() == 412).findFirst().orElseThrow();
                assertThat(lost.type()).isEqualTo(STALE);
                assertThat(lost.etag()).isEqualTo("\"" + (version + 1) + "\"");
                races.add(action + " " + pair.stream().map(x -> x.servedBy() + " " + x.status())
                        .collect(Collectors.joining(" / ")));
            }
            try (Connection c = db.superuserConnection()) {
                assertThat(WriteLoad.number(c, "SELECT version FROM application WHERE id = '" + raced + "'"))
                        .isEqualTo(1 + actions.size());
                assertThat(WriteLoad.number(c, "SELECT count(*) FROM application_event WHERE application_id = '"
                        + raced + "'")).as("one event per won race").isEqualTo(1 + actions.size());
            }

            // 100 grants at once against room for ten
            String decision = Api.JSON.writeValueAsString(Steps.grant(Steps.GRANT_AMOUNT));
            List<Callable<Answer>> grants = new ArrayList<>();
            for (Answer a : distinct) {
                UUID id = UUID.fromString(a.id());
                grants.add(() -> stepWith(proxy, id, "RECORD_BOARD_DECISION", 3, decision));
            }
            List<Answer> granted = all(grants, true);
            Map<Integer, Long> grantStatuses = new TreeMap<>(granted.stream().collect(Collectors.groupingBy(
                    a -> a.savedEarlier() ? 200 : a.status(), Collectors.counting())));
            assertThat(grantStatuses).as("100 grants against room for 10").isEqualTo(Map.of(200, (long) ROOM_FOR,
                    409, (long) (GRANTS - ROOM_FOR)));
            assertThat(granted.stream().filter(a -> a.status() == 409).map(Answer::type).distinct())
                    .containsExactly("urn:socialfund:problem:fund-exhausted");
            Map<String, Long> grantSpread = new TreeMap<>(granted.stream().filter(a -> a.status() == 200
                            && a.servedBy() != null)
                    .collect(Collectors.groupingBy(Answer::servedBy, Collectors.counting())));
            try (Connection c = db.superuserConnection()) {
                assertThat(WriteLoad.number(c, "SELECT count(*) FROM fund_ledger_entry WHERE kind = 'COMMITMENT'"))
                        .isEqualTo(ROOM_FOR);
                assertThat(WriteLoad.list(c, "SELECT (capital + returned - committed)::text FROM fund"))
                        .as("available after the grants").containsExactly("0.00");
                assertThat(new WriteLoad(proxy).brokenPromises(c)).as("the database's own promises").isEmpty();
            }

            // the audit chain: intact, and paged through with cursors that another instance handed out
            long events;
            String lastHash;
            try (Connection c = db.superuserConnection()) {
                events = WriteLoad.number(c, "SELECT count(*) FROM audit_event");
                lastHash = WriteLoad.list(c, "SELECT last_hash FROM audit_chain_head").get(0);
            }
            Response verification = proxy.as(auditor).get("/api/v1/audit-events/verification");
            verification.then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
            assertThat(verification.jsonPath().getLong("checkedEvents")).isEqualTo(events);
            assertThat(verification.jsonPath().getString("lastHash")).isEqualTo(lastHash);
            List<Long> sequences = new ArrayList<>();
            Set<String> pageServers = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                String rid = "multi-page-" + run + "-" + pages++;
                var spec = proxy.as(auditor).header("X-Request-Id", rid).queryParam("limit", 200);
                if (cursor != null) {
                    spec.queryParam("cursor", cursor);
                }
                Response page = spec.get("/api/v1/audit-events");
                page.then().statusCode(200);
                sequences.addAll(page.jsonPath().getList("items.sequence", Long.class));
                pageServers.add(proxy.servedBy(rid));
                cursor = page.jsonPath().getString("nextCursor");
            } while (cursor != null);
            assertThat(sequences).as("every event once, in order, across pages from several instances")
                    .doesNotHaveDuplicates().hasSize((int) events).isSorted();
            assertThat(pageServers).hasSizeGreaterThan(1);
            long backwards;
            try (Connection c = db.superuserConnection()) {
                backwards = WriteLoad.number(c, "SELECT count(*) FROM (SELECT occurred_at < lag(occurred_at) OVER "
                        + "(ORDER BY sequence) AS earlier FROM audit_event) e WHERE earlier");
            }
            figures.add(String.format("promises: %d submissions with distinct keys (201 each), %d at once with one "
                    + "key (one application, stored once, replayed %d times, served by %s); submissions per "
                    + "instance %s; registration numbers 1 to %d without a gap; %d grants at once against room for "
                    + "%d: %s, the grants made by %s, available 0.00; If-Match races: %s; audit chain intact "
                    + "(%d events, %d pages from %d instances; %d events carry a time earlier than the one before "
                    + "them in the chain); %d answers were 503 with Retry-After and sent again", DISTINCT_KEYS,
                    ONE_KEY, ONE_KEY - 1, new java.util.TreeSet<>(oneKeyServers), spread, DISTINCT_KEYS + 1, GRANTS,
                    ROOM_FOR, grantStatuses, grantSpread, races, events, pages, pageServers.size(), backwards,
                    unavailable.get()));
        }
        passed++;
    }

    // ---- 3. rolling restart ------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void a_rolling_restart_under_load_loses_no_write_and_answers_no_5xx_but_503_with_retry_after() throws Exception {
        assumeTrue(started, "the instances did not start");
        markCapital("10000000.00");
        int retriedRefused = proxy.retriedRefused.get();
        int retriedDraining = proxy.retriedDraining.get();
        long exchangesBefore = proxy.exchanges.size();
        WriteLoad load = new WriteLoad(proxy);
        try (Connection c = db.superuserConnection()) {
            load.countApplicationsBefore(c);
        }
        load.start(4);
        List<String> wrong = new ArrayList<>();
        List<String> restarts = new ArrayList<>();
        try {
            assertThat(load.awaitSucceeded(20, 60_000)).as("20 writes answered 2xx before the first restart").isTrue();
            for (int i = 0; i < INSTANCES; i++) {
                ServiceProcess instance = instances.get(i);
                String name = names.get(i);
                long sigterm = System.currentTimeMillis();
                instance.terminate();
                boolean out = proxy.awaitReady(name, false, DELAY_MS);
                long outAfter = System.currentTimeMillis() - sigterm;
                boolean exited = instance.awaitExit(DELAY_MS + GRACE_MS + EXIT_SLACK_MS);
                long exitedAfter = System.currentTimeMillis() - sigterm;
                if (!out || !exited) {
                    wrong.add(name + (out ? "" : " never left the rotation") + (exited ? "" : " never exited"));
                }
                long readyAfter = instance.start().toMillis();
                assertThat(proxy.awaitReady(name, true, 10_000)).as("%s back in rotation", name).isTrue();
                long back = System.currentTimeMillis();
                long before = load.snapshot().stream().filter(WriteLoad.Outcome::succeeded).count();
                assertThat(load.awaitSucceeded(before + 15, 60_000)).as("writes go on after %s is back", name)
                        .isTrue();
                if (proxy.exchanges.stream().noneMatch(e -> name.equals(e.servedBy()) && e.atMs() > back)) {
                    wrong.add(name + " took no request after it was back");
                }
                restarts.add(String.format("%s out of rotation %d ms after SIGTERM, exited after %d ms, ready again "
                        + "%d ms after its start", name, outAfter, exitedAfter, readyAfter));
            }
        } finally {
            load.stop();
        }
        wrong.addAll(checkLoad(load));
        List<RoundRobinProxy.Exchange> exchanges = proxy.exchanges.stream().skip(exchangesBefore).toList();
        wrong.addAll(exchanges.stream().filter(e -> e.servedBy() == null).map(e -> "the proxy answered itself: " + e)
                .toList());
        figures.add("rolling restart: " + describe(load) + String.format("; the proxy retried %d refused "
                + "connections and %d requests refused by a stopping instance; %s", proxy.retriedRefused.get()
                - retriedRefused, proxy.retriedDraining.get() - retriedDraining, restarts));
        assertThat(wrong).as("broken promises").isEmpty();
        passed++;
    }

    // ---- 4. SIGTERM with requests in flight ------------------------------------------------------------------------

    @Test
    @Order(4)
    void sigterm_answers_the_requests_in_flight_within_the_grace_period_and_then_stops() throws Exception {
        assumeTrue(started, "the instances did not start");
        ServiceProcess x = instances.get(1);
        String name = names.get(1);
        String officer = proxy.token("fund-officer", Api.FUND_OFFICE);
        String applicant = proxy.token("applicant", Api.OWN_OFFICE);
        // four applications only this test touches: three steps on them finish within the grace, one does not
        List<UUID> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(UUID.fromString(proxy.as(applicant).header("Idempotency-Key", "multi-" + run + "-held-" + i)
                    .body(BODY).post("/api/v1/applications").then().statusCode(201).extract().path("id")));
        }
        WriteLoad load = new WriteLoad(proxy);
        try (Connection c = db.superuserConnection()) {
            load.countApplicationsBefore(c);
        }
        long exchangesBefore = proxy.exchanges.size();
        load.start(4);
        List<Connection> locks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(held.size());
        List<String> wrong = new ArrayList<>();
        HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            assertThat(load.awaitSucceeded(10, 60_000)).isTrue();
            // a superuser holds each application's row, so that a step on it waits inside the instance
            List<String> lockPids = new ArrayList<>();
            for (UUID id : held) {
                Connection lock = db.superuserConnection();
                lock.setAutoCommit(false);
                WriteLoad.list(lock, "SELECT id::text FROM application WHERE id = '" + id + "' FOR UPDATE");
                lockPids.addAll(WriteLoad.list(lock, "SELECT pg_backend_pid()::text"));
                locks.add(lock);
            }
            List<Future<Answer>> inFlight = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                UUID id = held.get(i);
                inFlight.add(pool.submit(() -> step(x, id, "ASSESS_CRITERIA", 1, name)));
            }
            try (Connection c = db.superuserConnection()) {
                assertThat(awaitRows(c, "SELECT pid::text FROM pg_stat_activity WHERE application_name = '" + name
                        + "' AND pg_blocking_pids(pid) && ARRAY[" + String.join(",", lockPids) + "]",
                        held.size(), 30_000)).as("steps of %s waiting for the rows the test holds", name)
                        .hasSize(held.size());
            }
            long sigterm = System.currentTimeMillis();
            x.terminate();
            // readiness DOWN at once, while the instance still serves as usual
            long downAfter = -1;
            while (System.currentTimeMillis() - sigterm < DELAY_MS) {
                HttpResponse<String> r = get(raw, x.url("/q/health/ready"));
                if (r != null && r.statusCode() == 503 && r.body().contains("Graceful Shutdown")) {
                    downAfter = System.currentTimeMillis() - sigterm;
                    break;
                }
                Thread.sleep(50);
            }
            HttpResponse<String> during = get(raw, x.url("/api/v1/api-info"));
            long duringAt = System.currentTimeMillis() - sigterm;
            boolean out = proxy.awaitReady(name, false, DELAY_MS);
            long outAfter = System.currentTimeMillis() - sigterm;
            assertThat(downAfter).as("readiness DOWN within the delay").isBetween(0L, DELAY_MS);
            assertThat(during).as("a request within the delay").isNotNull();
            assertThat(during.statusCode()).as("answered as usual %d ms after SIGTERM", duringAt).isEqualTo(200);
            assertThat(out).as("out of the load balancer's rotation within the delay").isTrue();
            // past the delay: new requests are refused before any handling, those in flight go on waiting (asked
            // until the refusal shows: on a loaded machine the shutdown may begin a little after the signal)
            Thread.sleep(Math.max(0, sigterm + DELAY_MS + 500 - System.currentTimeMillis()));
            HttpResponse<String> refused;
            long refusedAt;
            do {
                refused = get(raw, x.url("/api/v1/api-info"));
                refusedAt = System.currentTimeMillis() - sigterm;
            } while (refused != null && refused.statusCode() == 200 && refusedAt < DELAY_MS + 4_000);
            assertThat(refused).as("a new request after the delay").isNotNull();
            assertThat(refused.statusCode()).as("a new request %d ms after SIGTERM", refusedAt).isEqualTo(503);
            assertThat(refused.body()).isEmpty();
            assertThat(inFlight).as("the requests in flight are still waiting").noneMatch(Future::isDone);
            // three are let go within the grace period; the fourth is held past it
            Thread.sleep(Math.max(0, sigterm + DELAY_MS + 2_000 - System.currentTimeMillis()));
            for (int i = 0; i < 3; i++) {
                locks.get(i).rollback();
            }
            long releasedAt = System.currentTimeMillis() - sigterm;
            List<Answer> answered = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answered.add(inFlight.get(i).get(GRACE_MS, TimeUnit.MILLISECONDS));
            }
            long answeredAfter = System.currentTimeMillis() - sigterm;
            boolean exited = x.awaitExit(DELAY_MS + GRACE_MS + EXIT_SLACK_MS);
            long exitedAfter = System.currentTimeMillis() - sigterm;
            Answer cutOff = inFlight.get(3).get(30, TimeUnit.SECONDS);
            locks.get(3).rollback();
            assertThat(answered).as("requests in flight at SIGTERM, let go within the grace period")
                    .extracting(Answer::status).containsOnly(200);
            assertThat(answeredAfter).isLessThan(DELAY_MS + GRACE_MS);
            assertThat(exited).as("stopped within delay + grace").isTrue();
            assertThat(exitedAfter).as("it waited for the grace period with a request still running")
                    .isBetween(DELAY_MS + GRACE_MS - 500, DELAY_MS + GRACE_MS + EXIT_SLACK_MS);
            assertThat(cutOff.status()).as("the request still running when the grace period ended: no answer")
                    .isZero();
            try (Connection c = db.superuserConnection()) {
                for (int i = 0; i < 4; i++) {
                    long version = WriteLoad.number(c, "SELECT version FROM application WHERE id = '" + held.get(i)
                            + "'");
                    boolean audited = WriteLoad.exists(c, "SELECT 1 FROM audit_event WHERE object_id = ? AND "
                            + "action = 'assessCriteria'", held.get(i).toString());
                    if (i < 3) {
                        assertThat(version).as("answered 200, so saved").isEqualTo(2);
                        assertThat(audited).isTrue();
                    } else {
                        assertThat(version).as("cut off by the end of the grace: not saved").isEqualTo(1);
                        assertThat(audited).isFalse();
                    }
                }
            }
            figures.add(String.format("SIGTERM with 4 requests in flight on %s: readiness DOWN after %d ms, out of "
                    + "rotation after %d ms, a new request answered 200 at %d ms (within the delay) and refused "
                    + "with a bare 503 at %d ms (after it); 3 requests let go at %d ms answered 200 by %d ms and "
                    + "saved; the 4th, held past the grace, got no answer and was not saved; the process exited "
                    + "after %d ms (delay %d + grace %d)", name, downAfter, outAfter, duringAt, refusedAt,
                    releasedAt, answeredAfter, exitedAfter, DELAY_MS, GRACE_MS));
        } finally {
            load.stop();
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            for (Connection lock : locks) {
                lock.close();
            }
        }
        wrong.addAll(checkLoad(load));
        wrong.addAll(proxy.exchanges.stream().skip(exchangesBefore).filter(e -> e.servedBy() == null)
                .map(e -> "the proxy answered itself: " + e).toList());
        figures.add("load during the SIGTERM: " + describe(load));
        assertThat(wrong).as("broken promises").isEmpty();
        passed++;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /**
     * What a client got: status, and what the checks need from the answer; status 0 when no answer came. retried:
     * how many 503 answers with Retry-After came first, each followed by the same request again (same
     * Idempotency-Key, same If-Match), as the service asks of its clients.
     */
    record Answer(int status, String id, boolean replayed, String type, String etag, String servedBy, String error,
                  int retried) {
        /** A 412 to a retry after a 503: the first attempt's change was saved after all (its outcome was unknown). */
        boolean savedEarlier() {
            return status == 412 && retried > 0;
        }
    }

    /** 503 answers with Retry-After in the scenarios of step 2, each retried by the client. */
    private final java.util.concurrent.atomic.AtomicInteger unavailable = new java.util.concurrent.atomic.AtomicInteger();

    private Answer answer(Function<String, Response> request) {
        return answer(request, null);
    }

    /**
     * Sends a request with a fresh X-Request-Id; servedBy: the instance, or null to ask the load balancer. A 503
     * problem with Retry-After (on a busy machine a statement may run past its timeout) is waited out and the same
     * request sent again, up to ten times, as a client of the service does.
     */
    private Answer answer(Function<String, Response> request, String servedBy) {
        for (int attempt = 0; ; attempt++) {
            Answer a = once(request, servedBy, attempt);
            if (a.status() != 503 || !"urn:socialfund:problem:service-unavailable".equals(a.type())
                    || a.error() == null || attempt == 9) {
                return a;
            }
            unavailable.incrementAndGet();
            try {
                Thread.sleep(Long.parseLong(a.error()) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return a;
            }
        }
    }

    private Answer once(Function<String, Response> request, String servedBy, int attempt) {
        String rid = "multi-" + UUID.randomUUID();
        try {
            Response r = request.apply(rid);
            boolean json = r.contentType() != null && r.contentType().contains("json");
            // for a 503, error carries its Retry-After
            return new Answer(r.statusCode(), json && r.statusCode() < 300 ? r.path("id") : null,
                    "true".equals(r.header("Idempotent-Replayed")), json && r.statusCode() >= 400 ? r.path("type")
                    : null, r.header("ETag"), servedBy != null ? servedBy : proxy.servedBy(rid),
                    r.statusCode() == 503 ? r.header("Retry-After") : null, attempt);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            // RestAssured throws the connection's IOException unchecked: only that is "no answer" (status 0)
            if (!WriteLoad.caused(e, java.io.IOException.class)) {
                throw new IllegalStateException(e);
            }
            return new Answer(0, null, false, null, null, servedBy, e.toString(), attempt);
        }
    }

    /** A lifecycle step as its owner takes it, through the given endpoint, with this If-Match. */
    private Answer step(Endpoint to, UUID id, String action, long version, String servedBy) {
        Steps.Step step = Steps.ALL.get(action);
        String token = to.token(step.role(), step.office());
        Object body = step.body().get();
        return answer(rid -> to.as(token).header("X-Request-Id", rid).header("If-Match", "\"" + version + "\"")
                .body(body).post("/api/v1/applications/" + id + "/" + step.path()), servedBy);
    }

    /** As above with a body of the test's own (already JSON), through the load balancer. */
    private Answer stepWith(Endpoint to, UUID id, String action, long version, String body) {
        Steps.Step step = Steps.ALL.get(action);
        String token = to.token(step.role(), step.office());
        return answer(rid -> to.as(token).header("X-Request-Id", rid).header("If-Match", "\"" + version + "\"")
                .body(body).post("/api/v1/applications/" + id + "/" + step.path()), null);
    }

    /**
     * Runs the calls, at most {@value #CLIENTS} at a time; together: all start at the same moment (a latch). Returns
     * only when every call has ended, also when one failed, so that no request of one test runs into the next.
     */
    private static <T> List<T> all(List<Callable<T>> calls, boolean together) throws Exception {
        CountDownLatch ready = new CountDownLatch(together ? calls.size() : 0);
        CountDownLatch go = new CountDownLatch(together ? 1 : 0);
        ExecutorService pool = Executors.newFixedThreadPool(together ? calls.size() : Math.min(CLIENTS,
                calls.size()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(10, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests of this test still running after 5 minutes");
            }
        }
    }

    private void markCapital(String amount) {
        String officer = proxy.token("fund-officer", Api.FUND_OFFICE);
        proxy.as(officer).body(Map.of("amount", Steps.money(amount), "closingYear", Api.today().getYear() - 1,
                "reference", "KF bokslut, flera instanser, last")).post("/api/v1/fund/capital-markings").then()
                .statusCode(201);
    }

    /**
     * The load's promises: every answer a contract-abiding 2xx or a quick 503 problem with Retry-After (no other
     * 5xx, no lost connection: the load balancer must have retried what it could), every 2xx in the database, and
     * the form's retries of what got no 2xx making one application each; the audit chain intact.
     */
    private List<String> checkLoad(WriteLoad load) throws SQLException {
        List<String> wrong = new ArrayList<>();
        for (WriteLoad.Outcome o : load.snapshot()) {
            if (o.succeeded()) {
                continue;
            }
            if (o.status() != 503 || !"urn:socialfund:problem:service-unavailable".equals(o.type())
                    || o.retryAfter() == null) {
                wrong.add("an answer other than 2xx or 503 with Retry-After: " + o);
            }
        }
        try (Connection c = db.superuserConnection()) {
            wrong.addAll(load.brokenPromises(c));
            wrong.addAll(load.retryUnanswered(c));
            wrong.addAll(load.brokenPromises(c));
        }
        Response verification = proxy.as(proxy.token("auditor", null)).get("/api/v1/audit-events/verification");
        if (verification.statusCode() != 200 || !verification.jsonPath().getBoolean("intact")) {
            wrong.add("audit chain: " + verification.asString());
        }
        return wrong;
    }

    private static String describe(WriteLoad load) {
        List<WriteLoad.Outcome> outcomes = load.snapshot();
        Map<Integer, Long> statuses = outcomes.stream().collect(Collectors.groupingBy(WriteLoad.Outcome::status,
                TreeMap::new, Collectors.counting()));
        long twoXx = outcomes.stream().filter(WriteLoad.Outcome::succeeded).count();
        long unavailable = outcomes.stream().filter(o -> o.status() == 503).count();
        long slowest = outcomes.stream().mapToLong(WriteLoad.Outcome::millis).max().orElse(0);
        return String.format("%d requests, %d answered 2xx (all found in the database), %d answered 503 with "
                + "Retry-After; statuses %s; slowest answer %d ms", outcomes.size(), twoXx, unavailable, statuses,
                slowest);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Polls a query until it returns at least this many rows (or the timeout): answers the rows last seen. */
    private static Set<String> awaitRows(Connection c, String sql, int rows, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        Set<String> seen = new HashSet<>();
        while (System.currentTimeMillis() < deadline) {
            seen = new HashSet<>(WriteLoad.list(c, sql));
            if (seen.size() >= rows) {
                return seen;
            }
            Thread.sleep(100);
        }
        return seen;
    }

    /** The status of a GET, or -1 when nothing answered. */
    private static int answers(String url) {
        HttpResponse<String> r = get(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), url);
        return r == null ? -1 : r.statusCode();
    }

    private static HttpResponse<String> get(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
