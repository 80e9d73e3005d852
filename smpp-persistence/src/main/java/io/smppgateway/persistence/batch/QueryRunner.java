package io.smppgateway.persistence.batch;

import io.smppgateway.store.OverloadedException;
import io.smppgateway.store.PersistenceException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the reads and the occasional writes that are not on the hot message path (expiry scans,
 * pending receipts, single lookups) on the module's own threads, so that callers on a Netty event
 * loop get a future and never wait for the database. Its queue is bounded: when full, the future
 * fails with {@link OverloadedException}.
 */
public final class QueryRunner implements AutoCloseable {

    private final Jdbi jdbi;
    private final String name;
    private final ThreadPoolExecutor executor;
    private final int queueCapacity;

    public QueryRunner(Jdbi jdbi, String name, int threads, int queueCapacity) {
        this.jdbi = jdbi;
        this.name = name;
        this.queueCapacity = queueCapacity;
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, name + "-query-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code callback} with a handle (auto-commit) on a query thread. */
    public <T> CompletableFuture<T> withHandle(HandleCallback<T, RuntimeException> callback) {
        return supply(() -> jdbi.withHandle(callback));
    }

    /** Runs {@code callback} in one transaction on a query thread. */
    public <T> CompletableFuture<T> inTransaction(HandleCallback<T, RuntimeException> callback) {
        return supply(() -> jdbi.inTransaction(callback));
    }

    /** Runs {@code body} on a query thread; it opens its own handles or transactions. */
    public <T> CompletableFuture<T> supply(java.util.function.Supplier<T> body) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(body.get());
                } catch (PersistenceException e) {
                    future.completeExceptionally(e);
                } catch (RuntimeException e) {
                    future.completeExceptionally(new PersistenceException(name + ": query failed: " + e.getMessage(), e));
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(executor.isShutdown()
                    ? new PersistenceException(name + " is closed")
                    : new OverloadedException(name + ": query queue is full (" + queueCapacity
                            + " pending reads): the database is not keeping up"));
        }
        return future;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
