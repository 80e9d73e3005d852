package io.smppgateway.bridge.bus;

import java.time.Duration;

/**
 * One message taken from a topic, to be settled exactly once: finished when it is done (durably
 * tracked, delivered, or definitively rejected), requeued when it should come again later.
 * Unsettled messages come back after the bus's timeout, so nothing taken is lost.
 */
public interface BusDelivery {

    String body();

    /** How many times this message has been handed out, this time included. */
    int attempts();

    void finish();

    void requeue(Duration delay);

    /** Asks for more time before the message counts as lost and is handed out again. */
    void touch();
}
