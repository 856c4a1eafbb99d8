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

    public static Connection serviceRole() throws SQLException {
        return DriverManager.getConnection(System.getProperty(EmbeddedPostgresResource.JDBC_URL),
                EmbeddedDatabase.SERVICE, "embedded");
    }

    /** The single number a query answers. */
    public static long number(String sql, Object... params) {
        try (Connection c = superuser(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static java.math.BigDecimal decimal(String sql, Object... params) {
        try (Connection c = superuser(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The row counts that must not change when a request is refused. */
    public static String footprint() {
        return number("SELECT count(*) FROM application") + "/" + number("SELECT count(*) FROM application_revision")
                + "/" + number("SELECT count(*) FROM application_event") + "/"
                + number("SELECT count(*) FROM fund_ledger_entry") + "/"
                + number("SELECT coalesce(sum(version), 0) FROM application") + "/"
                + number("SELECT count(*) FROM idempotency_key") + "/"
                + number("SELECT count(*) FROM application_period");
    }
}
