package io.smppgateway.http.live;

import java.util.Objects;

/** A connection and the instance that holds it, for the lists that show every instance's. */
public record HeldConnection(LiveInstance instance, LiveConnection connection) {

    public HeldConnection {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(connection, "connection");
    }
}
