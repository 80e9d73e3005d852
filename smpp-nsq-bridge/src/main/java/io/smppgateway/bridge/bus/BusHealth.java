package io.smppgateway.bridge.bus;

import java.util.Objects;

/**
 * Whether a bus can carry messages now, for the health check: {@code up} is false while a topic
 * the gateway consumes has no live connection, or a producer that published before has lost its
 * nsqd. {@code detail} says what is connected or what is not, in words for an operator.
 */
public record BusHealth(boolean up, String detail) {

    public BusHealth {
        Objects.requireNonNull(detail, "detail");
    }
}
