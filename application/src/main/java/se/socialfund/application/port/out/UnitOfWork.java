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
}
