package io.smppgateway.http.live;

import java.util.Objects;

/**
 * A live gateway instance on the shared database, as {@code GET /api/instances} lists it.
 *
 * @param instance      its id and host, as its connections name it
 * @param started       when it joined, unix seconds
 * @param lastHeartbeat its last heartbeat, unix seconds
 */
public record GatewayInstance(LiveInstance instance, long started, long lastHeartbeat) {

    public GatewayInstance {
        Objects.requireNonNull(instance, "instance");
    }
}
