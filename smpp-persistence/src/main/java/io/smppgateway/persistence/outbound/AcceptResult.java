package io.smppgateway.persistence.outbound;

/** What {@link OutboundTracking#accept} found: a new segment, or one already tracked (a redelivery). */
public enum AcceptResult {
    /** Newly tracked: send it. */
    ACCEPTED,
    /** Its msg_id and part were already tracked: it was sent (or is being sent) before; do not send again. */
    DUPLICATE
}
