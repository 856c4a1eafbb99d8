package se.socialfund.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3-compatible server for the tests of the S3 content store: Adobe's S3Mock 4.7.0 (a Spring Boot
 * application), started as a process of its own on 127.0.0.1 (both its HTTPS and its HTTP connector, see
 * {@link S3MockLauncher}) with an empty store under target/ and the documents' bucket, and stopped after the tests.
 * Its classpath is resolved by the module testing/s3mock into its target/classpath.txt; none of its jars is on this
 * JVM's classpath. Configures the service to keep documents' content there.
 */
public class S3MockResource implements QuarkusTestResourceLifecycleManager {
    public static final String BUCKET = "socialfund-documents";
    public static final String REGION = "eu-north-1";
    private static final long START_SECONDS = 180;

    /** The running server, for {@link #awaitReady()}: it starts while the service does, and is awaited after. */
    private static volatile S3MockResource running;

    private Process process;
    private Path log;
    private int httpPort;
    private volatile boolean listening;

    @Override
    public Map<String, String> start() {
        try {
            httpPort = freePort();
            int httpsPort = freePort();
            Path target = Path.of("target").toAbsolutePath();
            Path root = target.resolve("s3mock-store");
            delete(root);
            Files.createDirectories(root);
            log = target.resolve("s3mock.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", target.resolve("test-classes") + java.io.File.pathSeparator + s3mockClasspath(),
                    S3MockLauncher.class.getName(),
                    "--server.address=127.0.0.1",
                    "--server.port=" + httpsPort,
                    "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.region=" + REGION,
                    "--spring.main.lazy-initialization=true"));
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "s3mock-stop"));
            // not awaited here: S3Mock starts while the service does (the service does not touch the store at start)
            running = this;
            return Map.of("socialfund.documents.store", "s3",
                    "socialfund.documents.s3.endpoint", "http://127.0.0.1:" + httpPort,
                    "socialfund.documents.s3.bucket", BUCKET,
                    "socialfund.documents.s3.region", REGION,
                    "socialfund.documents.s3.access-key-id", "socialfund-test",
                    "socialfund.documents.s3.secret-access-key", "socialfund-test-secret",
                    "socialfund.documents.s3.path-style", "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String s3mockClasspath() throws IOException {
        for (Path candidate : List.of(Path.of("..", "testing", "s3mock", "target", "classpath.txt"),
                Path.of("testing", "s3mock", "target", "classpath.txt"))) {
            if (Files.isRegularFile(candidate)) {
                return Files.readString(candidate, StandardCharsets.UTF_8).trim();
            }
        }
        throw new IllegalStateException("S3Mock's classpath is missing: build the module testing/s3mock first "
                + "(./mvnw install -DskipTests, or the whole build)");
    }

    /**
     * Waits until S3Mock listens (once; then at no cost): called before each test that uses the store. Fails with
     * the end of its log if it exited or did not listen in time.
     */
    public static void awaitReady() {
        S3MockResource server = running;
        if (server == null) {
            throw new IllegalStateException("S3Mock was not started: the test needs the S3 store's test profile");
        }
        if (!server.listening) {
            try {
                server.awaitListening(server.httpPort);
                server.listening = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void awaitListening(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ": " + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while S3Mock started", e);
                }
            }
        }
        stop();
        throw new IllegalStateException("S3Mock did not listen within " + START_SECONDS + " s: " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (running == this) {
            running = null;
        }
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
