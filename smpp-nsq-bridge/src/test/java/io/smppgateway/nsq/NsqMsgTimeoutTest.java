package io.smppgateway.nsq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The msg_timeout a consumer asks for in IDENTIFY, on an nsqd of the test's own whose own
 * --msg-timeout is a minute: what a vanished consumer held comes back after ours, and what a slow
 * handler holds is touched by the consumer so that it does not come back while it is worked on.
 */
class NsqMsgTimeoutTest {

    private final NsqdProcess nsqd;

    NsqMsgTimeoutTest() throws Exception {
        nsqd = new NsqdProcess();
    }

    @AfterEach
    void stop() throws Exception {
        nsqd.close();
    }

    private void publish(String topic, String body) throws Exception {
        try (NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqd.tcp())))) {
            producer.publish(topic, body.getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatAConsumerCutOffHeldGoesToTheNextAfterItsOwnMsgTimeoutNotNsqdsMinute() throws Exception {
        String topic = TestNsqd.uniqueTopic("vanished");
        TestNsqd.createChannel(nsqd.http(), topic, "ch");
        publish(topic, "held by the first");
        CompletableFuture<NsqDelivery> heldByFirst = new CompletableFuture<>();
        try (SeveringProxy network = new SeveringProxy(nsqd.tcp());
             NsqConsumer first = NsqConsumer.start(NsqConsumerConfig.defaults(topic, "ch")
                     .withNsqd(List.of(network.address()))
                     .withIdentify(IdentifyRequest.defaults().withMsgTimeout(Duration.ofSeconds(10)))
                     .withTouchUnsettled(true), heldByFirst::complete)) {
            heldByFirst.get(30, TimeUnit.SECONDS);
            network.sever();

            CollectingHandler next = new CollectingHandler();
            try (NsqConsumer second = NsqConsumer.start(NsqConsumerConfig.defaults(topic, "ch")
                    .withNsqd(List.of(nsqd.tcp())), next)) {
                // Well within nsqd's own minute: only the first consumer's 10 s can have given it back.
                Await.until(Duration.ofSeconds(40), () -> next.messages.size() == 1,
                        () -> "the second got " + next.messages + "; nsqd " + TestNsqd.stats(nsqd.http(), topic));
                assertEquals("held by the first", next.messages.get(0).bodyAsString());
                assertEquals(2, next.messages.get(0).attempts());
            }
        }
    }

    @Test
    void aMessageHeldLongerThanTheMsgTimeoutIsTouchedAndDeliveredOnce() throws Exception {
        String topic = TestNsqd.uniqueTopic("slow");
        TestNsqd.createChannel(nsqd.http(), topic, "ch");
        publish(topic, "slow work");
        CompletableFuture<NsqDelivery> held = new CompletableFuture<>();
        try (NsqConsumer consumer = NsqConsumer.start(NsqConsumerConfig.defaults(topic, "ch")
                .withNsqd(List.of(nsqd.tcp())).withMaxInFlight(2)
                .withIdentify(IdentifyRequest.defaults().withMsgTimeout(Duration.ofSeconds(1)))
                .withTouchUnsettled(true), held::complete)) {
            NsqDelivery delivery = held.get(30, TimeUnit.SECONDS);
            // The handler itself never touches; it holds the message over several msg_timeouts.
            Await.until(() -> consumer.stats().touched() >= 6, () -> "stats " + consumer.stats());
            assertEquals(1, consumer.stats().received(), "nsqd handed the message out again: " + consumer.stats());
            assertTrue(TestNsqd.stats(nsqd.http(), topic).contains("\"timeout_count\":0"),
                    TestNsqd.stats(nsqd.http(), topic));
            delivery.finish();
            Await.until(() -> consumer.stats().finished() == 1, () -> "stats " + consumer.stats());
            assertEquals(1, consumer.stats().received());
        }
    }
}
