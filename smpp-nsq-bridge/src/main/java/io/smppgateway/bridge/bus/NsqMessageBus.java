package io.smppgateway.bridge.bus;

import io.smppgateway.nsq.IdentifyRequest;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import io.smppgateway.nsq.NsqDelivery;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message bus over NSQ: each of the manual's topics on its own nsqd (smpp.conf's
 * {@code NSQ_*} keys), one producer per distinct nsqd, one consumer per consumed topic. A consumer
 * reads from the topic's nsqd and, when {@link NsqBusConfig#lookupd()} is in use, from every nsqd
 * nsqlookupd lists for the topic: the "nsqd beside every producer" topology. It asks for
 * {@link NsqBusConfig#msgTimeout()} and touches what it holds meanwhile, so what a vanished
 * instance held is handed out again after that timeout.
 *
 * <p>Dead letters go, with their body unchanged (so that they can be replayed as they are), to the
 * topic {@code <topic>_dead} on the same nsqd as the topic; the reason is logged. When
 * {@link NsqBusConfig#maxAttempts()} is set, a message delivered that many times is parked there too.
 *
 * <p>A publish completes on nsqd's {@code OK} (never on an event loop); a failed publish fails
 * its future with the NSQ client's exception, which says whether the message may have been stored.
 */
public final class NsqMessageBus implements MessageBus {

    private static final Logger log = LoggerFactory.getLogger(NsqMessageBus.class);

    private final NsqBusConfig config;
    private final Map<NsqAddress, NsqProducer> producers = new ConcurrentHashMap<>();
    /** Each running consumer, with the name of the topic it reads. */
    private final Map<NsqConsumer, String> consumers = new ConcurrentHashMap<>();
    private final NsqReceiptNotices notices;
    private volatile boolean closed;

    public NsqMessageBus(NsqBusConfig config) {
        this.config = config;
        NsqTopicConfig dlrOut = config.topic(Topic.DLR_OUT);
        this.notices = new NsqReceiptNotices(dlrOut.address(), dlrOut.topic(), config.lookupd());
    }

    /** Receipt hints on an ephemeral topic beside DLR_OUT, on its nsqd. */
    @Override
    public ReceiptNotices receiptNotices() {
        return notices;
    }

    private NsqProducer producer(NsqAddress address) {
        if (closed) {
            throw new IllegalStateException("the bus is closed");
        }
        return producers.computeIfAbsent(address, a -> NsqProducer.start(NsqProducerConfig.defaults(List.of(a))));
    }

    @Override
    public CompletableFuture<Void> publish(Topic topic, String body) {
        NsqTopicConfig where = config.topic(topic);
        try {
            return producer(where.address()).publish(where.topic(), body.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One MPUB: nsqd takes every body or none. */
    @Override
    public CompletableFuture<Void> publishAll(Topic topic, List<String> bodies) {
        NsqTopicConfig where = config.topic(topic);
        try {
            return producer(where.address()).publishBatch(where.topic(),
                    bodies.stream().map(body -> body.getBytes(StandardCharsets.UTF_8)).toList());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> publishDeadLetter(Topic topic, String body, String reason) {
        NsqTopicConfig where = config.topic(topic);
        log.warn("dead letter for {} parked on {}: {}", where.topic(), where.deadLetterTopic(), reason);
        try {
            return producer(where.address()).publish(where.deadLetterTopic(), body.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean reachesOtherInstances() {
        return true;
    }

    /** To {@link NsqHandOffTopics#of}, on the SMS_OUT topic's nsqd. */
    @Override
    public CompletableFuture<Void> handOff(String smscId, String body) {
        NsqTopicConfig where = config.topic(Topic.SMS_OUT);
        try {
            return producer(where.address()).publish(NsqHandOffTopics.of(where.topic(), smscId),
                    body.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public AutoCloseable consumeHandOffs(String smscId, String channel, BusHandler handler) {
        NsqTopicConfig smsOut = config.topic(Topic.SMS_OUT);
        return consume(new NsqTopicConfig(smsOut.host(), smsOut.port(), NsqHandOffTopics.of(smsOut.topic(), smscId)),
                Topic.SMS_OUT, channel, handler);
    }

    @Override
    public AutoCloseable consume(Topic topic, String channel, BusHandler handler) {
        return consume(config.topic(topic), topic, channel, handler);
    }

    /** @param topic the topic whose dead-letter destination takes what is delivered too often */
    private AutoCloseable consume(NsqTopicConfig where, Topic topic, String channel, BusHandler handler) {
        // The topic's own nsqd is always read: it is where this instance puts the SMS_OUT of a
        // batch, and subscribing there creates the topic, which registers it with nsqlookupd.
        NsqConsumerConfig consumerConfig = NsqConsumerConfig.defaults(where.topic(), channel)
                .withNsqd(List.of(where.address()))
                .withMaxInFlight(config.maxInFlight())
                .withHandlerThreads(config.handlerThreads())
                .withIdentify(IdentifyRequest.defaults().withMsgTimeout(config.msgTimeout()))
                .withTouchUnsettled(true);
        String from = where.address().toString();
        if (config.lookupd().inUse()) {
            consumerConfig = consumerConfig.withLookupd(config.lookupd().httpAddresses(),
                    config.lookupd().pollInterval());
            from += " and the nsqd nsqlookupd " + config.lookupd().httpAddresses() + " list";
        }
        if (config.maxAttempts() > 0) {
            consumerConfig = consumerConfig.withMaxAttempts(config.maxAttempts(), message -> publishDeadLetter(topic,
                    message.bodyAsString(), "delivered " + message.attempts() + " times"));
        } else {
            consumerConfig = consumerConfig.withMaxAttempts(0, message -> CompletableFuture.completedFuture(null));
        }
        NsqConsumer consumer = NsqConsumer.start(consumerConfig, delivery -> handler.handle(new Delivery(delivery)));
        consumers.put(consumer, where.topic() + " on " + from);
        return () -> {
            consumers.remove(consumer);
            consumer.close();
        };
    }

    /**
     * Down when closed, when a consumer has no subscribed connection (it is reconnecting), or when
     * a producer is not connected to its nsqd; a producer that never published is not started yet
     * and does not count.
     */
    @Override
    public BusHealth health() {
        if (closed) {
            return new BusHealth(false, "NSQ: closed");
        }
        List<String> down = new java.util.ArrayList<>();
        consumers.forEach((consumer, what) -> {
            if (consumer.stats().connections() == 0) {
                down.add("consumer of " + what + " not connected");
            }
        });
        producers.forEach((address, producer) -> {
            if (producer.stats().connectedTo() == null) {
                down.add("producer to " + address + " not connected");
            }
        });
        if (!down.isEmpty()) {
            return new BusHealth(false, "NSQ: " + String.join("; ", down));
        }
        return new BusHealth(true, "NSQ: " + consumers.size() + " consumer(s) subscribed, " + producers.size()
                + " producer(s) connected");
    }

    /** Closes the consumers first (their in-flight messages are settled or requeued), then the producers. */
    @Override
    public void close() {
        closed = true;
        for (NsqConsumer consumer : consumers.keySet()) {
            consumer.close();
        }
        consumers.clear();
        notices.close();
        for (NsqProducer producer : producers.values()) {
            producer.close();
        }
        producers.clear();
    }

    private record Delivery(NsqDelivery delivery) implements BusDelivery {

        @Override
        public String body() {
            return delivery.message().bodyAsString();
        }

        @Override
        public int attempts() {
            return delivery.message().attempts();
        }

        @Override
        public void finish() {
            delivery.finish();
        }

        @Override
        public void requeue(Duration delay) {
            delivery.requeue(delay);
        }

        @Override
        public void touch() {
            delivery.touch();
        }
    }
}
