package io.smppgateway.persistence.outbound;

import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.store.outbound.TrackedSegment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OutboundTrackingTest extends DatabaseTest {

    private final OutboundTracking tracking = db().outbound();
    private final String smsc = "smsc-" + UUID.randomUUID();

    private static String msgId() {
        return UUID.randomUUID().toString();
    }

    /** A single segment as the SMSC answered it with {@code gatewayMsgId}, not stored yet. */
    private TrackedSegment answered(String msgId, String gatewayMsgId, long sentTime) {
        return new TrackedSegment(msgId, smsc, 1, 1, 0, 0, MessageStatus.SENT, 0, gatewayMsgId, 1_000, sentTime,
                sentTime + 1_000, 0);
    }

    private TrackedSegment sent(String gatewayMsgId) {
        String msgId = msgId();
        assertTrue(await(tracking.record(answered(msgId, gatewayMsgId, 2_000))));
        return await(tracking.find(msgId, 1)).orElseThrow();
    }

    @Test
    void recordedSegmentIsTrackedWithEveryField() {
        String msgId = msgId();
        TrackedSegment segment = new TrackedSegment(msgId, smsc, 2, 3, 65535, 8, MessageStatus.SENT, 0, "00AB12",
                1721980552913L, 1721980552950L, 1721980552990L, 0);

        assertTrue(await(tracking.record(segment)));

        TrackedSegment tracked = await(tracking.find(msgId, 2)).orElseThrow();
        assertEquals(new TrackedSegment(msgId, smsc, 2, 3, 65535, 8, MessageStatus.SENT, 0, "00AB12",
                1721980552913L, 1721980552950L, 1721980552990L, 0), tracked, "the id is kept as the SMSC gave it");
        assertEquals(Optional.empty(), await(tracking.find(msgId, 1)), "another part of the message is not tracked");
    }

    @Test
    void segmentsOfAMessageAreEveryStoredPartInPartOrder() {
        String msgId = msgId();
        TrackedSegment second = new TrackedSegment(msgId, smsc, 2, 2, 7, 0, MessageStatus.SENT, 0, "b2", 1_000,
                2_000, 3_000, 0);
        TrackedSegment first = new TrackedSegment(msgId, smsc, 1, 2, 7, 0, MessageStatus.REJECTED, 11, null, 1_000,
                2_500, 0, 2_600);
        assertTrue(await(tracking.record(second)));
        assertTrue(await(tracking.record(first)));
        assertTrue(await(tracking.markFinal(msgId, 2, MessageStatus.DELIVERED, 0, 9_000)));

        assertEquals(List.of(first, second.withFinal(MessageStatus.DELIVERED, 0, 9_000)),
                await(tracking.segments(msgId)));
        assertEquals(List.of(), await(tracking.segments(msgId())), "a message without rows has no segments");
    }

    @Test
    void aStoredSegmentIsFoundByTheSmscsIdInAnyForm() {
        TrackedSegment tracked = sent("3ADE68B1");

        assertEquals(Optional.of(tracked), await(tracking.findStoredByGatewayId(smsc, "987654321")));
        assertEquals(Optional.of(tracked), await(tracking.findStoredByGatewayId(smsc, "3ade68b1")));
        assertEquals(Optional.empty(), await(tracking.findStoredByGatewayId("other-" + smsc, "3ADE68B1")),
                "the id of another SMSC");
        assertEquals(Optional.empty(), await(tracking.findStoredByGatewayId(smsc, "no-such-id")));
    }

    @Test
    void aSegmentWithoutARowIsNotFound() {
        assertEquals(Optional.empty(), await(tracking.find(msgId(), 1)));
    }

    @Test
    void aSecondRecordOfTheSameSegmentIsRefusedAndChangesNothing() {
        String msgId = msgId();
        assertTrue(await(tracking.record(answered(msgId, "first", 2_000))));

        assertFalse(await(tracking.record(answered(msgId, "second", 3_000))));

        TrackedSegment tracked = await(tracking.find(msgId, 1)).orElseThrow();
        assertEquals("first", tracked.gatewayMsgId());
        assertEquals(2_000, tracked.sentTime());
    }

    @Test
    void concurrentCopiesOfOneSegmentAreRecordedOnce() {
        String msgId = msgId();

        List<CompletableFuture<Boolean>> copies = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> tracking.record(answered(msgId, "copy" + i, 2_000 + i))).toList();

        assertEquals(1, copies.stream().map(DatabaseTest::await).filter(stored -> stored).count());
        String stored = await(tracking.find(msgId, 1)).orElseThrow().gatewayMsgId();
        assertEquals(1, await(tracking.findByGatewayId(smsc, stored)).stream().count());
    }

    @Test
    void recordAllReportsEachSegmentIncludingDuplicatesWithinTheCall() {
        String msgId = msgId();
        String tracked = msgId();
        await(tracking.record(answered(tracked, "t1", 2_000)));

        List<Boolean> results = await(tracking.recordAll(List.of(
                new TrackedSegment(msgId, smsc, 1, 2, 7, 0, MessageStatus.SENT, 0, "p1", 1, 2, 3, 0),
                new TrackedSegment(msgId, smsc, 2, 2, 7, 0, MessageStatus.SENT, 0, "p2", 1, 2, 3, 0),
                new TrackedSegment(msgId, smsc, 2, 2, 7, 0, MessageStatus.SENT, 0, "p2again", 1, 2, 3, 0),
                answered(tracked, "t2", 3_000))));

        assertEquals(List.of(true, true, false, false), results);
        assertEquals("p2", await(tracking.find(msgId, 2)).orElseThrow().gatewayMsgId());
    }

    @Test
    void aSegmentRejectedByTheSmscIsRecordedFinalWithoutAnId() {
        String msgId = msgId();

        assertTrue(await(tracking.record(new TrackedSegment(msgId, smsc, 1, 1, 0, 0, MessageStatus.REJECTED, 0x58,
                null, 1_000, 1_200, 1_500, 1_500))));

        TrackedSegment tracked = await(tracking.find(msgId, 1)).orElseThrow();
        assertEquals(MessageStatus.REJECTED, tracked.status());
        assertEquals(0x58, tracked.errCode());
        assertEquals(null, tracked.gatewayMsgId());
        assertFalse(await(tracking.markFinal(msgId, 1, MessageStatus.DELIVERED, 0, 9_000)), "already final");
    }

    @Test
    void receiptInDecimalFindsIdGivenInHex() {
        TrackedSegment tracked = sent("3ADE68B1");

        assertEquals(Optional.of(tracked), await(tracking.findByGatewayId(smsc, "987654321")));
    }

    @Test
    void receiptInHexFindsIdGivenInDecimal() {
        TrackedSegment tracked = sent("987654322");

        assertEquals(Optional.of(tracked), await(tracking.findByGatewayId(smsc, "3ade68b2")));
        assertEquals(Optional.of(tracked), await(tracking.findByGatewayId(smsc, "3ADE68B2")));
    }

    @Test
    void leadingZerosAndCaseDoNotMatter() {
        TrackedSegment tracked = sent("000ABCDEF1");

        assertEquals(Optional.of(tracked), await(tracking.findByGatewayId(smsc, "abcdef1")));
        assertEquals(Optional.of(tracked), await(tracking.findByGatewayId(smsc, "0000000000ABCDEF1")));
    }

    @Test
    void exactFormWinsOverAConversion() {
        // "10" stored as is, and 0x10 = 16 stored in decimal: a receipt "10" means the first
        TrackedSegment exact = sent("10");
        sent("16");

        assertEquals(Optional.of(exact), await(tracking.findByGatewayId(smsc, "10")));
    }

    @Test
    void sameIdAtAnotherSmscIsNotFound() {
        sent("55501");

        assertEquals(Optional.empty(), await(tracking.findByGatewayId("other-" + smsc, "55501")));
    }

    @Test
    void receiptArrivingBeforeTheSegmentIsRecordedIsRetriedNotDropped() throws Exception {
        String msgId = msgId();

        CompletableFuture<Optional<TrackedSegment>> lookup = tracking.findByGatewayId(smsc, "777000111");
        Thread.sleep(150);
        assertFalse(lookup.isDone(), "still looking");
        await(tracking.record(answered(msgId, "777000111", 2_000)));

        assertEquals(msgId, await(lookup).orElseThrow().msgId());
    }

    @Test
    void aReceiptForASegmentRecordedByAnotherProcessIsFoundInTheDatabase() {
        String msgId = msgId();
        try (io.smppgateway.persistence.Database other = location().open(OPTIONS)) {
            assertTrue(await(other.outbound().record(answered(msgId, "5150", 2_000))));
        }

        assertEquals(msgId, await(tracking.findByGatewayId(smsc, "5150")).orElseThrow().msgId());
    }

    @Test
    void aRepeatedReceiptSeesTheFinalStatusThatTheFirstSet() {
        TrackedSegment tracked = sent("808080");
        assertEquals(MessageStatus.SENT, await(tracking.findByGatewayId(smsc, "808080")).orElseThrow().status());

        assertTrue(await(tracking.markFinal(tracked.msgId(), 1, MessageStatus.UNDELIVERED, 5, 9_000)));

        TrackedSegment again = await(tracking.findByGatewayId(smsc, "808080")).orElseThrow();
        assertEquals(MessageStatus.UNDELIVERED, again.status());
        assertEquals(5, again.errCode());
        assertEquals(9_000, again.dlrTime());
        assertEquals(again, await(tracking.find(tracked.msgId(), 1)).orElseThrow(), "memory and database agree");
    }

    @Test
    void aReceiptLookedUpWhileItsSegmentIsBeingRecordedGetsIt() {
        String msgId = msgId();

        CompletableFuture<Boolean> recorded = tracking.record(answered(msgId, "4242", 2_000));
        CompletableFuture<Optional<TrackedSegment>> lookup = tracking.findByGatewayId(smsc, "4242");

        assertTrue(await(recorded));
        assertEquals(msgId, await(lookup).orElseThrow().msgId());
    }

    @Test
    void unknownReceiptIdIsEmptyOnceTheWindowPasses() {
        assertEquals(Optional.empty(), await(tracking.findByGatewayId(smsc, "no-such-id")));
    }

    @Test
    void firstFinalStatusWins() {
        TrackedSegment tracked = sent("99887766");

        assertTrue(await(tracking.markFinal(tracked.msgId(), 1, MessageStatus.DELIVERED, 0, 5_000)));
        assertFalse(await(tracking.markFinal(tracked.msgId(), 1, MessageStatus.EXPIRED, 0, 6_000)));
        assertFalse(await(tracking.record(answered(tracked.msgId(), "123", 7_000))), "a tracked segment is not recorded again");

        TrackedSegment after = await(tracking.find(tracked.msgId(), 1)).orElseThrow();
        assertEquals(MessageStatus.DELIVERED, after.status());
        assertEquals(5_000, after.dlrTime());
        assertEquals("99887766", after.gatewayMsgId());
    }

    @Test
    void stepsQueuedTogetherApplyInTheOrderTheyWereMade() {
        String msgId = msgId();

        // not awaited one by one, so the writer usually takes them in one batch
        CompletableFuture<Optional<TrackedSegment>> before = tracking.find(msgId, 1);
        CompletableFuture<Boolean> recorded = tracking.record(answered(msgId, "a2", 2_100));
        CompletableFuture<Optional<TrackedSegment>> afterRecord = tracking.find(msgId, 1);
        CompletableFuture<Boolean> delivered = tracking.markFinal(msgId, 1, MessageStatus.DELIVERED, 0, 5_000);
        CompletableFuture<Boolean> undelivered = tracking.markFinal(msgId, 1, MessageStatus.UNDELIVERED, 7, 6_000);

        assertTrue(await(recorded));
        assertTrue(await(afterRecord).isPresent(), "a read queued after the record sees it");
        assertTrue(await(delivered));
        assertFalse(await(undelivered), "the first final status wins within a batch too");
        TrackedSegment after = await(tracking.find(msgId, 1)).orElseThrow();
        assertEquals(MessageStatus.DELIVERED, after.status());
        assertEquals("a2", after.gatewayMsgId());
        assertEquals(2_100, after.sentTime());
        assertEquals(5_000, after.dlrTime());
        assertEquals(0, after.errCode());
        assertEquals(after, await(tracking.findByGatewayId(smsc, "A2")).orElseThrow());
        await(before);
    }

    @Test
    void unfinishedSentSegmentsBeforeTheCutoffAreFoundInTheOrderRecordedUpToTheFirstNotDue() {
        String smscExpiry = "expiry-" + UUID.randomUUID();
        long base = 9_000_000_000_000L;   // after every other test's sent_time, so only ours qualify
        String[] ids = {msgId(), msgId(), msgId(), msgId(), msgId(), msgId()};
        long[] sentTimes = {base + 300, base + 100, base + 200, base + 50, base + 5_000, base + 400};
        for (int i = 0; i < ids.length; i++) {
            await(tracking.record(new TrackedSegment(ids[i], smscExpiry, 1, 1, 0, 0, MessageStatus.SENT, 0, "e" + i,
                    base, sentTimes[i], sentTimes[i], 0)));
        }
        await(tracking.markFinal(ids[3], 1, MessageStatus.DELIVERED, 0, base + 60));

        List<TrackedSegment> due = await(tracking.findUnfinishedSentBefore(base + 1_000, 10_000)).stream()
                .filter(s -> s.smscId().equals(smscExpiry)).toList();

        // ids[3] is final; ids[4] is not due, so ids[5], recorded after it, waits for it
        assertEquals(List.of(ids[0], ids[1], ids[2]), due.stream().map(TrackedSegment::msgId).toList());
        assertEquals(1, await(tracking.findUnfinishedSentBefore(base + 1_000, 1)).size());
        assertEquals(List.of(ids[0], ids[1], ids[2], ids[4], ids[5]), await(tracking.findUnfinishedSentBefore(
                base + 6_000, 10_000)).stream().filter(s -> s.smscId().equals(smscExpiry))
                .map(TrackedSegment::msgId).toList());
    }

    @Test
    void theExpiryScanPassesFinalRowsOnceAndFindsWhatIsRecordedLater() {
        long base = 9_100_000_000_000L;
        String[] ids = {msgId(), msgId(), msgId()};
        for (String id : ids) {
            await(tracking.record(new TrackedSegment(id, smsc, 1, 1, 0, 0, MessageStatus.SENT, 0, "x" + id, base,
                    base, base, 0)));
        }
        List<TrackedSegment> first = await(tracking.findUnfinishedSentBefore(base + 1_000, 100_000));
        for (TrackedSegment segment : first) {
            assertTrue(await(tracking.markFinal(segment.msgId(), 1, MessageStatus.EXPIRED, 0, base + 1_000)));
        }
        assertTrue(first.stream().map(TrackedSegment::msgId).toList().containsAll(List.of(ids)));

        assertEquals(List.of(), await(tracking.findUnfinishedSentBefore(base + 1_000, 100_000)), "all final now");
        String later = msgId();
        await(tracking.record(new TrackedSegment(later, smsc, 1, 1, 0, 0, MessageStatus.SENT, 0, "later", base,
                base + 10, base + 10, 0)));
        assertEquals(List.of(later), await(tracking.findUnfinishedSentBefore(base + 1_000, 100_000)).stream()
                .map(TrackedSegment::msgId).toList());
    }

    @Test
    void overlongAndInvalidValuesAreRefusedBeforeSql() {
        String msgId = msgId();
        ValidationException refused = assertThrows(ValidationException.class, () -> await(tracking.record(
                new TrackedSegment("m".repeat(256), "s".repeat(101), 3, 2, 65536, 256, MessageStatus.SENT, -1,
                        "9".repeat(101), -1, 0, 0, 0))));
        assertEquals(Map.of(
                "msg_id", "max 255 characters (got 256)",
                "smsc_id", "max 100 characters (got 101)",
                "part_number", "must not exceed total_parts (3 > 2)",
                "reference", "must be between 0 and 65535 (got 65536)",
                "data_coding", "must be between 0 and 255 (got 256)",
                "err_code", "must be between 0 and 2147483647 (got -1)",
                "acpt_time", "must be between 0 and 9223372036854775807 (got -1)",
                "gateway_msg_id", "max 100 characters (got 101)"), refused.fields());

        ValidationException noId = assertThrows(ValidationException.class,
                () -> await(tracking.record(answered(msgId, null, 2_000))));
        assertEquals(Map.of("gateway_msg_id", "required"), noId.fields(), "a sent segment needs the SMSC's id");
        ValidationException notAnOutcome = assertThrows(ValidationException.class, () -> await(tracking.record(
                new TrackedSegment(msgId, smsc, 1, 1, 0, 0, MessageStatus.ACCEPTED, 0, null, 1, 0, 0, 0))));
        assertEquals(List.of("status"), List.copyOf(notAnOutcome.fields().keySet()));
        assertEquals(Optional.empty(), await(tracking.find(msgId, 1)), "nothing written");

        assertThrows(ValidationException.class, () -> await(tracking.markFinal(msgId, 1, MessageStatus.SENT, 0, 1)));
        assertThrows(ValidationException.class, () -> await(tracking.findByGatewayId(smsc, "")));
    }
}
