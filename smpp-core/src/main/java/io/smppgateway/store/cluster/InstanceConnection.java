package io.smppgateway.store.cluster;

import java.util.Objects;

/**
 * A connection and the instance that holds it.
 *
 * @param instanceId   the instance's id in {@code gateway_instances}, new at each of its starts
 * @param instanceHost the host name the instance runs on
 * @param connection   the connection as the instance last published it
 */
public record InstanceConnection(String instanceId, String instanceHost, ConnectionSnapshot connection) {

    public InstanceConnection {
        Objects.requireNonNull(instanceId, "instanceId");
        instanceHost = instanceHost == null ? "" : instanceHost;
        Objects.requireNonNull(connection, "connection");
    }
}
