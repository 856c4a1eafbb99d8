package se.socialfund.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * The training start that records the start archive (issue 18). The package build runs, in the package's directory
 * and an empty environment, {@code java -XX:ArchiveClassesAtExit=app-cds.jsa.new
 * -Xlog:class+load=info:file=<log>:none:filecount=0 -jar quarkus-run.jar record-start-archive <dir> <log>}
 * (bootstrap/pom.xml): the service starts on a local default of its own in {@code <dir>} (emptied first: an initdb,
 * every migration), answers the requests a start's first callers make, links the classes it loaded ({@link
 * #linkLoadedClasses}), and stops; the JVM then writes every class it loaded, parsed and verified, into the archive
 * that {@code jvm.options} names. Quarkus' own AppCDS recording stops before the runtime starts (no database, no
 * first request), so it left out about 7,300 of the 13,800 classes a restart loads: the ORM's session factory, the
 * migrations' engine, the JDBC driver, the request path.
 *
 * <p>A training start that fails exits non-zero, and the build fails. The directory is emptied only if it is empty
 * already or a training made it (its marker file): the command is in the service's own jar.
 */
final class StartArchiveRecording {
    static final String COMMAND = "record-start-archive";
    private static final String MARKER = "start-archive-training";

    /** The token of the training's requests and the port they go to; read by {@link Requests} once started. */
    private static volatile String token;
    private static volatile int httpPort;
    private static volatile Path classLog;

    private StartArchiveRecording() {
    }

    static void run(String[] args) {
        if (args.length != 2) {
            System.err.println(COMMAND + ": name the training's data directory (emptied first) and the JVM's log of"
                    + " loaded classes (-Xlog:class+load=info:file=<log>:none:filecount=0)");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        classLog = Path.of(args[1]).toAbsolutePath();
        try {
            prepare(data);
        } catch (IOException | IllegalStateException e) {
            System.err.println(COMMAND + ": " + e.getMessage());
            System.exit(2);
        }
        int[] ports = freePorts();
        httpPort = ports[0];
        System.setProperty("quarkus.http.port", String.valueOf(httpPort));
        System.setProperty("quarkus.shutdown.delay", "0S");
        Main.localDefaults(data, () -> ports[1]);
        token = LocalTokens.sign(data.resolve("keys"), "start-archive", "start archive", Set.of("fund-officer"),
                "kommunstyrelsens-kontor", Duration.ofMinutes(10));
        // System.exit also on failure: the status fails the build (the JVM writes an archive at exit either way,
        // which the build then does not keep)
        Quarkus.run(Requests.class, (status, failure) -> {
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(status);
        });
    }

    /** Empties a directory a training made (stopping its PostgreSQL if one still runs), or makes a new one. */
    private static void prepare(Path data) throws IOException {
        if (Files.isDirectory(data)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(data)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(data.resolve(MARKER))) {
                throw new IllegalStateException(data + " is not empty and not a training's directory (no " + MARKER
                        + " file); not touched: name an empty or new directory");
            }
            EmbeddedDatabase.stopOrphan(data.resolve("postgres"));
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(data)).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "made by " + COMMAND + "; emptied by the next\n");
    }

    /** The requests of a start's first callers, each answered as it should be. */
    public static final class Requests implements QuarkusApplication {
        @Override
        public int run(String... args) throws Exception {
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("/api/v1/applications?limit=1", 200);
            expected.put("/api/v1/applications/" + UUID.randomUUID(), 404);
            expected.put("/api/v1/fund", 200);
            expected.put("/api/v1/tasks", 200);
            expected.put("/api/v1/api-info", 200);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            int failures = 0;
            for (Map.Entry<String, Integer> request : expected.entrySet()) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + request.getKey()))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                boolean ok = response.statusCode() == request.getValue();
                System.out.println(COMMAND + ": GET " + request.getKey() + " -> " + response.statusCode()
                        + (ok ? "" : " (expected " + request.getValue() + "): " + response.body()));
                failures += ok ? 0 : 1;
            }
            if (failures > 0) {
                return 1;
            }
            int linked = linkLoadedClasses(classLog);
            System.out.println(COMMAND + ": " + linked + " loaded classes linked, for the archive");
            if (linked == 0) {
                // no log, or one of another form: the archive would leave out what a start loads but does not link
                System.err.println(COMMAND + ": no class linked from " + classLog);
                return 1;
            }
            return 0;
        }
    }

    /**
     * Links the classes the training loaded but did not link. JDK 17 archives only linked classes; it links the
     * classes of the JDK's own class loaders when it writes the archive, but not those of the framework's class
     * loader, which holds the application's jars, and a restart loaded about 2,300 of those from the jars (classes
     * loaded to be checked or named, not yet run). Asking for a class's declared fields links it (verifies it)
     * without running its static initialiser; a class linked already is left as it is. Linking loads more classes,
     * so the log is read again until it names none new. Returns how many classes were linked (or found linked).
     */
    static int linkLoadedClasses(Path log) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Set<String> seen = new HashSet<>();
        int linked = 0;
        for (int round = 0; round < 5; round++) {
            List<String> names = unarchivedClasses(Files.readAllLines(log));
            names.removeIf(name -> !seen.add(name));
            if (names.isEmpty()) {
                break;
            }
            for (String name : names) {
                try {
                    Class.forName(name, false, loader).getDeclaredFields();
                    linked++;
                } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                    // a class another loader defined, or one that cannot be verified here: not archived either way
                }
            }
        }
        return linked;
    }

    /**
     * The classes a log of loaded classes ({@code -Xlog:class+load=info:file=<log>:none:filecount=0}: "{@code <name>
     * source: <where>}") names as read from a jar or the JDK's modules, in order, each once: not those an archive gave,
     * hidden classes (a '/' in the name), proxies and classes defined from bytes ({@code __...__} sources), nor
     * lines of another form.
     */
    static List<String> unarchivedClasses(List<String> lines) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines) {
            int source = line.indexOf(" source: ");
            if (source > 0 && !line.contains("shared objects file") && !line.startsWith("__", source + 9)
                    && line.lastIndexOf('/', source) < 0 && line.indexOf(' ') == source) {
                names.add(line.substring(0, source));
            }
        }
        return new ArrayList<>(names);
    }

    /** Two free loopback ports, held together while chosen so that they differ. */
    private static int[] freePorts() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket http = new ServerSocket(0, 1, loopback); ServerSocket db = new ServerSocket(0, 1, loopback)) {
            return new int[] {http.getLocalPort(), db.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
