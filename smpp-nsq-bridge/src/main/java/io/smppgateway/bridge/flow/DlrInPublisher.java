package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.message.DlrIn;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one way the flows publish DLR_IN: the event goes on the bus, then its listener hears of it. */
final class DlrInPublisher {

    private static final Logger log = LoggerFactory.getLogger(DlrInPublisher.class);

    private final MessageBus bus;
    private final DlrInListener listener;

    DlrInPublisher(MessageBus bus, DlrInListener listener) {
        this.bus = bus;
        this.listener = listener;
    }

    /** Completes once the bus has accepted the event; fails as the bus's publish does. */
    CompletableFuture<Void> publish(DlrIn event) {
        return bus.publish(Topic.DLR_IN, event.toJson()).thenRun(() -> tell(event));
    }

    private void tell(DlrIn event) {
        try {
            listener.published(event);
        } catch (RuntimeException e) {
            log.warn("DLR_IN listener failed on {} {}: {}", event.msgId(), event.status(), e.toString());
        }
    }
}
