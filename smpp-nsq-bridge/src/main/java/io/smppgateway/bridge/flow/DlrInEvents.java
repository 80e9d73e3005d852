package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.message.DlrIn;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.outbound.TrackedSegment;

/**
 * The DLR_IN event that tells the application where a tracked segment stands, made from its
 * tracking row. Times not reached yet (0 in the row) are left out; {@code err_code} is given with
 * every final status but {@code delivered} with 0, and never with {@code sent}, as in the manual's
 * examples.
 */
final class DlrInEvents {

    private DlrInEvents() {
    }

    static DlrIn of(TrackedSegment segment) {
        MessageStatus status = segment.status();
        boolean withError = status.isFinal() && !(status == MessageStatus.DELIVERED && segment.errCode() == 0);
        return new DlrIn(segment.smscId(), segment.msgId(), segment.gatewayMsgId(), segment.totalParts(),
                segment.partNumber(), segment.dataCoding(), status.wireName(), withError ? segment.errCode() : null,
                time(segment.acptTime()), time(segment.sentTime()), time(segment.smscTime()),
                status.isFinal() ? time(segment.dlrTime()) : null);
    }


    private static Long time(long millis) {
        return millis == 0 ? null : millis;
    }
}
