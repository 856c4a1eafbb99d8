package se.socialfund.application.fakes;

import java.util.function.Supplier;

import se.socialfund.application.port.out.UnitOfWork;

/** Runs the work inline and counts the transactions; nothing to roll back, since the fakes keep copies. */
public final class InlineUnitOfWork implements UnitOfWork {
    private int transactions;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        transactions++;
        return work.get();
    }

    public int transactions() {
        return transactions;
    }
}
