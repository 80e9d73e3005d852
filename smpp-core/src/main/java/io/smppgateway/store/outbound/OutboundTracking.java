package io.smppgateway.store.outbound;

import io.smppgateway.store.MessageStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tracking of the segments we send to SMSCs, from the SMSC's answer to the final DLR_IN. Every method
 * returns at once; the work runs on this module's threads, writes on the message path are group
 * committed, and a full queue fails the future with
 * {@link io.smppgateway.store.OverloadedException} instead of blocking. Invalid arguments fail
 * the future with {@link io.smppgateway.store.ValidationException} before any SQL runs.
 */
public interface OutboundTracking {

    /**
     * Stores a segment once its submission has an outcome, the whole row in one write: {@code sent}
     * with the SMSC's id and times, or a final status reached without a receipt ({@code rejected} by
     * the SMSC, {@code unknown} when it answered without an id). The row is written only then, not
     * when the segment is taken from SMS_OUT: a segment with no row was never answered, and a
     * redelivered copy of it may be submitted again. The row's {@code id} is ignored.
     *
     * <p>Completes with true when stored, false when the segment (msg_id and part) is tracked
     * already; that row is left as it was.
     */
    CompletableFuture<Boolean> record(TrackedSegment segment);

    /**
     * Records several segments in one transaction: all are stored or none. The results are in the
     * order of {@code segments}, each as {@link #record} gives it.
     */
    CompletableFuture<List<Boolean>> recordAll(List<TrackedSegment> segments);

    /**
     * Finds the segment an SMSC's receipt is about, whatever form the receipt gives the id in (see
     * smpp-persistence's {@code GatewayMessageId}). When nothing matches yet it looks again for a short while, because
     * a fast SMSC can send the receipt before the submit_sm_resp bookkeeping is committed.
     */
    CompletableFuture<Optional<TrackedSegment>> findByGatewayId(String smscId, String gatewayMsgId);

    /**
     * Sets a final status once: completes with true when this call set it, false when the segment
     * is unknown or already final (a repeated receipt), so that only one final DLR_IN is published.
     */
    CompletableFuture<Boolean> markFinal(String msgId, int partNumber, MessageStatus status, int errCode, long dlrTime);

    /**
     * The stored row of a segment, read in order with that message's writes through the same lane:
     * a redelivered SMS_OUT finds what an earlier copy stored, batched with the other reads.
     */
    CompletableFuture<Optional<TrackedSegment>> find(String msgId, int partNumber);

    /**
     * Every stored segment of a message, in part order, read at once outside the message path's
     * lanes: what the REST API shows of a message. Empty when no segment has an outcome yet.
     */
    CompletableFuture<List<TrackedSegment>> segments(String msgId);

    /**
     * The segment stored under an SMSC's id now, matched as {@link #findByGatewayId} matches a
     * receipt but without waiting for a row still being recorded: the REST API's search by the
     * SMSC's id.
     */
    CompletableFuture<Optional<TrackedSegment>> findStoredByGatewayId(String smscId, String gatewayMsgId);

    /**
     * Segments still {@code sent} (no final status) whose {@code sent_time} is before
     * {@code cutoffMillis}, in the order they were recorded, at most {@code limit}: the candidates
     * for {@code expired}. The scan reads the table in primary key order from where the last one
     * stopped (kept in the database), passes the rows that have a final status, and stops at the
     * first row sent at or after the cutoff, so each row is read about once in its life however
     * many are final. A segment recorded out of order (a slow submit_sm_resp) is found once the
     * rows recorded before it are due. The rows returned are read again until they are final.
     */
    CompletableFuture<List<TrackedSegment>> findUnfinishedSentBefore(long cutoffMillis, int limit);
}
