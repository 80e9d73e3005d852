package io.smppgateway.persistence.outbound;

/** Column limits of outbound tracking that no record carries. */
final class TrackingLimits {

    /**
     * SMPP's message_id is at most 64 characters; some SMSCs send longer ones, so the column takes
     * 100 and anything longer is refused rather than cut.
     */
    static final int MAX_GATEWAY_MSG_ID = 100;

    private TrackingLimits() {
    }
}
