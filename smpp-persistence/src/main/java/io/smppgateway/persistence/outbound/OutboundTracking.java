package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.MessageStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tracking of the segments we send to SMSCs, from SMS_OUT to the final DLR_IN. Every method
 * returns at once; the work runs on this module's threads, writes on the message path are group
 * committed, and a full queue fails the future with
 * {@link io.smppgateway.persistence.OverloadedException} instead of blocking. Invalid arguments fail
 * the future with {@link io.smppgateway.persistence.ValidationException} before any SQL runs.
 */
public interface OutboundTracking {

    /** Tracks a segment as {@code accepted}, or reports that its msg_id and part are already tracked. */
    CompletableFuture<AcceptResult> accept(OutboundSegment segment);

    /**
     * Tracks several segments in one transaction: all are stored or none (a multipart message).
     * The results are in the order of {@code segments}.
     */
    CompletableFuture<List<AcceptResult>> acceptAll(List<OutboundSegment> segments);

    /**
     * Records the SMSC's answer to submit_sm: status {@code sent}, its id and the times. Completes
     * with false when the segment is not tracked or already has a final status.
     */
    CompletableFuture<Boolean> markSent(String msgId, int partNumber, String gatewayMsgId, long sentTime, long smscTime);

    /**
     * Finds the segment an SMSC's receipt is about, whatever form the receipt gives the id in (see
     * {@link GatewayMessageId}). When nothing matches yet it looks again for a short while, because
     * a fast SMSC can send the receipt before the submit_sm_resp bookkeeping is committed.
     */
    CompletableFuture<Optional<TrackedSegment>> findByGatewayId(String smscId, String gatewayMsgId);

    /**
     * Sets a final status once: completes with true when this call set it, false when the segment
     * is unknown or already final (a repeated receipt), so that only one final DLR_IN is published.
     */
    CompletableFuture<Boolean> markFinal(String msgId, int partNumber, MessageStatus status, int errCode, long dlrTime);

    CompletableFuture<Optional<TrackedSegment>> find(String msgId, int partNumber);

    /**
     * Segments still {@code sent} (no final status) whose {@code sent_time} is before
     * {@code cutoffMillis}, oldest first, at most {@code limit}: the candidates for {@code expired}.
     * An index range read, however many rows are final.
     */
    CompletableFuture<List<TrackedSegment>> findUnfinishedSentBefore(long cutoffMillis, int limit);
}
