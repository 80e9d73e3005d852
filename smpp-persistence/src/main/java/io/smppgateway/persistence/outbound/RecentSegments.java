package io.smppgateway.persistence.outbound;

import io.smppgateway.store.outbound.TrackedSegment;
import io.smppgateway.store.MessageStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segments this process recorded lately, by SMSC and stored gateway key, so that their
 * receipts are matched without a database read; and the segments whose record is still on its way
 * to the database, so that a receipt which overtook its submit_sm_resp bookkeeping (fast SMSCs do
 * that) waits for it instead of polling. At most {@code capacity} segments, the oldest recorded
 * going first.
 *
 * <p>A final status set through this process is applied here too, so a repeated receipt is seen as
 * repeated. One set by another process is not: there the lookup answers with the segment still
 * {@code sent}, and the final mark, which reads the row under a lock, still decides alone which
 * final status wins.
 */
final class RecentSegments {

    private final int capacity;
    /** Recorded segments by {@link JdbiOutboundTracking#segmentKey}, oldest first; guarded by {@code this}. */
    private final LinkedHashMap<String, Recorded> bySegment = new LinkedHashMap<>();
    /** The segment key of each recorded segment's lookup key; guarded by {@code this}. */
    private final Map<String, String> byLookupKey = new HashMap<>();
    /** Records not committed yet, by lookup key: each completes once its outcome is applied here. */
    private final Map<String, CompletableFuture<Void>> recording = new ConcurrentHashMap<>();

    private record Recorded(String lookupKey, TrackedSegment segment) {
    }

    RecentSegments(int capacity) {
        this.capacity = capacity;
    }

    boolean isOff() {
        return capacity == 0;
    }

    /** The key a receipt's first candidate is looked up by: the SMSC and the stored (normalised) id. */
    static String lookupKey(String smscId, String gatewayKey) {
        return smscId + '\n' + gatewayKey;
    }

    /** Notes a record on its way to the database; {@code settled} completes once {@link #recorded} has run. */
    void recording(String lookupKey, CompletableFuture<Void> settled) {
        recording.put(lookupKey, settled);
        settled.whenComplete((done, failure) -> recording.remove(lookupKey, settled));
    }

    /** The pending record of this key, if one is on its way. */
    CompletableFuture<Void> pending(String lookupKey) {
        return recording.get(lookupKey);
    }

    /** Keeps a segment that was stored, with the stored form of its gateway id. */
    synchronized void recorded(String lookupKey, TrackedSegment segment) {
        String segmentKey = JdbiOutboundTracking.segmentKey(segment.msgId(), segment.partNumber());
        Recorded previous = bySegment.put(segmentKey, new Recorded(lookupKey, segment));
        if (previous != null) {
            byLookupKey.remove(previous.lookupKey(), segmentKey);
        }
        byLookupKey.put(lookupKey, segmentKey);
        while (bySegment.size() > capacity) {
            Map.Entry<String, Recorded> eldest = bySegment.entrySet().iterator().next();
            bySegment.remove(eldest.getKey());
            byLookupKey.remove(eldest.getValue().lookupKey(), eldest.getKey());
        }
    }

    /** The segment recorded last under this lookup key, or null. */
    synchronized TrackedSegment get(String lookupKey) {
        String segmentKey = byLookupKey.get(lookupKey);
        return segmentKey == null ? null : bySegment.get(segmentKey).segment();
    }

    /** Applies a final status that this process stored. */
    synchronized void finalised(String msgId, int partNumber, MessageStatus status, int errCode, long dlrTime) {
        String segmentKey = JdbiOutboundTracking.segmentKey(msgId, partNumber);
        Recorded recorded = bySegment.get(segmentKey);
        if (recorded != null) {
            bySegment.put(segmentKey, new Recorded(recorded.lookupKey(),
                    recorded.segment().withFinal(status, errCode, dlrTime)));
        }
    }
}
