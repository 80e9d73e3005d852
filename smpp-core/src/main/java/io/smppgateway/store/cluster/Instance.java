package io.smppgateway.store.cluster;

import java.util.Objects;

/**
 * A gateway instance as {@code gateway_instances} records it.
 *
 * @param id        its id, new at each start
 * @param host      the host name it runs on
 * @param started   when it joined, unix milliseconds
 * @param heartbeat its last heartbeat, unix milliseconds
 */
public record Instance(String id, String host, long started, long heartbeat) {

    public Instance {
        Objects.requireNonNull(id, "id");
        host = host == null ? "" : host;
    }
}
