package io.smppgateway.nsq;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A consumer's subscribed connection to one nsqd: the RDY it was given and the deliveries it holds
 * unsettled. Its fields belong to the event loop; {@link #settle} and {@link #touch} are called
 * from handler threads and hop onto it.
 */
final class ConsumerConnection {

    private final NsqConsumer consumer;
    final NsqConnection connection;
    final Map<String, NsqDelivery> unsettled = new LinkedHashMap<>();
    /** RDY last sent. */
    int rdy;
    /** RDY this connection should have once other connections release slots. */
    int targetRdy;
    long lastMessageNanos = System.nanoTime();
    boolean live = true;
    /** Touches the unsettled deliveries while the consumer's touchUnsettled is on, else null. */
    ScheduledFuture<?> toucher;

    ConsumerConnection(NsqConsumer consumer, NsqConnection connection) {
        this.consumer = consumer;
        this.connection = connection;
    }

    NsqAddress address() {
        return connection.address();
    }

    int maxRdy() {
        return Math.max(1, connection.identifyResponse().maxRdyCount());
    }

    /** Sends FIN or REQ for a delivery the handler settled. */
    void settle(NsqDelivery delivery, NsqCommand command, boolean finished) {
        connection.eventLoop().execute(() -> {
            if (live && unsettled.remove(delivery.message().id()) != null) {
                connection.send(command);
                consumer.onSettled(this, finished);
            }
        });
    }

    void touch(NsqCommand.Touch command) {
        connection.eventLoop().execute(() -> {
            if (live && unsettled.containsKey(command.id())) {
                connection.send(command);
            }
        });
    }

    void stopTouching() {
        if (toucher != null) {
            toucher.cancel(false);
            toucher = null;
        }
    }

    void sendRdy(int count) {
        if (count != rdy) {
            rdy = count;
            connection.send(new NsqCommand.Rdy(count));
        }
    }
}
