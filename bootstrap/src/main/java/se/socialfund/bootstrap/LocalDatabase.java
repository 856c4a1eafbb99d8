package se.socialfund.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The local default's embedded PostgreSQL, started in a thread of its own while the framework boots: its JDBC URL
 * is known before the server is up (a fixed loopback port), and nothing connects before the migrations, which wait
 * for it ({@link EmbeddedDatabaseGate}). Empty when the service runs against a configured database.
 */
public final class LocalDatabase {
    private static volatile CompletableFuture<EmbeddedDatabase> starting;

    private LocalDatabase() {
    }

    /** Starts the server in the background; {@link #awaitReady()} returns it once it accepts connections. */
    static void startInBackground(Path dataDir, int port) {
        CompletableFuture<EmbeddedDatabase> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, port, false, Map.of());
                System.out.println("Local default: embedded PostgreSQL on 127.0.0.1:" + db.port() + ", data in "
                        + dataDir);
                future.complete(db);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "embedded-postgresql-start");
        thread.setDaemon(true);
        starting = future;
        thread.start();
    }

    /** Waits for the embedded server when one is being started; returns at once otherwise. */
    public static void awaitReady() {
        CompletableFuture<EmbeddedDatabase> future = starting;
        if (future == null) {
            return;
        }
        try {
            future.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
