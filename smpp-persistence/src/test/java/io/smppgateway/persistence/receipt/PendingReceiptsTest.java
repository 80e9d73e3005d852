package io.smppgateway.persistence.receipt;

import io.smppgateway.store.receipt.PendingReceipt;
import io.smppgateway.store.receipt.PendingReceipts;
import io.smppgateway.store.receipt.PendingReceiptsFullException;
import io.smppgateway.store.receipt.QueuedReceipt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.Database;
import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PendingReceiptsTest extends DatabaseTest {

    private static final AtomicLong NEXT_CLIENT = new AtomicLong(1_000);
    /** The shared database's bound: {@link DatabaseTest#OPTIONS}. */
    private static final int BOUND = 5;

    private final PendingReceipts receipts = db().pendingReceipts();
    private final long client = NEXT_CLIENT.incrementAndGet();

    private PendingReceipt receipt(String msgId) {
        return new PendingReceipt(client, msgId, MessageStatus.DELIVERED, 0, 1721980562327L);
    }

    private List<String> waitingIds(PendingReceipts from) {
        return await(from.oldest(client, 100)).stream().map(q -> q.receipt().msgId()).toList();
    }

    @Test
    void receiptsComeBackInTheOrderTheyWereAppended() {
        List<CompletableFuture<Void>> appends = IntStream.range(0, BOUND)
                .mapToObj(i -> receipts.append(receipt("m" + i))).toList();
        appends.forEach(DatabaseTest::await);

        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), waitingIds(receipts));
        assertEquals(BOUND, await(receipts.count(client)));
        assertEquals(receipt("m0"), await(receipts.oldest(client, 1)).get(0).receipt());
    }

    @Test
    void removedReceiptsAreGoneAndTheRestKeepTheirOrder() {
        for (int i = 0; i < 4; i++) {
            await(receipts.append(receipt("m" + i)));
        }
        List<QueuedReceipt> oldest = await(receipts.oldest(client, 2));

        assertEquals(2, await(receipts.remove(client, oldest.stream().map(QueuedReceipt::id).toList())));

        assertEquals(List.of("m2", "m3"), waitingIds(receipts));
        assertEquals(2, await(receipts.count(client)));
        assertEquals(0, await(receipts.remove(client, oldest.stream().map(QueuedReceipt::id).toList())),
                "removing twice removes nothing");
    }

    @Test
    void theBoundPerClientIsReportedClearly() {
        for (int i = 0; i < BOUND; i++) {
            await(receipts.append(receipt("m" + i)));
        }

        PendingReceiptsFullException error = assertThrows(PendingReceiptsFullException.class,
                () -> await(receipts.append(receipt("one-too-many"))));
        assertEquals(client, error.clientId());
        assertEquals("client " + client + " already has 5 receipts waiting for a receiver bind (the limit):"
                + " bind a receiver to drain them", error.getMessage());

        await(receipts.remove(client, List.of(await(receipts.oldest(client, 1)).get(0).id())));
        await(receipts.append(receipt("fits-again")));
        assertEquals(List.of("m1", "m2", "m3", "m4", "fits-again"), waitingIds(receipts));
    }

    @Test
    void concurrentAppendsBeyondTheBoundKeepExactlyTheBound() {
        List<CompletableFuture<Void>> appends = IntStream.range(0, 3 * BOUND)
                .mapToObj(i -> receipts.append(receipt("c" + i))).toList();

        long refused = appends.stream().filter(f -> {
            try {
                await(f);
                return false;
            } catch (PendingReceiptsFullException e) {
                return true;
            }
        }).count();

        assertEquals(2 * BOUND, refused);
        assertEquals(BOUND, await(receipts.count(client)));
        assertEquals(BOUND, waitingIds(receipts).size());
    }

    @Test
    void clientsHaveSeparateQueuesAndCounts() {
        long other = NEXT_CLIENT.incrementAndGet();
        await(receipts.append(receipt("mine")));
        await(receipts.append(new PendingReceipt(other, "theirs", MessageStatus.UNDELIVERED, 11, 5)));

        assertEquals(List.of("mine"), waitingIds(receipts));
        Map<Long, Integer> counts = await(receipts.counts());
        assertEquals(1, counts.get(client));
        assertEquals(1, counts.get(other));
    }

    @Test
    void receiptsAreSeenByASecondDatabaseOnTheSameStore() {
        await(receipts.append(receipt("durable-1")));
        await(receipts.append(receipt("durable-2")));

        try (Database reopened = location().open(OPTIONS)) {
            assertEquals(List.of("durable-1", "durable-2"), waitingIds(reopened.pendingReceipts()));
        }
    }

    @Test
    void invalidReceiptsAreRefusedBeforeSql() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> new PendingReceipt(0, "m".repeat(256), MessageStatus.SENT, 256, -1));

        assertEquals(Map.of(
                "client_id", "must be between 1 and 9223372036854775807 (got 0)",
                "msg_id", "max 255 characters (got 256)",
                "err_code", "must be between 0 and 255 (got 256)",
                "done_time", "must be between 0 and 9223372036854775807 (got -1)",
                "status", "must be a final status, not 'sent'"), error.fields());
    }

    @Test
    void oneDrainerAtATimeHoldsAClientsLease() {
        await(receipts.append(receipt("m0")));

        assertTrue(await(receipts.leaseDrain(client, "instance-a", 1_000, 31_000)));
        assertFalse(await(receipts.leaseDrain(client, "instance-b", 2_000, 32_000)),
                "another instance may not drain while the lease runs");
        assertTrue(await(receipts.leaseDrain(client, "instance-a", 3_000, 33_000)), "the holder renews it");

        await(receipts.releaseDrain(client, "instance-b"));
        assertFalse(await(receipts.leaseDrain(client, "instance-b", 4_000, 34_000)),
                "only the holder gives it back");
        await(receipts.releaseDrain(client, "instance-a"));
        assertTrue(await(receipts.leaseDrain(client, "instance-b", 5_000, 35_000)), "given back, anyone takes it");
    }

    @Test
    void aLeaseWhoseHolderStoppedRenewingPassesOn() {
        await(receipts.append(receipt("m0")));
        assertTrue(await(receipts.leaseDrain(client, "instance-a", 1_000, 31_000)));

        assertFalse(await(receipts.leaseDrain(client, "instance-b", 31_000, 61_000)));
        assertTrue(await(receipts.leaseDrain(client, "instance-b", 31_001, 61_001)),
                "after its end the lease is free");
        assertFalse(await(receipts.leaseDrain(client, "instance-a", 31_002, 61_002)));
    }

    @Test
    void aClientWithNothingEverQueuedHasNoLeaseToTake() {
        assertFalse(await(receipts.leaseDrain(client, "instance-a", 1_000, 31_000)));
    }
}
