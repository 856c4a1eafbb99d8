package se.socialfund.adapters.persistence;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

import se.socialfund.application.port.in.StoreUnavailable;
import se.socialfund.application.port.out.UnitOfWork;

/**
 * One JTA transaction per use case (reads that one statement answers go without one). Failures of the database itself (unreachable, shutting down, out of
 * connections, a statement or lock timeout) become {@link StoreUnavailable}, which callers may retry; everything
 * else passes through unchanged.
 */
@ApplicationScoped
public class TransactionalUnitOfWork implements UnitOfWork {
    /** SQLSTATEs that mean "try again later", not "your request is wrong". */
    private static final Set<String> TRANSIENT = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now
            "57014", // query_canceled (statement_timeout)
            "55P03", // lock_not_available (lock_timeout)
            "53300", // too_many_connections
            "40001", // serialization_failure
            "40P01"  // deadlock_detected
    );

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * The running transaction, joined: no BEGIN of its own; a failure marks the transaction rollback-only, so that
     * nothing the part wrote can commit even if the enclosing work went on.
     */
    @Override
    public <T> T joining(Supplier<T> work) {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a part of a change runs inside the change's transaction; none is running");
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            QuarkusTransaction.setRollbackOnly();
            throw e;
        }
    }

    /**
     * No transaction: each statement runs on a connection in autocommit mode (Hibernate's request-scoped session's,
     * or, for {@link ApplicationRows}, one taken from the pool itself), so a read of one SELECT is one round trip (no
     * BEGIN, no COMMIT, no flush at the end). Inside a transaction the work simply joins it. Outside a request (a
     * scheduled job) a request context is opened for the work's session.
     */
    @Override
    public <T> T readingCommitted(Supplier<T> work) {
        if (QuarkusTransaction.isActive()) {
            return work.get();
        }
        ManagedContext requestContext = Arc.container().requestContext();
        boolean opened = !requestContext.isActive();
        if (opened) {
            requestContext.activate();
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            if (opened) {
                requestContext.terminate();
            }
        }
    }

    static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isTransient(sql)) {
                return new StoreUnavailable("the database is unavailable: " + describe(sql), e);
            }
            // the commit itself failed (the connection went away at that moment): whether the database applied it
            // before the connection broke cannot be known here
            if (t instanceof javax.transaction.xa.XAException || t instanceof jakarta.transaction.RollbackException) {
                return new StoreUnavailable("the database did not confirm the commit", e, true);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }

    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || TRANSIENT.contains(state))) {
            return true;
        }
        // Agroal's pool reports an exhausted pool without an SQLSTATE
        String message = String.valueOf(e.getMessage());
        return state == null && (message.contains("acquisition timeout") || message.contains("Connection refused")
                || message.contains("This connection has been closed"));
    }

    private static String describe(SQLException e) {
        return e.getSQLState() == null ? "no connection available" : "SQLSTATE " + e.getSQLState();
    }
}
