package io.smppgateway.persistence;

import io.smppgateway.store.MessageStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.store.outbound.TrackedSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Many writers and readers at once over the whole message path: every row is kept. */
class ConcurrencyTest extends DatabaseTest {

    private static final int WRITERS = 8;
    private static final int SEGMENTS_PER_WRITER = 300;

    @Test
    void concurrentWritersAndReadersKeepEveryRow() throws Exception {
        OutboundTracking tracking = db().outbound();
        String smsc = "conc-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    List<CompletableFuture<Boolean>> paths = new ArrayList<>();
                    for (int i = 0; i < SEGMENTS_PER_WRITER; i++) {
                        String msgId = run + "-" + writer + "-" + i;
                        String gatewayId = Long.toHexString(1_000_000L * (writer + 1) + i);
                        // the whole path: redelivery check -> record sent -> receipt lookup (in decimal) -> final
                        paths.add(tracking.find(msgId, 1)
                                .thenCompose(none -> tracking.record(new TrackedSegment(msgId, smsc, 1, 1, 0, 0,
                                        MessageStatus.SENT, 0, gatewayId, 1, 2, 3, 0)))
                                .thenCompose(sent -> tracking.findByGatewayId(smsc,
                                        Long.toString(Long.parseLong(gatewayId, 16))))
                                .thenCompose(found -> tracking.markFinal(found.orElseThrow().msgId(), 1,
                                        MessageStatus.DELIVERED, 0, 4)));
                    }
                    paths.forEach(path -> assertTrue(await(path)));
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    while (writing.get()) {
                        await(tracking.find(run + "-0-0", 1));
                        await(tracking.findUnfinishedSentBefore(Long.MAX_VALUE, 50));
                        reads.incrementAndGet();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertTrue(reads.get() > 0);
        for (int w = 0; w < WRITERS; w++) {
            for (int i = 0; i < SEGMENTS_PER_WRITER; i++) {
                String msgId = run + "-" + w + "-" + i;
                Optional<TrackedSegment> row = await(tracking.find(msgId, 1));
                assertEquals(MessageStatus.DELIVERED, row.orElseThrow().status(), msgId);
                assertEquals(Long.toHexString(1_000_000L * (w + 1) + i), row.get().gatewayMsgId());
            }
        }
        assertFalse(await(tracking.record(new TrackedSegment(run + "-3-7", smsc, 1, 1, 0, 0, MessageStatus.SENT, 0,
                "again", 1, 2, 3, 0))), "a tracked segment is not recorded twice");
    }
}
