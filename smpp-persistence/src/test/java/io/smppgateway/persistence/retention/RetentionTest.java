package io.smppgateway.persistence.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.outbound.TrackedSegment;
import io.smppgateway.store.outbound.OutboundTracking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The shared database purges in batches of 7 ({@link DatabaseTest#OPTIONS}), so 30 old rows take several transactions. */
class RetentionTest extends DatabaseTest {

    @Test
    void rowsOlderThanTheRetentionArePurgedInSmallTransactionsAndNewerOnesKept() {
        OutboundTracking outbound = db().outbound();
        long now = System.currentTimeMillis();
        long old = now - Duration.ofDays(8).toMillis();
        long recent = now - Duration.ofDays(6).toMillis();
        List<String> oldIds = new ArrayList<>();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = UUID.randomUUID().toString();
            oldIds.add(id);
            writes.add(outbound.record(sentAt(id, old)));
            writes.add(db().inbound().record(new IssuedMessage(id, 1, old, "a", 0, 0, "b", 0, 0, 0, 0, 1, "")));
        }
        // segments are recorded in the order they are sent: the old ones first
        writes.forEach(DatabaseTest::await);
        String keptOutbound = UUID.randomUUID().toString();
        String keptInbound = UUID.randomUUID().toString();
        writes.add(outbound.record(sentAt(keptOutbound, recent)));
        writes.add(db().inbound().record(new IssuedMessage(keptInbound, 1, recent, "a", 0, 0, "b", 0, 0, 0, 0, 1, "")));
        writes.forEach(DatabaseTest::await);

        PurgeReport report = await(db().retention().purge());

        assertEquals(30, report.outboundRows());
        assertEquals(30, report.inboundRows());
        assertTrue(report.transactions() >= 2 * (30 / 7), "batches of 7: " + report);
        for (String id : oldIds) {
            assertEquals(Optional.empty(), await(outbound.find(id, 1)));
            assertEquals(Optional.empty(), await(db().inbound().find(id)));
        }
        assertTrue(await(outbound.find(keptOutbound, 1)).isPresent());
        assertTrue(await(db().inbound().find(keptInbound)).isPresent());
    }

    @Test
    void anOldSegmentRecordedAfterANewerOneGoesOnceTheNewerOneHasGone() {
        OutboundTracking outbound = db().outbound();
        long now = System.currentTimeMillis();
        String newer = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        await(outbound.record(sentAt(newer, now - Duration.ofDays(6).toMillis())));
        await(outbound.record(sentAt(older, now - Duration.ofDays(8).toMillis())));

        await(db().retention().purge());
        assertTrue(await(outbound.find(newer, 1)).isPresent());
        assertTrue(await(outbound.find(older, 1)).isPresent());

        assertTrue(await(db().retention().purgeOlderThan(now - Duration.ofDays(5).toMillis())).outboundRows() >= 2);
        assertEquals(Optional.empty(), await(outbound.find(newer, 1)));
        assertEquals(Optional.empty(), await(outbound.find(older, 1)));
    }

    private static TrackedSegment sentAt(String msgId, long time) {
        return new TrackedSegment(msgId, "retention", 1, 1, 0, 0, MessageStatus.SENT, 0, "g-" + msgId, time, time,
                time, 0);
    }

    @Test
    void purgingWithNothingOldRemovesNothing() {
        assertEquals(0, await(db().retention().purgeOlderThan(0)).outboundRows());
    }
}
