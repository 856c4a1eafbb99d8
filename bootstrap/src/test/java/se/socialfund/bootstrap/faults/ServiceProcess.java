package se.socialfund.bootstrap.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import se.socialfund.bootstrap.SigningKeys;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Tokens;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar, built by the package phase) as a process of its own, on
 * a free loopback port with its own data directory: so that a test can kill it, or pull its database away, and
 * see what it does. Its output goes to a log file in target/.
 */
public final class ServiceProcess implements Endpoint, AutoCloseable {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    /** How long a start may take: several starts at once on a shared 2-core machine have taken 2.5 minutes. */
    private static final long READY_TIMEOUT_MS = 300_000;

    final Path dataDir;
    final int port;
    private final Map<String, String> env;
    private final Path log;
    private final List<String> jvmOptions = new java.util.ArrayList<>(List.of("-Xmx512m"));
    private Process process;

    public ServiceProcess(Path dataDir, Map<String, String> env, Path log) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.env = env;
        this.log = log;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds options to the java command that starts the service. */
    ServiceProcess jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Starts the service and waits until it is ready (its database reachable); answers how long that took. */
    public Duration start() throws Exception {
        long started = launch();
        return awaitReady(started);
    }

    /** Starts the process without waiting for it: answers when (System.nanoTime) it was launched. */
    long launch() throws IOException {
        if (!Files.exists(JAR) || !Files.exists(JAR.resolveSibling("jvm.options"))) {
            throw new IllegalStateException(JAR + " or its jvm.options is missing: run the fault tests through Maven"
                    + " (verify -Pfaults)");
        }
        long started = System.nanoTime();
        // as production starts it (README, "Production"): in the package's directory, with the package's options
        // (the start archive, whose class path is the relative quarkus-run.jar, and C2's thresholds) before the test's
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@jvm.options");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(JAR.getParent().toFile());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("SOCIALFUND_"));
        environment.put("SOCIALFUND_DATA_DIR", dataDir.toString());
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.putAll(env);
        Files.createDirectories(log.getParent());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        return started;
    }

    /** Waits until the process launched at {@code started} (System.nanoTime) reports ready; answers how long it took. */
    Duration awaitReady(long started) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become ready in " + READY_TIMEOUT_MS / 1000
                + " s; see " + log);
    }

    /** SIGTERM, as an orchestrator sends it, without waiting: the service shuts down in its own time. */
    void terminate() {
        process.destroy();
    }

    /** Waits (at most the timeout) for the process to exit; answers whether it did. */
    boolean awaitExit(long timeoutMs) throws InterruptedException {
        return process.waitFor(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    /** kill -9: no shutdown hook runs, the embedded PostgreSQL (if any) is left behind as an orphan. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** An orderly stop (SIGTERM): the service closes its embedded PostgreSQL itself. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        // a PostgreSQL orphaned by a kill -9 and never taken over: stop it too, as the service would
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(p -> {
                try {
                    new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
                    p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        }
    }

    /** Removes a data directory of a run that passed (a failed run's is kept, next to its log). */
    public static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A bearer token for a role at an office, signed with the key the service created in its data directory. */
    @Override
    public String token(String role, String office) {
        return token(dataDir.resolve("keys"), role, office);
    }

    /** A bearer token for a role at an office, signed with the key in this directory. */
    static String token(Path keys, String role, String office) {
        return Tokens.claims(role + (office == null ? "" : "@" + office), office, role).jws().keyId("local")
                .sign(SigningKeys.privateKey(keys));
    }

    private static final RestAssuredConfig TIMEOUTS = RestAssured.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 30_000));

    /** A request to this service as a client sends it; request and response are held to the contract. */
    @Override
    public RequestSpecification as(String token) {
        return as(port, token);
    }

    /** A request to whatever listens on this loopback port, held to the contract. */
    static RequestSpecification as(int port, String token) {
        return as(port, token, TIMEOUTS);
    }

    /** As above, with these timeouts. */
    static RequestSpecification as(int port, String token, RestAssuredConfig timeouts) {
        return RestAssured.given().config(timeouts).baseUri("http://127.0.0.1").port(port)
                .filter(Contract.full()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }

    public static Map<String, String> env(Object... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return env;
    }

    static List<String> tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }
}
