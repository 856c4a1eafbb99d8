package se.socialfund.bootstrap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import se.socialfund.bootstrap.EmbeddedDatabase;

/** Direct access to the test database, to check what was (or was not) stored, beyond what the API says. */
public final class Database {
    private Database() {
    }

    public static Connection superuser() throws SQLException {
        return DriverManager.getConnection(System.getProperty(EmbeddedPostgresResource.JDBC_URL), "postgres", "");
    }

    private static Connection shared;

    /** One connection for the many small checks of the tests (reconnecting for each costs more than the check). */
    private static synchronized <T> T withShared(SqlFunction<Connection, T> work) {
        try {
            if (shared == null || shared.isClosed() || !shared.isValid(2)) {
                shared = superuser();
            }
            return work.apply(shared);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface SqlFunction<A, T> {
        T apply(A argument) throws SQLException;
    }

    public static Connection serviceRole() throws SQLException {
        return DriverManager.getConnection(System.getProperty(EmbeddedPostgresResource.JDBC_URL),
                EmbeddedDatabase.SERVICE, "embedded");
    }

    /** The schema's owner: the role the migrations run as. */
    public static Connection owner() throws SQLException {
        return DriverManager.getConnection(System.getProperty(EmbeddedPostgresResource.JDBC_URL),
                EmbeddedDatabase.OWNER, "embedded");
    }

    /** The text of one of the service's Flyway migrations, e.g. {@code "V65__work_queue_rows_per_step.sql"}. */
    public static String migration(String name) throws java.io.IOException {
        try (java.io.InputStream in = Database.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new java.io.FileNotFoundException("no migration " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public static String string(String sql, Object... params) {
        return single(sql, params, rs -> rs.getString(1));
    }

    /** The single number a query answers. */
    public static long number(String sql, Object... params) {
        return single(sql, params, rs -> rs.getLong(1));
    }

    public static java.math.BigDecimal decimal(String sql, Object... params) {
        return single(sql, params, rs -> rs.getBigDecimal(1));
    }

    /** The first column of the first row a query answers. */
    private static <T> T single(String sql, Object[] params, SqlFunction<ResultSet, T> column) {
        return withShared(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return column.apply(rs);
                }
            }
        });
    }

    /** The row counts (and version sum) that must not change when a request is refused: one query. */
    public static String footprint() {
        return withShared(c -> {
            try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM application), "
                     + "(SELECT coalesce(sum(version), 0) FROM application), "
                     + "(SELECT count(*) FROM application_revision), (SELECT count(*) FROM application_event), "
                     + "(SELECT count(*) FROM fund_ledger_entry), (SELECT capital + committed + returned FROM fund), "
                     + "(SELECT count(*) FROM idempotency_key), (SELECT count(*) FROM application_period), "
                     + "(SELECT count(*) FROM registration_counter), (SELECT coalesce(sum(last_number), 0) "
                     + "FROM registration_counter)")) {
                rs.next();
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= 10; i++) {
                    b.append(rs.getString(i)).append('/');
                }
                return b.toString();
            }
        });
    }
}
