package se.socialfund.bootstrap.faults;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.filter.Filter;

import io.restassured.response.Response;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Steps;

/**
 * Writes against a service in another process while a fault is injected, remembering every answer: submissions
 * (with an Idempotency-Key, as the application form sends them), lifecycle steps up to a grant that commits money,
 * and capital markings. Afterwards it checks the database: every write that was answered 2xx is there with its
 * audit event, no application is half-written, registration numbers have no gap and the fund's row agrees with its
 * ledger.
 */
final class WriteLoad {
    enum Kind { SUBMIT, STEP, MARK }

    /**
     * One request and what came of it. Status 0: no answer at all (the connection failed: an IOException); -1: an
     * exception other than the connection's, such as a request or an answer that breaks the contract. sentMs: when
     * the request went to the socket (-1 if it never did); the contract filter checks request and answer together
     * once the answer is in.
     */
    record Outcome(Kind kind, String requestId, long startedMs, long sentMs, long millis, int status, String type,
                   String retryAfter, String contentType, String key, String id, Long version, String stage,
                   Long position, boolean replayed, String error) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** An application this load walks through its lifecycle: the step to take next and the version it is at. */
    record Walk(UUID id, long version, int next) {
    }

    static final List<String> CHAIN = List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE",
            "RECORD_BOARD_DECISION", "START_PROJECT");
    static final String BODY = Api.sampleApplication().toString();
    /** How the error of an outcome begins: the connection was refused (status 0), or not a connection's (-1). */
    static final String REFUSED = "connection refused: ";
    static final String NOT_AN_ANSWER = "not a contract-abiding exchange: ";

    private final Endpoint service;
    private final String applicant;
    private final String officer;
    private final long origin = System.nanoTime();
    final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Walk> walks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Requests sent and not yet answered (the contract filter checks the exchange only after the answer). */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** When the current thread's request went to the socket (ms since this load's origin), or -1. */
    private final ThreadLocal<Long> sent = ThreadLocal.withInitial(() -> -1L);
    private final Filter counting = (request, response, ctx) -> {
        sent.set(now());
        inFlight.incrementAndGet();
        try {
            return ctx.next(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    };
    private ExecutorService workers;
    /** Applications in the database before this load began (other tests' own), left out of its count. */
    private long applicationsBefore;

    WriteLoad(Endpoint service) {
        this.service = service;
        this.applicant = service.token("applicant", Api.OWN_OFFICE);
        this.officer = service.token("fund-officer", Api.FUND_OFFICE);
    }

    /** Counts the applications already in the database, so that this load's checks count only its own. */
    void countApplicationsBefore(Connection c) throws SQLException {
        applicationsBefore = number(c, "SELECT count(*) FROM application");
    }

    long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    /** An open period for this year and capital for the grants. */
    void prepare() {
        int year = Api.today().getYear();
        service.as(officer).body(Map.of("name", "Felinjektion " + year, "opensOn", year + "-01-01",
                "closesOn", year + "-12-31")).post("/api/v1/application-periods").then().statusCode(201);
        service.as(officer).body(Map.of("amount", Steps.money("10000000.00"), "closingYear", year - 1,
                "reference", "KF bokslut, felinjektion")).post("/api/v1/fund/capital-markings").then()
                .statusCode(201);
    }

    void start(int threads) {
        running.set(true);
        workers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            workers.submit(() -> {
                while (running.get()) {
                    int dice = ThreadLocalRandom.current().nextInt(10);
                    Walk walk = dice < 5 ? walks.poll() : null;
                    if (walk != null) {
                        step(walk);
                    } else if (dice < 8) {
                        submit("load-" + UUID.randomUUID());
                    } else {
                        mark();
                    }
                }
            });
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
    }

    Outcome submit(String key) {
        Outcome o = send(Kind.SUBMIT, key, null, rid -> service.as(applicant).filter(counting).header("X-Request-Id", rid)
                .header("Idempotency-Key", key).body(BODY).post("/api/v1/applications"));
        if (o.succeeded() && o.id() != null && Long.valueOf(1).equals(o.version())) {
            walks.add(new Walk(UUID.fromString(o.id()), 1, 0));
        }
        return o;
    }

    private void step(Walk walk) {
        String action = CHAIN.get(walk.next());
        Steps.Step step = Steps.ALL.get(action);
        String token = step.role().equals("fund-officer") ? officer : applicant;
        Outcome o = send(Kind.STEP, null, walk.id().toString(), rid -> service.as(token).filter(counting).header("X-Request-Id", rid)
                .header("If-Match", "\"" + walk.version() + "\"").body(step.body().get())
                .post("/api/v1/applications/" + walk.id() + "/" + step.path()));
        if (o.succeeded() && walk.next() + 1 < CHAIN.size()) {
            walks.add(new Walk(walk.id(), o.version(), walk.next() + 1));
        }
    }

    private void mark() {
        send(Kind.MARK, null, null, rid -> service.as(officer).filter(counting).header("X-Request-Id", rid).body(Map.of("amount",
                Steps.money("1.00"), "closingYear", Api.today().getYear() - 1, "reference", "Felinjektion " + rid))
                .post("/api/v1/fund/capital-markings"));
    }

    private Outcome send(Kind kind, String key, String id, java.util.function.Function<String, Response> request) {
        String rid = "fault-" + UUID.randomUUID();
        long started = now();
        sent.set(-1L);
        Outcome o;
        try {
            Response r = request.apply(rid);
            long millis = now() - started;
            String contentType = r.contentType();
            boolean json = contentType != null && contentType.contains("json");
            String type = json && r.statusCode() >= 400 ? r.path("type") : null;
            String answeredId = json && r.statusCode() < 300 ? r.path(kind == Kind.MARK ? "reference" : "id") : id;
            Number version = json && kind != Kind.MARK && r.statusCode() < 300 ? r.path("version") : null;
            String stage = json && kind != Kind.MARK && r.statusCode() < 300 ? r.path("stage") : null;
            Number position = json && kind == Kind.MARK && r.statusCode() < 300 ? r.path("position") : null;
            o = new Outcome(kind, rid, started, sent.get(), millis, r.statusCode(), type, r.header("Retry-After"),
                    contentType, key, answeredId, version == null ? null : version.longValue(), stage,
                    position == null ? null : position.longValue(), "true".equals(r.header("Idempotent-Replayed")),
                    null);
        } catch (Exception | AssertionError e) {
            // RestAssured rethrows the connection's IOException unchecked: only that is "no answer" (status 0).
            // Anything else (the contract filter refusing a request or an answer, an answer this client cannot
            // read) is a broken promise (status -1), never mistaken for a fault's lost connection.
            boolean noAnswer = caused(e, java.io.IOException.class);
            String why = !noAnswer ? NOT_AN_ANSWER : caused(e, java.net.ConnectException.class) ? REFUSED : "";
            o = new Outcome(kind, rid, started, sent.get(), now() - started, noAnswer ? 0 : -1, null, null, null,
                    key, id, null, null, null, false, why + describe(e));
        }
        outcomes.add(o);
        return o;
    }

    /** Whether an exception of this type is in the throwable's cause chain (the throwable itself included). */
    static boolean caused(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(b.isEmpty() ? "" : " <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return b.toString();
    }

    /** Waits (at most the timeout) until this many writes in all have been answered 2xx. */
    boolean awaitSucceeded(long count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (snapshot().stream().filter(Outcome::succeeded).count() < count) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Waits (at most the timeout) until at least this many requests are with the service. */
    boolean awaitInFlight(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (inFlight.get() < count) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /**
     * The requests that were with the service at the instant atMs and never answered: sent to the socket at or
     * before it, their connection lost at or after it, and not refused (nothing listening); fromMs: the earliest
     * start to look at.
     */
    List<Outcome> cutOffAt(long fromMs, long atMs) {
        return snapshot().stream().filter(o -> o.status() == 0 && !refused(o) && o.startedMs() >= fromMs
                && o.sentMs() >= 0 && o.sentMs() <= atMs && o.startedMs() + o.millis() >= atMs).toList();
    }

    /** Whether the connection was refused: nothing listened (yet) on the port. */
    static boolean refused(Outcome o) {
        return o.status() == 0 && o.error().startsWith(REFUSED);
    }

    List<Outcome> snapshot() {
        synchronized (outcomes) {
            return new ArrayList<>(outcomes);
        }
    }

    /** Everything that the answers and the database's own rules say must hold; empty when all is well. */
    List<String> brokenPromises(Connection c) throws SQLException {
        List<String> broken = new ArrayList<>();
        for (Outcome o : snapshot()) {
            if (!o.succeeded()) {
                continue;
            }
            String what = o.kind() + " " + o.requestId() + " answered " + o.status();
            if (o.replayed()) {
                // the answer of an earlier request with the same key, whose own answer was lost: its audit event
                if (!exists(c, "SELECT 1 FROM audit_event WHERE object_id = ? AND action = 'submitApplication' "
                        + "AND outcome = 'SUCCEEDED'", o.id())) {
                    broken.add(what + " (replayed): the submission has no audit event");
                }
            } else if (!exists(c, "SELECT 1 FROM audit_event WHERE request_id = ? AND outcome = 'SUCCEEDED'",
                    o.requestId())) {
                broken.add(what + ": no audit event");
            }
            switch (o.kind()) {
                case SUBMIT -> {
                    if (!exists(c, "SELECT 1 FROM application a JOIN application_event e ON e.application_id = a.id "
                            + "AND e.version = 1 AND e.type = 'RECEIVED' WHERE a.id = ?::uuid", o.id())) {
                        broken.add(what + ": application " + o.id() + " is not in the database");
                    }
                }
                case STEP -> {
                    if (!exists(c, "SELECT 1 FROM application_event WHERE application_id = ?::uuid AND version = ? "
                            + "AND stage_after = ?", o.id(), o.version(), o.stage())) {
                        broken.add(what + ": step to " + o.stage() + " (version " + o.version() + ") of " + o.id()
                                + " is not in the database");
                    }
                }
                case MARK -> {
                    if (!exists(c, "SELECT 1 FROM fund_ledger_entry WHERE position = ? AND kind = 'CAPITAL_MARKING' "
                            + "AND amount = 1.00", o.position())) {
                        broken.add(what + ": capital marking " + o.position() + " is not in the ledger");
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        broken.addAll(list(c, "SELECT 'half-written application ' || a.id FROM application a WHERE "
                + "NOT EXISTS (SELECT 1 FROM application_revision r WHERE r.application_id = a.id "
                + "AND r.number = a.current_revision) "
                + "OR NOT EXISTS (SELECT 1 FROM application_event e WHERE e.application_id = a.id AND e.version = 1 "
                + "AND e.type = 'RECEIVED') "
                + "OR (SELECT count(*) FROM application_event e WHERE e.application_id = a.id) <> a.version "
                + "OR (SELECT max(version) FROM application_event e WHERE e.application_id = a.id) <> a.version "
                + "OR NOT EXISTS (SELECT 1 FROM application_office o WHERE o.application_id = a.id)"));
        broken.addAll(list(c, "SELECT 'a grant without exactly one commitment: ' || a.id FROM application a "
                + "WHERE (a.granted_amount IS NOT NULL) <> ((SELECT count(*) FROM fund_ledger_entry l "
                + "WHERE l.application_id = a.id AND l.kind = 'COMMITMENT') = 1)"));
        broken.addAll(list(c, "SELECT 'a gap or a duplicate in the registration numbers of ' || r.year FROM "
                + "registration_counter r WHERE r.last_number <> (SELECT count(*) FROM application a WHERE "
                + "a.registration_number LIKE 'KS ' || r.year || '/%') OR r.last_number <> (SELECT max(split_part("
                + "a.registration_number, '/', 2)::int) FROM application a WHERE a.registration_number LIKE 'KS ' "
                + "|| r.year || '/%')"));
        broken.addAll(list(c, "SELECT 'the fund row disagrees with its ledger' FROM fund f WHERE "
                + "f.capital + f.returned - f.committed <> (SELECT coalesce(sum(CASE kind WHEN 'COMMITMENT' "
                + "THEN -amount WHEN 'WRITE_OFF' THEN 0 ELSE amount END), 0) FROM fund_ledger_entry) "
                + "OR f.committed <> (SELECT coalesce(sum(amount), 0) FROM fund_ledger_entry WHERE kind = "
                + "'COMMITMENT') OR f.committed > f.capital + f.returned"));
        broken.addAll(list(c, "SELECT 'an idempotency key without its answer: ' || key FROM idempotency_key "
                + "WHERE receipt IS NULL"));
        return broken;
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static List<String> list(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static BigDecimal decimal(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    /**
     * The application form's promise: it retries what got no 2xx with the same key and body, and each key makes
     * exactly one application. Answers the problems found.
     */
    List<String> retryUnanswered(Connection c) throws SQLException {
        List<String> broken = new ArrayList<>();
        List<Outcome> all = snapshot();
        java.util.Set<String> succeeded = new java.util.HashSet<>();
        for (Outcome o : all) {
            if (o.kind() == Kind.SUBMIT && o.succeeded()) {
                succeeded.add(o.key());
            }
        }
        int retried = 0;
        for (Outcome o : all) {
            if (o.kind() == Kind.SUBMIT && !succeeded.contains(o.key())) {
                Outcome again = submit(o.key());
                retried++;
                if (again.status() != 201) {
                    broken.add("the retry of " + o.key() + " answered " + again.status() + " " + again.error());
                } else {
                    succeeded.add(o.key());
                }
            }
        }
        long applications = number(c, "SELECT count(*) FROM application") - applicationsBefore;
        if (applications != succeeded.size()) {
            broken.add(succeeded.size() + " keys answered 201, but there are " + applications + " applications");
        }
        long replayed = snapshot().stream().filter(Outcome::replayed).count();
        System.out.printf("retried %d submissions that got no 2xx (%d had been stored: answered as a replay); "
                + "each key has one application%n", retried, replayed);
        return broken;
    }
}
