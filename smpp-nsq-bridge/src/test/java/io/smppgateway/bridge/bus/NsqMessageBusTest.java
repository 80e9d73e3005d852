package io.smppgateway.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NSQ adapter against the real test nsqd (SMPP_TEST_NSQD_TCP), on topics of its own. */
class NsqMessageBusTest {

    private NsqAddress nsqd;
    private NsqBusConfig config;
    private NsqMessageBus bus;

    @BeforeEach
    void start() {
        String address = System.getenv("SMPP_TEST_NSQD_TCP");
        if (address == null) {
            throw new IllegalStateException("environment variable SMPP_TEST_NSQD_TCP is not set: run the tests with"
                    + " scripts/test.sh");
        }
        nsqd = NsqAddress.parse(address);
        String prefix = "bus_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            topics.put(topic, new NsqTopicConfig(nsqd.host(), nsqd.port(), prefix + topic.name()));
        }
        config = NsqBusConfig.of(topics).withConsumers(10, 1, 3);
        bus = new NsqMessageBus(config);
    }

    @AfterEach
    void stop() {
        bus.close();
    }

    private static BusDelivery next(BlockingQueue<BusDelivery> received) throws InterruptedException {
        BusDelivery delivery = received.poll(30, TimeUnit.SECONDS);
        if (delivery == null) {
            throw new AssertionError("nothing delivered within 30 s");
        }
        return delivery;
    }

    @Test
    void healthIsUpOnceEveryConsumedTopicIsSubscribed() throws Exception {
        bus.consume(Topic.SMS_OUT, "gateway", delivery -> delivery.finish());
        bus.publish(Topic.SMS_IN, "{}").get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!bus.health().up() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        BusHealth health = bus.health();
        assertTrue(health.up(), health.detail());
        assertEquals("NSQ: 1 consumer(s) subscribed, 1 producer(s) connected", health.detail());
    }

    @Test
    void healthIsDownWhileAConsumedTopicHasNoNsqdAndOnceClosed() throws Exception {
        int nothingListens;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            topics.put(topic, new NsqTopicConfig("127.0.0.1", nothingListens, "nowhere_" + topic.name()));
        }
        try (NsqMessageBus unreachable = new NsqMessageBus(NsqBusConfig.of(topics))) {
            unreachable.consume(Topic.DLR_OUT, "gateway", delivery -> delivery.finish());
            BusHealth health = unreachable.health();
            assertEquals(false, health.up());
            assertEquals("NSQ: consumer of nowhere_DLR_OUT on 127.0.0.1:" + nothingListens + " not connected",
                    health.detail());
        }
        bus.close();
        assertEquals(new BusHealth(false, "NSQ: closed"), bus.health());
    }

    @Test
    void publishedBodiesReachTheConsumerOfTheirTopic() throws Exception {
        BlockingQueue<BusDelivery> received = new LinkedBlockingQueue<>();
        bus.consume(Topic.SMS_IN, "app", received::add);
        bus.publish(Topic.SMS_IN, "{\"msg_id\":\"é\"}").get(30, TimeUnit.SECONDS);
        BusDelivery delivery = next(received);
        assertEquals("{\"msg_id\":\"é\"}", delivery.body());
        assertEquals(1, delivery.attempts());
        delivery.finish();
    }

    @Test
    void aRequeuedMessageComesBackCounted() throws Exception {
        BlockingQueue<BusDelivery> received = new LinkedBlockingQueue<>();
        bus.consume(Topic.SMS_OUT, "gateway", received::add);
        bus.publish(Topic.SMS_OUT, "again").get(30, TimeUnit.SECONDS);
        BusDelivery first = next(received);
        first.touch();
        first.requeue(Duration.ofMillis(100));
        BusDelivery second = next(received);
        assertEquals("again", second.body());
        assertEquals(2, second.attempts());
        second.finish();
    }

    @Test
    void deadLettersGoToTheDeadTopicUnchangedAndSoDoesAMessageOverItsAttempts() throws Exception {
        BlockingQueue<String> parked = new LinkedBlockingQueue<>();
        NsqConsumer deadConsumer = NsqConsumer.start(NsqConsumerConfig.defaults(
                config.topic(Topic.DLR_OUT).deadLetterTopic(), "ops").withNsqd(List.of(nsqd)), delivery -> {
                    parked.add(delivery.message().bodyAsString());
                    delivery.finish();
                });
        try {
            bus.publishDeadLetter(Topic.DLR_OUT, "not json", "test").get(30, TimeUnit.SECONDS);
            assertEquals("not json", parked.poll(30, TimeUnit.SECONDS));
            bus.consume(Topic.DLR_OUT, "gateway", delivery -> delivery.requeue(Duration.ZERO));
            bus.publish(Topic.DLR_OUT, "never settles").get(30, TimeUnit.SECONDS);
            String overAttempts = parked.poll(30, TimeUnit.SECONDS);
            assertEquals("never settles", overAttempts);
        } finally {
            deadConsumer.close();
        }
        assertTrue(parked.isEmpty());
    }
}
