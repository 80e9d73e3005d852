package io.smppgateway.persistence.outbound;

import io.smppgateway.store.outbound.TrackedSegment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.store.MessageStatus;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecentSegmentsTest {

    private static TrackedSegment sent(String msgId, String gatewayMsgId) {
        return new TrackedSegment(msgId, "smsc", 1, 1, 0, 0, MessageStatus.SENT, 0, gatewayMsgId, 1, 2, 3, 0);
    }

    private static String key(String gatewayMsgId) {
        return RecentSegments.lookupKey("smsc", gatewayMsgId);
    }

    @Test
    void theOldestRecordedSegmentGoesFirstOnceTheCapacityIsReached() {
        RecentSegments recent = new RecentSegments(2);
        recent.recorded(key("a"), sent("m1", "a"));
        recent.recorded(key("b"), sent("m2", "b"));
        recent.recorded(key("c"), sent("m3", "c"));

        assertNull(recent.get(key("a")));
        assertEquals("m2", recent.get(key("b")).msgId());
        assertEquals("m3", recent.get(key("c")).msgId());
    }

    @Test
    void theSameKeyAtAnotherSmscIsAnotherSegment() {
        RecentSegments recent = new RecentSegments(10);
        recent.recorded(key("a"), sent("m1", "a"));

        assertNull(recent.get(RecentSegments.lookupKey("other", "a")));
    }

    @Test
    void aKeyRecordedAgainGivesTheLaterSegmentAndEvictingTheEarlierKeepsIt() {
        RecentSegments recent = new RecentSegments(2);
        recent.recorded(key("a"), sent("m1", "a"));
        recent.recorded(key("a"), sent("m2", "a"));
        assertEquals("m2", recent.get(key("a")).msgId());

        recent.recorded(key("b"), sent("m3", "b"));   // m1 goes

        assertEquals("m2", recent.get(key("a")).msgId());
    }

    @Test
    void aFinalStatusSetHereIsWhatALaterLookupSees() {
        RecentSegments recent = new RecentSegments(10);
        recent.recorded(key("a"), sent("m1", "a"));

        recent.finalised("m1", 1, MessageStatus.DELIVERED, 0, 99);
        recent.finalised("unknown", 1, MessageStatus.DELIVERED, 0, 99);

        TrackedSegment after = recent.get(key("a"));
        assertEquals(MessageStatus.DELIVERED, after.status());
        assertEquals(99, after.dlrTime());
        assertEquals("a", after.gatewayMsgId());
    }

    @Test
    void aPendingRecordIsFoundUntilItSettles() {
        RecentSegments recent = new RecentSegments(10);
        CompletableFuture<Void> settled = new CompletableFuture<>();
        recent.recording(key("a"), settled);

        assertSame(settled, recent.pending(key("a")));
        settled.complete(null);

        assertNull(recent.pending(key("a")));
        assertTrue(settled.isDone());
    }
}
