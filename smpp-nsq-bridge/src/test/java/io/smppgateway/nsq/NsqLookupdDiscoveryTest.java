package io.smppgateway.nsq;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A consumer that finds its nsqd through a real nsqlookupd, with two nsqd of the test's own
 * registered there: it reads from every nsqd listed, finds one that joins later, and keeps reading
 * from the other when one leaves.
 */
class NsqLookupdDiscoveryTest {

    private static void publish(NsqdProcess nsqd, String topic, String body) throws Exception {
        try (NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqd.tcp())))) {
            producer.publish(topic, body.getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void consumerReadsFromEveryNsqdLookupdListsIncludingOneThatJoinsLater() throws Exception {
        String topic = TestNsqd.uniqueTopic("lookupd");
        try (NsqlookupdProcess lookupd = new NsqlookupdProcess();
             NsqdProcess first = NsqdProcess.registeredWith(lookupd.tcp())) {
            TestNsqd.createChannel(first.http(), topic, "ch");
            Await.until(() -> lookupd.producers(topic).contains(first.tcp()),
                    () -> "nsqlookupd lists " + lookupd.producers(topic));
            CollectingHandler handler = new CollectingHandler();
            // Only nsqlookupd is named: every nsqd comes from its answers.
            try (NsqConsumer consumer = NsqConsumer.start(NsqConsumerConfig.defaults(topic, "ch")
                    .withLookupd(List.of(lookupd.http()), Duration.ofMillis(500)).withMaxInFlight(4), handler)) {
                publish(first, topic, "from the first nsqd");
                Await.until(() -> handler.bodies.contains("from the first nsqd"), () -> "received " + handler.bodies);
                assertEquals(1, consumer.stats().connections());

                try (NsqdProcess second = NsqdProcess.registeredWith(lookupd.tcp())) {
                    TestNsqd.createChannel(second.http(), topic, "ch");
                    publish(second, topic, "from the second nsqd");
                    Await.until(() -> handler.bodies.contains("from the second nsqd"),
                            () -> "received " + handler.bodies + ", nsqlookupd lists " + lookupd.producers(topic)
                                    + ", stats " + consumer.stats());
                    assertEquals(2, consumer.stats().connections());
                    publish(first, topic, "from the first nsqd again");
                    Await.until(() -> handler.bodies.contains("from the first nsqd again"),
                            () -> "received " + handler.bodies);
                }

                // The second nsqd stopped: nsqlookupd forgets it, the consumer stays on the first.
                Await.until(() -> lookupd.producers(topic).size() == 1, () -> "nsqlookupd lists "
                        + lookupd.producers(topic));
                Await.until(() -> consumer.stats().connections() == 1, () -> "stats " + consumer.stats());
                publish(first, topic, "after the second left");
                Await.until(() -> handler.bodies.contains("after the second left"), () -> "received " + handler.bodies);
                assertEquals(4, handler.messages.size(), "each message once: " + handler.bodies);
            }
        }
    }
}
