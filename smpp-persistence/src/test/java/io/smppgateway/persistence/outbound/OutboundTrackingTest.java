package io.smppgateway.persistence.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.persistence.MessageStatus;
import io.smppgateway.persistence.ValidationException;
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

    private TrackedSegment sent(String gatewayMsgId) {
        String msgId = msgId();
        assertEquals(AcceptResult.ACCEPTED, await(tracking.accept(OutboundSegment.single(msgId, smsc, 0, 1_000))));
        assertTrue(await(tracking.markSent(msgId, 1, gatewayMsgId, 2_000, 3_000)));
        return await(tracking.find(msgId, 1)).orElseThrow();
    }

    @Test
    void acceptedSegmentIsTrackedWithEveryField() {
        String msgId = msgId();
        OutboundSegment segment = new OutboundSegment(msgId, smsc, 2, 3, 65535, 8, 1721980552913L);

        assertEquals(AcceptResult.ACCEPTED, await(tracking.accept(segment)));

        TrackedSegment tracked = await(tracking.find(msgId, 2)).orElseThrow();
        assertEquals(new TrackedSegment(tracked.id(), msgId, smsc, 2, 3, 65535, 8, MessageStatus.ACCEPTED, 0, null,
                1721980552913L, 0, 0, 0), tracked);
    }

    @Test
    void redeliveredMsgIdIsRecognisedAsDuplicate() {
        OutboundSegment segment = OutboundSegment.single(msgId(), smsc, 0, 1_000);

        assertEquals(AcceptResult.ACCEPTED, await(tracking.accept(segment)));
        assertEquals(AcceptResult.DUPLICATE, await(tracking.accept(segment)));
    }

    @Test
    void concurrentCopiesOfOneMsgIdAreAcceptedOnce() {
        OutboundSegment segment = OutboundSegment.single(msgId(), smsc, 0, 1_000);

        List<CompletableFuture<AcceptResult>> copies = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> tracking.accept(segment)).toList();

        long accepted = copies.stream().map(DatabaseTest::await).filter(r -> r == AcceptResult.ACCEPTED).count();
        assertEquals(1, accepted);
    }

    @Test
    void acceptAllReportsEachSegmentIncludingDuplicatesWithinTheCall() {
        String msgId = msgId();
        String tracked = msgId();
        await(tracking.accept(OutboundSegment.single(tracked, smsc, 0, 1)));

        List<AcceptResult> results = await(tracking.acceptAll(List.of(
                new OutboundSegment(msgId, smsc, 1, 2, 7, 0, 1),
                new OutboundSegment(msgId, smsc, 2, 2, 7, 0, 1),
                new OutboundSegment(msgId, smsc, 2, 2, 7, 0, 1),
                OutboundSegment.single(tracked, smsc, 0, 1))));

        assertEquals(List.of(AcceptResult.ACCEPTED, AcceptResult.ACCEPTED, AcceptResult.DUPLICATE, AcceptResult.DUPLICATE),
                results);
    }

    @Test
    void markSentRecordsTheSmscIdAndTimes() {
        String msgId = msgId();
        await(tracking.accept(OutboundSegment.single(msgId, smsc, 0, 1_000)));

        assertTrue(await(tracking.markSent(msgId, 1, "00AB12", 2_000, 3_000)));

        TrackedSegment tracked = await(tracking.find(msgId, 1)).orElseThrow();
        assertEquals(MessageStatus.SENT, tracked.status());
        assertEquals("00AB12", tracked.gatewayMsgId(), "the id is kept as the SMSC gave it");
        assertEquals(List.of(1_000L, 2_000L, 3_000L, 0L),
                List.of(tracked.acptTime(), tracked.sentTime(), tracked.smscTime(), tracked.dlrTime()));
    }

    @Test
    void markSentOfUntrackedSegmentIsFalse() {
        assertFalse(await(tracking.markSent(msgId(), 1, "1", 2, 3)));
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
    void receiptArrivingBeforeTheSentMarkIsRetriedNotDropped() throws Exception {
        String msgId = msgId();
        await(tracking.accept(OutboundSegment.single(msgId, smsc, 0, 1_000)));

        CompletableFuture<Optional<TrackedSegment>> lookup = tracking.findByGatewayId(smsc, "777000111");
        Thread.sleep(150);
        assertFalse(lookup.isDone(), "still looking");
        await(tracking.markSent(msgId, 1, "777000111", 2_000, 3_000));

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
        assertFalse(await(tracking.markSent(tracked.msgId(), 1, "123", 7_000, 7_000)), "a final segment is not sent again");

        TrackedSegment after = await(tracking.find(tracked.msgId(), 1)).orElseThrow();
        assertEquals(MessageStatus.DELIVERED, after.status());
        assertEquals(5_000, after.dlrTime());
        assertEquals("99887766", after.gatewayMsgId());
    }

    @Test
    void marksQueuedTogetherApplyInTheOrderTheyWereMade() {
        String msgId = msgId();
        await(tracking.accept(OutboundSegment.single(msgId, smsc, 0, 1_000)));

        // not awaited one by one, so the writer usually takes them in one batch
        CompletableFuture<Boolean> firstSent = tracking.markSent(msgId, 1, "a1", 2_000, 2_000);
        CompletableFuture<Boolean> secondSent = tracking.markSent(msgId, 1, "a2", 2_100, 2_100);
        CompletableFuture<Boolean> delivered = tracking.markFinal(msgId, 1, MessageStatus.DELIVERED, 0, 5_000);
        CompletableFuture<Boolean> undelivered = tracking.markFinal(msgId, 1, MessageStatus.UNDELIVERED, 7, 6_000);

        assertTrue(await(firstSent));
        assertTrue(await(secondSent));
        assertTrue(await(delivered));
        assertFalse(await(undelivered), "the first final status wins within a batch too");
        TrackedSegment after = await(tracking.find(msgId, 1)).orElseThrow();
        assertEquals(MessageStatus.DELIVERED, after.status());
        assertEquals("a2", after.gatewayMsgId());
        assertEquals(2_100, after.sentTime());
        assertEquals(5_000, after.dlrTime());
        assertEquals(0, after.errCode());
        assertEquals(after, await(tracking.findByGatewayId(smsc, "A2")).orElseThrow());
    }

    @Test
    void rejectedBeforeSendingIsFinalWithItsErrorCode() {
        String msgId = msgId();
        await(tracking.accept(OutboundSegment.single(msgId, smsc, 0, 1_000)));

        assertTrue(await(tracking.markFinal(msgId, 1, MessageStatus.REJECTED, 0x58, 1_500)));

        TrackedSegment tracked = await(tracking.find(msgId, 1)).orElseThrow();
        assertEquals(MessageStatus.REJECTED, tracked.status());
        assertEquals(0x58, tracked.errCode());
    }

    @Test
    void unfinishedSentSegmentsBeforeTheCutoffAreFoundOldestFirst() {
        String smscExpiry = "expiry-" + UUID.randomUUID();
        long base = 9_000_000_000_000L;   // after every other test's sent_time, so only ours qualify
        String[] ids = {msgId(), msgId(), msgId(), msgId(), msgId()};
        for (String id : ids) {
            await(tracking.accept(OutboundSegment.single(id, smscExpiry, 0, base)));
        }
        await(tracking.markSent(ids[0], 1, "e0", base + 300, base + 300));
        await(tracking.markSent(ids[1], 1, "e1", base + 100, base + 100));
        await(tracking.markSent(ids[2], 1, "e2", base + 200, base + 200));
        await(tracking.markSent(ids[3], 1, "e3", base + 50, base + 50));
        await(tracking.markFinal(ids[3], 1, MessageStatus.DELIVERED, 0, base + 60));
        await(tracking.markSent(ids[4], 1, "e4", base + 5_000, base + 5_000));

        List<TrackedSegment> due = await(tracking.findUnfinishedSentBefore(base + 1_000, 10_000)).stream()
                .filter(s -> s.smscId().equals(smscExpiry)).toList();

        assertEquals(List.of(ids[1], ids[2], ids[0]), due.stream().map(TrackedSegment::msgId).toList());
        assertEquals(1, await(tracking.findUnfinishedSentBefore(base + 1_000, 1)).size());
    }

    @Test
    void overlongValuesAreRefusedBeforeSql() {
        ValidationException segment = assertThrows(ValidationException.class,
                () -> new OutboundSegment("m".repeat(256), "s".repeat(101), 3, 2, 65536, 256, -1));
        assertEquals(Map.of(
                "msg_id", "max 255 characters (got 256)",
                "smsc_id", "max 100 characters (got 101)",
                "part_number", "must not exceed total_parts (3 > 2)",
                "reference", "must be between 0 and 65535 (got 65536)",
                "data_coding", "must be between 0 and 255 (got 256)",
                "acpt_time", "must be between 0 and 9223372036854775807 (got -1)"), segment.fields());

        String msgId = msgId();
        await(tracking.accept(OutboundSegment.single(msgId, smsc, 0, 1)));
        ValidationException markSent = assertThrows(ValidationException.class,
                () -> await(tracking.markSent(msgId, 1, "9".repeat(101), 2, 3)));
        assertEquals(Map.of("gateway_msg_id", "max 100 characters (got 101)"), markSent.fields());
        assertEquals(MessageStatus.ACCEPTED, await(tracking.find(msgId, 1)).orElseThrow().status(), "nothing written");

        assertThrows(ValidationException.class, () -> await(tracking.markFinal(msgId, 1, MessageStatus.SENT, 0, 1)));
        assertThrows(ValidationException.class, () -> await(tracking.findByGatewayId(smsc, "")));
    }
}
