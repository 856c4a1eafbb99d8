package se.socialfund.adapters.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

/**
 * Writes whose outcome nobody in the transaction waits for, sent together with the next statement that answers
 * something: one round trip instead of several (PostgreSQL's JDBC driver sends the statements of one prepared
 * statement in one go and reads their answers after). A submission's rows are written this way while it holds the
 * registration counter's row, and they travel with the audit chain head's lock, the next statement it needs an
 * answer from.
 *
 * <p>The rules that keep it exact: a write is deferred only inside a transaction (outside one it runs at once); it
 * is sent before any later statement of the stores that read what it writes ({@link #flush()}); a failure of a
 * deferred write fails the statement it travels with, so the transaction rolls back as if it had failed on its
 * own; and whatever is still pending at the commit is sent before it (a JTA synchronization).
 */
@ApplicationScoped
public class DeferredWrites {
    private static final Object KEY = new Object();
    private static final Pattern NAMED = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private record Write(String sql, List<Object> params) {
    }

    /** Defers a write with named parameters ({@code :name}; no {@code ::} casts, no literals with colons). */
    public void defer(String sql, Map<String, ?> params) {
        Write write = positional(sql, params);
        if (transactions.getTransactionKey() == null) {
            run(List.of(write), null);
            return;
        }
        pending().add(write);
    }

    /** Sends what is pending, if anything. */
    public void flush() {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        List<Write> pending = pending();
        if (!pending.isEmpty()) {
            List<Write> writes = List.copyOf(pending);
            pending.clear();
            run(writes, null);
        }
    }

    /** Sends what is pending and then the query, in one round trip; answers the query's rows. */
    public List<Object[]> flushWith(String query, Map<String, ?> params) {
        List<Write> writes = new ArrayList<>();
        if (transactions.getTransactionKey() != null) {
            List<Write> pending = pending();
            writes.addAll(pending);
            pending.clear();
        }
        return run(writes, positional(query, params));
    }

    @SuppressWarnings("unchecked")
    private List<Write> pending() {
        List<Write> list = (List<Write>) transactions.getResource(KEY);
        if (list == null) {
            List<Write> created = new ArrayList<>();
            transactions.putResource(KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (!created.isEmpty()) {
                        List<Write> writes = List.copyOf(created);
                        created.clear();
                        run(writes, null);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    created.clear();
                }
            });
            list = created;
        }
        return list;
    }

    private List<Object[]> run(List<Write> writes, Write query) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Write w : writes) {
            sql.append(w.sql()).append(";\n");
            params.addAll(w.params());
        }
        if (query != null) {
            sql.append(query.sql());
            params.addAll(query.params());
        }
        return em.unwrap(Session.class).doReturningWork(connection -> execute(connection, sql.toString(), params));
    }

    private static List<Object[]> execute(Connection connection, String sql, List<Object> params) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else if (p instanceof BigDecimal || p instanceof Number || p instanceof String
                        || p instanceof java.util.UUID || p instanceof java.time.OffsetDateTime) {
                    statement.setObject(i + 1, p);
                } else {
                    throw new IllegalArgumentException("a parameter of type " + p.getClass().getName());
                }
            }
            boolean resultSet = statement.execute();
            while (true) {
                if (resultSet) {
                    try (ResultSet rs = statement.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            Object[] row = new Object[columns];
                            for (int c = 0; c < columns; c++) {
                                row[c] = rs.getObject(c + 1);
                            }
                            rows.add(row);
                        }
                    }
                } else if (statement.getUpdateCount() == -1) {
                    break;
                }
                resultSet = statement.getMoreResults();
            }
        }
        return rows;
    }

    private static Write positional(String sql, Map<String, ?> params) {
        Matcher m = NAMED.matcher(sql);
        StringBuilder out = new StringBuilder();
        List<Object> values = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            values.add(params.get(name));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new Write(out.toString(), values);
    }
}
