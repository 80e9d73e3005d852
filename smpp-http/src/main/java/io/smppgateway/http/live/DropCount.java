package io.smppgateway.http.live;

import java.util.Objects;

/**
 * How many PDU log entries were dropped since the start for one {@code reason}: {@code queue_full}
 * (the disk slower than the traffic) or {@code disk_refused} (full, read-only, gone).
 */
public record DropCount(String reason, long count) {

    public DropCount {
        Objects.requireNonNull(reason, "reason");
    }
}
