package io.smppgateway.store.outbound;

import io.smppgateway.store.MessageStatus;

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

    /**
     * A segment as the gateway accepts it from the application: {@code accepted}, part 1 of 1,
     * data_coding 0, no times yet; the builder sets what differs.
     */
    public static Builder accepted(String msgId, String smscId) {
        return new Builder(msgId, smscId);
    }

    /** A copy of this segment to change. */
    public Builder toBuilder() {
        return new Builder(msgId, smscId).part(partNumber, totalParts, reference).dataCoding(dataCoding)
                .status(status, errCode).gatewayMsgId(gatewayMsgId).acceptedAt(acptTime)
                .sentAt(sentTime, smscTime).settledAt(dlrTime);
    }

    /** This segment with the id the SMSC gave it. */
    public TrackedSegment withGatewayMsgId(String id) {
        return toBuilder().gatewayMsgId(id).build();
    }

    /** Builds a {@link TrackedSegment} by field name. */
    public static final class Builder {
        private final String msgId;
        private final String smscId;
        private int partNumber = 1;
        private int totalParts = 1;
        private int reference;
        private int dataCoding;
        private MessageStatus status = MessageStatus.ACCEPTED;
        private int errCode;
        private String gatewayMsgId;
        private long acptTime;
        private long sentTime;
        private long smscTime;
        private long dlrTime;

        private Builder(String msgId, String smscId) {
            this.msgId = msgId;
            this.smscId = smscId;
        }

        /** Which part of a multipart message: {@code partNumber} of {@code totalParts}, linked by {@code reference}. */
        public Builder part(int partNumber, int totalParts, int reference) {
            this.partNumber = partNumber;
            this.totalParts = totalParts;
            this.reference = reference;
            return this;
        }

        public Builder dataCoding(int dataCoding) {
            this.dataCoding = dataCoding;
            return this;
        }

        public Builder status(MessageStatus status, int errCode) {
            this.status = status;
            this.errCode = errCode;
            return this;
        }

        public Builder gatewayMsgId(String gatewayMsgId) {
            this.gatewayMsgId = gatewayMsgId;
            return this;
        }

        public Builder acceptedAt(long acptTime) {
            this.acptTime = acptTime;
            return this;
        }

        /** When the submit_sm went out and when the SMSC answered it. */
        public Builder sentAt(long sentTime, long smscTime) {
            this.sentTime = sentTime;
            this.smscTime = smscTime;
            return this;
        }

        /** When the segment got its final status. */
        public Builder settledAt(long dlrTime) {
            this.dlrTime = dlrTime;
            return this;
        }

        public TrackedSegment build() {
            return new TrackedSegment(msgId, smscId, partNumber, totalParts, reference, dataCoding, status, errCode,
                    gatewayMsgId, acptTime, sentTime, smscTime, dlrTime);
        }
    }

    /** This segment as the SMSC's answer to submit_sm leaves it: {@code sent}, its id (null when none) and the times. */
    public TrackedSegment withSent(String gatewayMsgId, long sentTime, long smscTime) {
        return toBuilder().status(MessageStatus.SENT, 0).gatewayMsgId(gatewayMsgId).sentAt(sentTime, smscTime)
                .settledAt(0).build();
    }

    /** This segment with a final status, its error code and the time it was set. */
    public TrackedSegment withFinal(MessageStatus finalStatus, int finalErrCode, long finalDlrTime) {
        return toBuilder().status(finalStatus, finalErrCode).settledAt(finalDlrTime).build();
    }
}
