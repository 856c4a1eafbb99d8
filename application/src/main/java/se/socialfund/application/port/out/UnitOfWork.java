package se.socialfund.application.port.out;

import java.util.function.Supplier;

/**
 * A database transaction around one use case: everything inside commits together or not at all. Persistence
 * implements it; use-case tests run the work inline.
 */
public interface UnitOfWork {
    /** Runs the work in a new transaction, committed when it returns and rolled back when it throws. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs read-only work (a transaction that is never asked to write). */
    default <T> T reading(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Runs a read with no transaction around it: each statement sees what was committed when it began (autocommit),
     * and the read costs its statements' round trips only (no BEGIN, no COMMIT, no flush). For reads that one
     * statement answers, or whose statements cannot contradict one another when a change commits between them.
     */
    default <T> T readingCommitted(Supplier<T> work) {
        return reading(work);
    }
}
