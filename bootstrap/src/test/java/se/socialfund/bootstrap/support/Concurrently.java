package se.socialfund.bootstrap.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs many requests at once: all threads wait at a gate, then go together. */
public final class Concurrently {
    private Concurrently() {
    }

    /** All at once: as many threads as tasks. */
    public static <T> List<T> run(int count, IntFunction<T> task) {
        return run(count, count, task);
    }

    /** Many tasks on a few threads: for preparing data quickly without overwhelming the service. */
    public static <T> List<T> run(int count, int threads, IntFunction<T> task) {
        return run(count, threads, 120, task);
    }

    /** As above, waiting up to {@code timeoutSeconds} for each task's result (for runs scaled up by a property). */
    public static <T> List<T> run(int count, int threads, long timeoutSeconds, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<T> call = () -> {
                    gate.await();
                    return task.apply(n);
                };
                futures.add(pool.submit(call));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(timeoutSeconds, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
