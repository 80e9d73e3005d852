package io.smppgateway.http.live;

import java.util.Objects;

/** How many DLR_IN events with {@code status} were published for the SMSC {@code smscId}. */
public record StatusCount(String smscId, String status, long count) {

    public StatusCount {
        Objects.requireNonNull(smscId, "smscId");
        Objects.requireNonNull(status, "status");
    }
}
