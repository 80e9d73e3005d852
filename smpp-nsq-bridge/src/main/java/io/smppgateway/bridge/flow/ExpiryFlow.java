package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.store.outbound.TrackedSegment;
import io.smppgateway.smpp.async.FailureCause;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sent segments with no receipt -> DLR_IN {@code expired}: every {@code expiryInterval}, the
 * segments still {@code sent} {@code expiryAge} (24 h) after their {@code sent_time} get the final
 * status {@code expired} (err_code 0: no receipt came, whatever the reason) and their event, with
 * {@code dlr_time} the time of the scan. A segment whose receipt arrives at the same moment gets
 * one final status only: whichever {@code markFinal} comes first wins, and only it publishes.
 *
 * <p>A scan reads {@value #BATCH} segments at a time and reads the next batch at once while batches
 * come back full. An event whose publish failed (its status already stored) is published again by
 * the next scan, from this instance's memory: a restart in between loses that event.
 *
 * <p>Counters: {@code expired}, {@code scan_failed}.
 */
public final class ExpiryFlow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExpiryFlow.class);
    static final int BATCH = 1_000;

    private final OutboundTracking tracking;
    private final FlowConfig config;
    private final FlowWorkers workers;
    private final FlowStats stats = new FlowStats();
    private final AtomicBoolean scanning = new AtomicBoolean();
    /** Expired segments whose event is not published yet, by "part:msg_id"; bounded by {@value #BATCH} x 10. */
    private final java.util.Map<String, TrackedSegment> unpublished = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> schedule;
    private final DlrInPublisher dlrIn;

    public ExpiryFlow(MessageBus bus, OutboundTracking tracking, FlowConfig config) {
        this(bus, tracking, config, DlrInListener.NONE);
    }

    /** @param dlrInListener hears of every DLR_IN event this flow published */
    public ExpiryFlow(MessageBus bus, OutboundTracking tracking, FlowConfig config, DlrInListener dlrInListener) {
        this.dlrIn = new DlrInPublisher(bus, dlrInListener);
        this.tracking = tracking;
        this.config = config;
        this.workers = new FlowWorkers("expiry-flow", 1, 10);
    }

    public ExpiryFlow start() {
        long every = config.expiryInterval().toMillis();
        schedule = workers.timer().scheduleWithFixedDelay(this::scanQuietly, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    public FlowStats stats() {
        return stats;
    }

    private void scanQuietly() {
        scan().whenComplete((count, failure) -> {
            if (failure != null) {
                stats.increment("scan_failed");
                log.warn("expiry scan failed: {}", FailureCause.of(failure).toString());
            } else if (count > 0) {
                log.info("{} segments expired with no receipt after {}", count, config.expiryAge());
            }
        });
    }

    /** Runs one scan now; completes with how many segments it expired (0 when a scan is already running). */
    public CompletableFuture<Integer> scan() {
        if (!scanning.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(0);
        }
        return republish().thenCompose(ignored -> scanFrom(0)).whenComplete((count, failure) -> scanning.set(false));
    }

    private CompletableFuture<Void> republish() {
        CompletableFuture<?>[] each = unpublished.values().stream().map(this::publish).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(each);
    }

    private CompletableFuture<Void> publish(TrackedSegment settled) {
        String key = settled.partNumber() + ":" + settled.msgId();
        if (unpublished.size() < BATCH * 10) {
            unpublished.put(key, settled);
        }
        return dlrIn.publish(DlrInEvents.of(settled)).thenRun(() -> {
            unpublished.remove(key);
            stats.increment("expired");
        });
    }

    private CompletableFuture<Integer> scanFrom(int expiredSoFar) {
        long now = config.clock().millis();
        long cutoff = now - config.expiryAge().toMillis();
        return tracking.findUnfinishedSentBefore(cutoff, BATCH).thenCompose(segments -> expireAll(segments, now)
                .thenCompose(expired -> segments.size() == BATCH && expired > 0
                        ? scanFrom(expiredSoFar + expired)
                        : CompletableFuture.completedFuture(expiredSoFar + expired)));
    }

    private CompletableFuture<Integer> expireAll(List<TrackedSegment> segments, long now) {
        CompletableFuture<?>[] each = new CompletableFuture<?>[segments.size()];
        int[] expired = new int[1];
        for (int i = 0; i < each.length; i++) {
            TrackedSegment segment = segments.get(i);
            each[i] = tracking.markFinal(segment.msgId(), segment.partNumber(), MessageStatus.EXPIRED, 0, now)
                    .thenCompose(marked -> {
                        if (!marked) {
                            return CompletableFuture.completedFuture(null);
                        }
                        return publish(segment.withFinal(MessageStatus.EXPIRED, 0, now)).thenRun(() -> {
                            synchronized (expired) {
                                expired[0]++;
                            }
                        });
                    });
        }
        return CompletableFuture.allOf(each).thenApply(done -> expired[0]);
    }

    @Override
    public void close() {
        ScheduledFuture<?> current = schedule;
        if (current != null) {
            current.cancel(false);
        }
        workers.close();
    }
}
