package io.smppgateway.http;

import io.smppgateway.http.live.OutgoingSms;
import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.store.outbound.OutboundTracking;
import java.util.Objects;

/**
 * What {@code /api/messages} works on: the tracking of the segments sent to SMSCs, the ids issued
 * to ESMEs, and the way to send an SMS through the gateway's bus.
 */
public record MessageTraffic(OutboundTracking outbound, InboundTracking inbound, OutgoingSms outgoing) {

    public MessageTraffic {
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(outgoing, "outgoing");
    }
}
