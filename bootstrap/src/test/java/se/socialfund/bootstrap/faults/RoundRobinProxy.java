package se.socialfund.bootstrap.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.specification.RequestSpecification;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * A small load balancer in the test, on a loopback port: round robin over the service instances that report ready,
 * as a load balancer configured the way the README asks would do. Every {@value #PROBE_INTERVAL_MS} ms it asks each
 * instance's {@code /q/health/ready}; an instance is in rotation while that answers 200, and out of it from the
 * first other answer (an instance that received SIGTERM answers 503 at once) or failed probe.
 *
 * <p>It retries a request on another instance only when the request certainly was not handled: the connection was
 * refused (nothing was sent), or the instance answered the bare 503 with which Quarkus refuses new requests once
 * its shutdown delay is over (no body, no {@code Retry-After}; the service's own 503s always carry both). Anything
 * else is relayed as it came; a connection lost after the request was sent is answered 502, which the tests count
 * as a request lost. A new connection per request ({@code http-reuse never}), so that no request is sent on an
 * idle connection that a stopping instance already closed.
 */
final class RoundRobinProxy implements Endpoint, AutoCloseable {
    static final long PROBE_INTERVAL_MS = 250;
    /** How long a request waits for an instance in rotation before the proxy gives up (503 without Retry-After). */
    private static final long WAIT_FOR_BACKEND_MS = 10_000;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length");

    /** An instance behind the proxy. */
    record Backend(String name, int port) {
    }

    /** A change of an instance's readiness as the probes saw it; atMs is System.currentTimeMillis(). */
    record Transition(long atMs, String backend, boolean ready, String why) {
    }

    /**
     * One request through the proxy: the instances it went to in turn, the one whose answer was relayed (null if
     * none), the status the client got, how long the proxy took and when it answered (System.currentTimeMillis).
     */
    record Exchange(String requestId, String method, String uri, List<String> tried, String servedBy, int status,
                    long millis, long atMs, String note) {
    }

    private record Answer(int status, MultiMap headers, Buffer body) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;
    private final HttpServer server;
    private final List<Backend> backends;
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final Path keys;
    final List<Transition> transitions = Collections.synchronizedList(new ArrayList<>());
    final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    /** Requests sent again to another instance because the connection was refused (nothing had been sent). */
    final AtomicInteger retriedRefused = new AtomicInteger();
    /** Requests sent again because an instance refused them while shutting down (the bare 503: not handled). */
    final AtomicInteger retriedDraining = new AtomicInteger();
    final int port;

    RoundRobinProxy(List<Backend> backends, Path keys) throws Exception {
        this.backends = List.copyOf(backends);
        this.keys = keys;
        backends.forEach(b -> ready.put(b.name(), false));
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setMaxPoolSize(64)
                .setConnectTimeout(2_000));
        // a probe's connection reset by a stopping instance fails that probe; it needs no log line of its own
        client.connectionHandler(connection -> connection.exceptionHandler(e -> { }));
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle).listen().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        port = server.actualPort();
        vertx.setPeriodic(PROBE_INTERVAL_MS, id -> this.backends.forEach(this::probe));
    }

    private void probe(Backend b) {
        if (!probing.add(b.name())) {
            return;
        }
        client.request(new RequestOptions().setHost("127.0.0.1").setPort(b.port()).setMethod(HttpMethod.GET)
                        .setURI("/q/health/ready").setTimeout(2_000))
                .compose(r -> r.send().compose(resp -> resp.body().map(body -> resp.statusCode())))
                .onComplete(ar -> {
                    probing.remove(b.name());
                    boolean up = ar.succeeded() && ar.result() == 200;
                    String why = ar.succeeded() ? "readiness " + ar.result() : "probe failed: " + ar.cause();
                    mark(b, up, why);
                });
    }

    private void mark(Backend b, boolean up, String why) {
        Boolean before = ready.put(b.name(), up);
        if (before == null || before != up) {
            transitions.add(new Transition(System.currentTimeMillis(), b.name(), up, why));
        }
    }

    boolean isReady(String backend) {
        return ready.getOrDefault(backend, false);
    }

    /** Waits (at most the timeout) until the probes see the instance in (or out of) rotation. */
    boolean awaitReady(String backend, boolean wanted, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (isReady(backend) != wanted) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** The first time at or after sinceMs that the probes saw the instance change to this state, or -1. */
    long transitionAt(String backend, boolean toReady, long sinceMs) {
        synchronized (transitions) {
            return transitions.stream().filter(t -> t.backend().equals(backend) && t.ready() == toReady
                    && t.atMs() >= sinceMs).mapToLong(Transition::atMs).min().orElse(-1);
        }
    }

    private Backend pick(List<String> tried) {
        int n = backends.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Backend b = backends.get((start + i) % n);
            if (isReady(b.name()) && !tried.contains(b.name())) {
                return b;
            }
        }
        return null;
    }

    private void handle(HttpServerRequest req) {
        long started = System.nanoTime();
        req.body().onComplete(body -> {
            if (body.failed()) {
                req.response().setStatusCode(400).end();
                return;
            }
            forward(req, body.result(), new ArrayList<>(), started);
        });
    }

    private void forward(HttpServerRequest req, Buffer body, List<String> tried, long started) {
        Backend b = pick(tried);
        if (b == null) {
            if (tried.size() < backends.size()
                    && System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(WAIT_FOR_BACKEND_MS)) {
                vertx.setTimer(50, t -> forward(req, body, tried, started));
            } else {
                finish(req, tried, null, new Answer(503, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()),
                        started, "no instance in rotation");
            }
            return;
        }
        tried.add(b.name());
        RequestOptions options = new RequestOptions().setHost("127.0.0.1").setPort(b.port()).setMethod(req.method())
                .setURI(req.uri()).setTimeout(120_000);
        req.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                options.addHeader(h.getKey(), h.getValue());
            }
        });
        client.request(options).onComplete(connection -> {
            if (connection.failed()) {
                // no connection: nothing was sent, so any request may go to another instance
                retriedRefused.incrementAndGet();
                mark(b, false, "connection failed: " + connection.cause());
                forward(req, body, tried, started);
                return;
            }
            connection.result().send(body)
                    .compose(resp -> resp.body().map(rb -> new Answer(resp.statusCode(), resp.headers(), rb)))
                    .onComplete(answer -> {
                        if (answer.failed()) {
                            finish(req, tried, null, new Answer(502, MultiMap.caseInsensitiveMultiMap(),
                                    Buffer.buffer()), started, "lost after it was sent: " + answer.cause());
                            return;
                        }
                        Answer a = answer.result();
                        if (a.status() == 503 && a.headers().get("Retry-After") == null && a.body().length() == 0) {
                            // refused by a stopping instance before it was handled
                            retriedDraining.incrementAndGet();
                            forward(req, body, tried, started);
                            return;
                        }
                        finish(req, tried, b.name(), a, started, null);
                    });
        });
    }

    private void finish(HttpServerRequest req, List<String> tried, String servedBy, Answer a, long started,
                        String note) {
        exchanges.add(new Exchange(req.getHeader("X-Request-Id"), req.method().name(), req.uri(), List.copyOf(tried),
                servedBy, a.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                System.currentTimeMillis(), note));
        var response = req.response().setStatusCode(a.status());
        a.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                response.headers().add(h.getKey(), h.getValue());
            }
        });
        response.end(a.body());
    }

    /** The instance that answered the request with this X-Request-Id, or null. */
    String servedBy(String requestId) {
        return exchanges.stream().filter(e -> requestId.equals(e.requestId())).map(Exchange::servedBy)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @Override
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public String token(String role, String office) {
        return ServiceProcess.token(keys, role, office);
    }

    /**
     * A client waits up to two minutes for an answer: on a machine shared with other builds, three instances
     * answering twelve clients at once have taken more than the usual 30 s.
     */
    private static final io.restassured.config.RestAssuredConfig PATIENT = io.restassured.RestAssured.config()
            .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 120_000));

    @Override
    public RequestSpecification as(String token) {
        return ServiceProcess.as(port, token, PATIENT);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
