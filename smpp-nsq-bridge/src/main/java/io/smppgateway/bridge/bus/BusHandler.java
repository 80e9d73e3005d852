package io.smppgateway.bridge.bus;

/** Receives the messages of a topic; runs off the I/O threads and may settle the delivery later. */
@FunctionalInterface
public interface BusHandler {

    void handle(BusDelivery delivery);
}
