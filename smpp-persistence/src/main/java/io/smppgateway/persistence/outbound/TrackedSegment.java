package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.MessageStatus;

/**
 * A tracked outbound segment as stored: everything DLR_IN reports about it. Times are Unix
 * milliseconds and 0 until they happen; {@code gatewayMsgId} is the SMSC's id exactly as
 * submit_sm_resp gave it, null until then.
 */
public record TrackedSegment(String msgId, String smscId, int partNumber, int totalParts, int reference,
                             int dataCoding, MessageStatus status, int errCode, String gatewayMsgId,
                             long acptTime, long sentTime, long smscTime, long dlrTime) {

    /** The manual's limit of {@code msg_id}, unique per segment together with {@code partNumber}. */
    public static final int MAX_MSG_ID = 255;
    public static final int MAX_SMSC_ID = 100;

    /** This segment as the SMSC's answer to submit_sm leaves it: {@code sent}, its id (null when none) and the times. */
    public TrackedSegment withSent(String gatewayMsgId, long sentTime, long smscTime) {
        return new TrackedSegment(msgId, smscId, partNumber, totalParts, reference, dataCoding, MessageStatus.SENT, 0,
                gatewayMsgId, acptTime, sentTime, smscTime, 0);
    }

    /** This segment with a final status, its error code and the time it was set. */
    public TrackedSegment withFinal(MessageStatus finalStatus, int finalErrCode, long finalDlrTime) {
        return new TrackedSegment(msgId, smscId, partNumber, totalParts, reference, dataCoding, finalStatus,
                finalErrCode, gatewayMsgId, acptTime, sentTime, smscTime, finalDlrTime);
    }
}
