package io.smppgateway.bridge.flow;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One flow's threads: a fixed pool with a bounded queue, for the work handed over from Netty event
 * loops and from store and bus callbacks, and one timer thread. A full queue refuses the task with
 * {@link RejectedExecutionException}, which each flow turns into back-pressure (never a wait).
 */
final class FlowWorkers implements Executor, AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;

    FlowWorkers(String name, int threads, int queueCapacity) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                runnable -> daemon(runnable, name + "-" + count.incrementAndGet()),
                new ThreadPoolExecutor.AbortPolicy());
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, name + "-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Runs the task on the pool; throws {@link RejectedExecutionException} when the queue is full. */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** Tasks waiting for a thread, for metrics. */
    int queued() {
        return pool.getQueue().size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
