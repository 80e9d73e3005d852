package io.smppgateway.persistence.batch;

import io.smppgateway.store.OverloadedException;
import io.smppgateway.store.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the message path: concurrent writes are queued, and a writer thread per lane
 * takes everything waiting (up to a maximum) and commits it in one transaction, so the database
 * sees one commit per batch instead of one per segment.
 *
 * <p>Work is routed to a lane by a key (the message id), so the steps of one message are applied
 * in the order they were submitted, and a duplicate check on that key cannot race with itself.
 * Each lane's queue is bounded: when it is full the caller's future fails at once with
 * {@link OverloadedException}; nothing blocks. A batch that fails is split and each work retried
 * alone, so one bad row fails only its own future. Futures complete on a separate completion
 * thread after the commit, never on a writer thread, so a slow callback cannot stall the writes.
 */
public final class GroupCommitQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitQueue.class);
    private static final int TRANSIENT_RETRIES = 3;

    private final Jdbi jdbi;
    private final String name;
    private final int maxBatch;
    private final Lane[] lanes;
    private final ThreadPoolExecutor completions;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong works = new AtomicLong();
    private volatile boolean closed;

    public GroupCommitQueue(Jdbi jdbi, String name, int laneCount, int laneCapacity, int maxBatch) {
        this.jdbi = jdbi;
        this.name = name;
        this.maxBatch = maxBatch;
        // Bounded hand-over to callbacks; when callbacks fall behind, writers wait here, their lanes
        // fill and callers see OverloadedException: back-pressure instead of unbounded memory.
        this.completions = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4096),
                runnable -> daemon(runnable, name + "-callbacks"), (task, pool) -> {
                    try {
                        pool.getQueue().put(task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        task.run();
                    }
                });
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane(i, laneCapacity);
        }
        for (Lane lane : lanes) {
            lane.thread.start();
        }
    }

    /**
     * Queues work on the lane chosen by {@code routingKey}; returns its future, already failed with
     * {@link OverloadedException} when that lane is full.
     */
    public <R> CompletableFuture<R> submit(Object routingKey, QueuedWork<R> work) {
        if (closed) {
            work.fail(new PersistenceException(name + " is closed"));
            return work.future();
        }
        Lane lane = lanes[Math.floorMod(routingKey.hashCode(), lanes.length)];
        work.routingKey = routingKey;
        if (!lane.offer(work)) {
            work.fail(new OverloadedException(name + " lane " + lane.index + " is full ("
                    + lane.capacity + " pending writes): the database is not keeping up"));
        }
        return work.future();
    }

    /** Writes waiting in all lanes. */
    public int pending() {
        int total = 0;
        for (Lane lane : lanes) {
            total += lane.size();
        }
        return total;
    }

    /**
     * The writes all lanes hold at most together. A write is refused when its own lane is full, so
     * {@link #pending()} near this bound means the database is falling behind.
     */
    public int capacity() {
        int total = 0;
        for (Lane lane : lanes) {
            total += lane.capacity;
        }
        return total;
    }

    /** Transactions committed so far. */
    public long committedBatches() {
        return batches.get();
    }

    /** Works completed so far. */
    public long committedWorks() {
        return works.get();
    }

    /** Stops taking work, commits what is queued, then returns. */
    @Override
    public void close() {
        closed = true;
        for (Lane lane : lanes) {
            try {
                lane.thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        completions.shutdown();
        try {
            completions.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runBatch(List<QueuedWork<?>> batch) {
        try {
            commit(batch);
            publish(batch, null);
        } catch (RuntimeException batchError) {
            if (batch.size() == 1) {
                publish(batch, translate(batchError));
                return;
            }
            // Isolate the work that failed: each alone, in its own transaction.
            log.debug("{}: batch of {} failed, retrying one by one: {}", name, batch.size(), batchError.toString());
            for (QueuedWork<?> work : batch) {
                List<QueuedWork<?>> single = List.of(work);
                try {
                    commit(single);
                    publish(single, null);
                } catch (RuntimeException error) {
                    publish(single, translate(error));
                }
            }
        }
    }

    /** One transaction for the whole batch, kinds in phase order; retried on deadlock. */
    private void commit(List<QueuedWork<?>> batch) {
        Map<Integer, Map<WorkKind<?>, List<QueuedWork<?>>>> byPhase = new TreeMap<>();
        for (QueuedWork<?> work : batch) {
            WorkKind<?> kind = work.kind();
            byPhase.computeIfAbsent(kind.phase(), p -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(kind, k -> new ArrayList<>()).add(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                long txStart = System.nanoTime();
                jdbi.useHandle(handle -> inTransaction(handle, () -> {
                    for (Map<WorkKind<?>, List<QueuedWork<?>>> kinds : byPhase.values()) {
                        for (Map.Entry<WorkKind<?>, List<QueuedWork<?>>> entry : kinds.entrySet()) {
                            long started = System.nanoTime();
                            apply(entry.getKey(), handle, entry.getValue());
                            if (log.isTraceEnabled()) {
                                log.trace("{}: {} x{} in {} us", name, entry.getKey().getClass().getSimpleName(),
                                        entry.getValue().size(), (System.nanoTime() - started) / 1000);
                            }
                        }
                    }
                }));
                if (log.isTraceEnabled()) {
                    log.trace("{}: transaction of {} in {} us", name, batch.size(), (System.nanoTime() - txStart) / 1000);
                }
                return;
            } catch (RuntimeException | SQLException e) {
                if (attempt >= TRANSIENT_RETRIES || !SqlErrors.isTransient(e)) {
                    throw e instanceof RuntimeException unchecked ? unchecked : translate(e);
                }
                log.debug("{}: transient failure, attempt {}: {}", name, attempt, e.toString());
            }
        }
    }

    /** The body of a batch's transaction. */
    private interface TransactionBody {
        void run() throws SQLException;
    }

    /**
     * Runs the body in one transaction on the handle's connection, committed or rolled back here at
     * the JDBC level. A connection that is already out of autocommit (the writers' pool keeps them
     * so) is left that way, which spares two {@code SET autocommit} round trips per batch; JDBI's
     * own transactions would take such a connection for an outer transaction and commit nothing.
     */
    private static void inTransaction(Handle handle, TransactionBody body) throws SQLException {
        Connection connection = handle.getConnection();
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        try {
            body.run();
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        } finally {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void apply(WorkKind kind, Handle handle, List works) throws SQLException {
        kind.apply(handle, works);
    }

    private void publish(List<QueuedWork<?>> done, Throwable error) {
        if (error == null) {
            batches.incrementAndGet();
            works.addAndGet(done.size());
        }
        completions.execute(() -> {
            for (QueuedWork<?> work : done) {
                if (error == null) {
                    work.complete();
                } else {
                    work.fail(error);
                }
            }
        });
    }

    private RuntimeException translate(Exception error) {
        if (error instanceof PersistenceException persistence) {
            return persistence;
        }
        return new PersistenceException(name + ": write failed: " + rootMessage(error), error);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static Thread daemon(Runnable runnable, String threadName) {
        Thread thread = new Thread(runnable, threadName);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * One writer thread and its bounded queue: urgent work (see {@link WorkKind#urgent()}) first,
     * then ordinary work, each in the order it came. Urgent work whose key has ordinary work still
     * waiting queues behind it as ordinary work, so a message's steps keep their order.
     */
    private final class Lane {
        final int index;
        final int capacity;
        final Thread thread;
        private final ArrayDeque<QueuedWork<?>> urgent = new ArrayDeque<>();
        private final ArrayDeque<QueuedWork<?>> ordinary = new ArrayDeque<>();
        /** How many ordinary works wait per routing key. */
        private final Map<Object, Integer> ordinaryKeys = new HashMap<>();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();

        Lane(int index, int capacity) {
            this.index = index;
            this.capacity = capacity;
            this.thread = daemon(this::loop, name + "-writer-" + index);
        }

        boolean offer(QueuedWork<?> work) {
            lock.lock();
            try {
                if (urgent.size() + ordinary.size() >= capacity) {
                    return false;
                }
                if (work.kind().urgent() && !ordinaryKeys.containsKey(work.routingKey)) {
                    urgent.add(work);
                } else {
                    ordinary.add(work);
                    ordinaryKeys.merge(work.routingKey, 1, Integer::sum);
                }
                notEmpty.signal();
                return true;
            } finally {
                lock.unlock();
            }
        }

        int size() {
            lock.lock();
            try {
                return urgent.size() + ordinary.size();
            } finally {
                lock.unlock();
            }
        }

        /** Moves up to {@code maxBatch} rows of work into {@code batch}, urgent first; false once closed and empty. */
        private boolean take(List<QueuedWork<?>> batch) throws InterruptedException {
            lock.lock();
            try {
                while (urgent.isEmpty() && ordinary.isEmpty()) {
                    if (closed) {
                        return false;
                    }
                    notEmpty.await(50, TimeUnit.MILLISECONDS);
                }
                int rows = 0;
                QueuedWork<?> next;
                while ((batch.isEmpty() || rows < maxBatch) && (next = poll()) != null) {
                    batch.add(next);
                    rows += next.size();
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        private QueuedWork<?> poll() {
            QueuedWork<?> next = urgent.poll();
            if (next == null) {
                next = ordinary.poll();
                if (next != null) {
                    ordinaryKeys.computeIfPresent(next.routingKey, (key, count) -> count == 1 ? null : count - 1);
                }
            }
            return next;
        }

        private void loop() {
            List<QueuedWork<?>> batch = new ArrayList<>(maxBatch);
            while (true) {
                try {
                    if (!take(batch)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                try {
                    runBatch(new ArrayList<>(batch));
                } catch (Throwable unexpected) {
                    log.error("{}: writer failed a batch unexpectedly", name, unexpected);
                    for (QueuedWork<?> work : batch) {
                        work.fail(unexpected);
                    }
                }
                batch.clear();
            }
        }
    }
}
