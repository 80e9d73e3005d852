package io.smppgateway.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessMessageBusTest {

    private InProcessMessageBus bus = new InProcessMessageBus(3, 10, Duration.ofMillis(300));

    @AfterEach
    void close() {
        bus.close();
    }

    private static BusDelivery next(BlockingQueue<BusDelivery> received) throws InterruptedException {
        BusDelivery delivery = received.poll(10, TimeUnit.SECONDS);
        if (delivery == null) {
            throw new AssertionError("nothing delivered within 10 s");
        }
        return delivery;
    }

    @Test
    void healthIsUpUntilClosed() {
        assertEquals(new BusHealth(true, "in-process"), bus.health());
        bus.close();
        assertEquals(new BusHealth(false, "in-process: closed"), bus.health());
    }

    @Test
    void everyChannelGetsEveryMessage() throws Exception {
        BlockingQueue<BusDelivery> first = new LinkedBlockingQueue<>();
        BlockingQueue<BusDelivery> second = new LinkedBlockingQueue<>();
        bus.consume(Topic.SMS_IN, "app", first::add);
        bus.consume(Topic.SMS_IN, "audit", second::add);
        bus.publish(Topic.SMS_IN, "hello").get();
        assertEquals("hello", next(first).body());
        assertEquals("hello", next(second).body());
    }

    @Test
    void topicKeepsMessagesUntilItsFirstChannel() throws Exception {
        bus.publish(Topic.DLR_IN, "early").get();
        assertEquals(1, bus.depth(Topic.DLR_IN, "app"));
        BlockingQueue<BusDelivery> received = new LinkedBlockingQueue<>();
        bus.consume(Topic.DLR_IN, "app", received::add);
        BusDelivery delivery = next(received);
        assertEquals("early", delivery.body());
        delivery.finish();
    }

    @Test
    void requeuedMessageComesBackWithItsAttemptsCounted() throws Exception {
        BlockingQueue<BusDelivery> received = new LinkedBlockingQueue<>();
        bus.consume(Topic.SMS_OUT, "gw", received::add);
        bus.publish(Topic.SMS_OUT, "again").get();
        BusDelivery first = next(received);
        assertEquals(1, first.attempts());
        first.requeue(Duration.ofMillis(20));
        BusDelivery second = next(received);
        assertEquals("again", second.body());
        assertEquals(2, second.attempts());
        second.finish();
        assertThrows(IllegalStateException.class, second::finish);
    }

    @Test
    void unsettledDeliveryComesBackAfterTheMessageTimeout() throws Exception {
        BlockingQueue<BusDelivery> received = new LinkedBlockingQueue<>();
        bus.consume(Topic.DLR_OUT, "gw", received::add);
        bus.publish(Topic.DLR_OUT, "forgotten").get();
        BusDelivery lost = next(received);
        BusDelivery again = next(received);
        assertEquals(lost.body(), again.body());
        assertEquals(2, again.attempts());
    }

    @Test
    void fullChannelRefusesThePublish() throws Exception {
        bus.consume(Topic.SMS_IN, "slow", delivery -> { });
        InProcessMessageBus small = new InProcessMessageBus(2, 1, Duration.ofMinutes(1));
        try {
            small.consume(Topic.SMS_IN, "slow", delivery -> { });
            for (int i = 0; i < 3; i++) {
                small.publish(Topic.SMS_IN, "m" + i).get(); // one in flight, two waiting
            }
            ExecutionException full = assertThrows(ExecutionException.class,
                    () -> small.publish(Topic.SMS_IN, "overflow").get());
            assertInstanceOf(BusFullException.class, full.getCause());
        } finally {
            small.close();
        }
    }

    @Test
    void deadLettersAreKeptInOrder() throws Exception {
        bus.publishDeadLetter(Topic.SMS_OUT, "not json", "unparseable").get();
        bus.publishDeadLetter(Topic.SMS_OUT, "{}", "no msg_id").get();
        assertEquals(List.of("not json", "{}"), bus.deadLetters(Topic.SMS_OUT));
        assertTrue(bus.deadLetters(Topic.DLR_OUT).isEmpty());
    }
}
