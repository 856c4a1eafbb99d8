package se.socialfund.adapters.persistence;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.domain.application.RegistrationNumber;

/**
 * The year's counter row, incremented in the submitting transaction. Concurrent submissions queue on the row, and
 * a rolled-back submission rolls its number back too: unique, running, and without gaps.
 *
 * <p>The row is locked from the increment to the end of the commit, so that span bounds how many submissions a
 * second can be received at all (one after another). It is timed, from the increment's answer to the end of a
 * successful commit: the metric {@code socialfund.registration.lock.hold} ({@code bench/write-path.sh} reads it).
 */
@ApplicationScoped
public class RegistrationCounter implements RegistrationNumbers {
    /** Buckets of the hold-time histogram: 0.1 ms steps to 5 ms, then coarser to 1 s. */
    private static final Duration[] BUCKETS = buckets();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry registry;

    private Timer hold;

    @PostConstruct
    void timer() {
        hold = Timer.builder("socialfund.registration.lock.hold")
                .description("the registration counter's row lock held by a submission: from the increment's "
                        + "answer to the end of its commit")
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    @Override
    public RegistrationNumber next(int year) {
        Number n = (Number) em.createNativeQuery("""
                        INSERT INTO registration_counter (year, last_number) VALUES (:year, 1)
                        ON CONFLICT (year) DO UPDATE SET last_number = registration_counter.last_number + 1
                        RETURNING last_number""")
                .setParameter("year", year).getSingleResult();
        long locked = System.nanoTime();
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        hold.record(System.nanoTime() - locked, TimeUnit.NANOSECONDS);
                    }
                }
            });
        }
        return new RegistrationNumber(RegistrationNumber.BOARD_SERIES, year, n.intValue());
    }

    private static Duration[] buckets() {
        java.util.List<Duration> b = new java.util.ArrayList<>();
        for (int micros = 100; micros <= 5_000; micros += 100) {
            b.add(Duration.ofNanos(micros * 1_000L));
        }
        for (long millis : new long[] {6, 7, 8, 9, 10, 12, 15, 20, 30, 50, 100, 200, 500, 1000}) {
            b.add(Duration.ofMillis(millis));
        }
        return b.toArray(Duration[]::new);
    }
}
