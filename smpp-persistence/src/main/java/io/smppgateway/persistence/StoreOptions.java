package io.smppgateway.persistence;

import io.smppgateway.store.FieldErrors;
import java.time.Clock;
import java.time.Duration;

/**
 * Tuning of the stores; {@link #defaults()} suits a gateway on a small machine.
 *
 * @param writerLanes group-commit writer threads, each with its own connection and queue; work
 *                    on one message always takes the same lane, so its steps stay in order
 * @param laneCapacity pending writes per lane; when full, writes fail with {@link io.smppgateway.store.OverloadedException}
 * @param maxBatch most writes one transaction commits
 * @param queryThreads threads for reads outside the message path (lists, expiry scans, receipts)
 * @param queryQueueCapacity pending reads; when full, reads fail with {@link io.smppgateway.store.OverloadedException}
 * @param receiptLookupWindow how long a receipt whose message is not yet marked sent keeps being
 *                            looked up (fast SMSCs answer before our submit_sm_resp bookkeeping lands)
 * @param pendingReceiptsPerClient most receipts kept waiting for one ESME's receiver bind
 * @param retention how long tracking rows are kept
 * @param purgeBatch rows deleted per short transaction when purging
 * @param purgeInterval how often the database purges on its own; zero turns it off
 * @param recentSegments outbound segments this process recorded lately that it keeps in memory, so
 *                       that their receipts are matched without a database read (0: none)
 * @param clock the time source for {@code created}/{@code updated} and retention
 */
public record StoreOptions(int writerLanes, int laneCapacity, int maxBatch, int queryThreads,
                           int queryQueueCapacity, Duration receiptLookupWindow, int pendingReceiptsPerClient,
                           Duration retention, int purgeBatch, Duration purgeInterval, int recentSegments,
                           Clock clock) {

    public StoreOptions {
        FieldErrors errors = new FieldErrors()
                .range("writer_lanes", writerLanes, 1, 64)
                .range("lane_capacity", laneCapacity, 1, 10_000_000)
                .range("max_batch", maxBatch, 1, 100_000)
                .range("query_threads", queryThreads, 1, 64)
                .range("query_queue_capacity", queryQueueCapacity, 1, 10_000_000)
                .range("pending_receipts_per_client", pendingReceiptsPerClient, 1, 100_000_000)
                .range("purge_batch", purgeBatch, 1, 100_000)
                .range("recent_segments", recentSegments, 0, 10_000_000);
        if (receiptLookupWindow == null || receiptLookupWindow.isNegative()) {
            errors.add("receipt_lookup_window", "must be zero or more");
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            errors.add("retention", "must be positive");
        }
        if (purgeInterval == null || purgeInterval.isNegative()) {
            errors.add("purge_interval", "must be zero or more");
        }
        if (clock == null) {
            errors.add("clock", "required");
        }
        errors.throwIfAny("store options");
    }

    public static StoreOptions defaults() {
        return new StoreOptions(2, 20_000, 1_000, 4, 10_000, Duration.ofSeconds(5), 100_000,
                Duration.ofDays(7), 1_000, Duration.ofHours(1), 50_000, Clock.systemUTC());
    }

    public StoreOptions withWriterLanes(int lanes) {
        return new StoreOptions(lanes, laneCapacity, maxBatch, queryThreads, queryQueueCapacity,
                receiptLookupWindow, pendingReceiptsPerClient, retention, purgeBatch, purgeInterval, recentSegments, clock);
    }

    public StoreOptions withLaneCapacity(int capacity) {
        return new StoreOptions(writerLanes, capacity, maxBatch, queryThreads, queryQueueCapacity,
                receiptLookupWindow, pendingReceiptsPerClient, retention, purgeBatch, purgeInterval, recentSegments, clock);
    }

    public StoreOptions withMaxBatch(int batch) {
        return new StoreOptions(writerLanes, laneCapacity, batch, queryThreads, queryQueueCapacity,
                receiptLookupWindow, pendingReceiptsPerClient, retention, purgeBatch, purgeInterval, recentSegments, clock);
    }

    public StoreOptions withReceiptLookupWindow(Duration window) {
        return new StoreOptions(writerLanes, laneCapacity, maxBatch, queryThreads, queryQueueCapacity,
                window, pendingReceiptsPerClient, retention, purgeBatch, purgeInterval, recentSegments, clock);
    }

    public StoreOptions withPendingReceiptsPerClient(int bound) {
        return new StoreOptions(writerLanes, laneCapacity, maxBatch, queryThreads, queryQueueCapacity,
                receiptLookupWindow, bound, retention, purgeBatch, purgeInterval, recentSegments, clock);
    }

    public StoreOptions withRetention(Duration keep, int batch, Duration interval) {
        return new StoreOptions(writerLanes, laneCapacity, maxBatch, queryThreads, queryQueueCapacity,
                receiptLookupWindow, pendingReceiptsPerClient, keep, batch, interval, recentSegments, clock);
    }

    public StoreOptions withRecentSegments(int count) {
        return new StoreOptions(writerLanes, laneCapacity, maxBatch, queryThreads, queryQueueCapacity,
                receiptLookupWindow, pendingReceiptsPerClient, retention, purgeBatch, purgeInterval, count, clock);
    }

    public StoreOptions withClock(Clock source) {
        return new StoreOptions(writerLanes, laneCapacity, maxBatch, queryThreads, queryQueueCapacity,
                receiptLookupWindow, pendingReceiptsPerClient, retention, purgeBatch, purgeInterval, recentSegments, source);
    }
}
