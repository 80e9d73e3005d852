package io.smppgateway.nsq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Private nsqd instances, killed and restarted under load. */
class NsqdFailureTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.add(resource);
        return resource;
    }

    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(500));

    /**
     * nsqd is stopped while a producer publishes and a consumer consumes, then restarted on the
     * same port and data. Whatever the signal, every publish must end confirmed or failed with a
     * type that says what is known, and both clients must reconnect and carry on (the "live"
     * channel gets everything confirmed after the restart).
     *
     * <p>Only after a clean stop can nsqd itself promise to keep every message it confirmed: after
     * SIGKILL it loses the messages it held in memory (in flight to consumers, or in its hand-off
     * from topic to channel). So the "audit" channel, read only after the restart, must hold every
     * confirmed message when nsqd got SIGTERM. Nor does nsqd keep what it confirms after a SIGKILL
     * restart if the kill came before it had first written a queue's metadata (see
     * {@link NsqdProcess#queueMetadataWritten}): the test waits for that before killing, since
     * what it checks are our clients, not nsqd's first 100 ms.
     */
    @ParameterizedTest(name = "SIGKILL={0}")
    @ValueSource(booleans = {true, false})
    void nsqdStoppedAndRestartedMidStreamSettlesEveryPublishHonestly(boolean sigkill) throws Exception {
        NsqdProcess nsqd = closing(new NsqdProcess());
        String topic = TestNsqd.uniqueTopic("restart");
        TestNsqd.createChannel(nsqd.http(), topic, "live");
        TestNsqd.createChannel(nsqd.http(), topic, "audit");

        Set<String> live = ConcurrentHashMap.newKeySet();
        NsqConsumer consumer = closing(NsqConsumer.start(NsqConsumerConfig.defaults(topic, "live")
                .withNsqd(List.of(nsqd.tcp())).withMaxInFlight(50).withReconnectBackoff(FAST), d -> {
                    live.add(d.message().bodyAsString());
                    d.finish();
                }));
        NsqProducer producer = closing(NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqd.tcp()))
                .withReconnectBackoff(FAST)
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(1))));
        // Subscribed before nsqd goes down, or "the consumer reconnected" would not be what is checked.
        Await.until(() -> consumer.stats().connections() == 1, () -> "consumer never subscribed: " + consumer.stats());

        int total = 2000;
        Map<String, CompletableFuture<Void>> futures = new ConcurrentHashMap<>();
        Semaphore window = new Semaphore(100);
        AtomicInteger confirmedSoFar = new AtomicInteger();
        int restartedAt = -1;
        for (int i = 0; i < total; i++) {
            if (restartedAt < 0 && confirmedSoFar.get() >= 700) {
                if (sigkill) {
                    List<String> queues = List.of(topic, topic + ":live", topic + ":audit");
                    Await.until(() -> queues.stream().allMatch(nsqd::queueMetadataWritten),
                            () -> "nsqd never wrote the metadata of " + queues);
                    nsqd.kill();
                } else {
                    nsqd.stop();
                }
                Thread.sleep(300);
                nsqd.start();
                restartedAt = i;
            }
            window.acquire();
            String body = "r" + i;
            CompletableFuture<Void> f = producer.publish(topic, body.getBytes(StandardCharsets.UTF_8));
            futures.put(body, f);
            f.whenComplete((v, e) -> {
                window.release();
                if (e == null) {
                    confirmedSoFar.incrementAndGet();
                }
            });
        }
        assertTrue(restartedAt > 0, "nsqd was killed mid-stream");

        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        Set<String> confirmedAfterRestart = ConcurrentHashMap.newKeySet();
        AtomicInteger unknown = new AtomicInteger();
        AtomicInteger notSent = new AtomicInteger();
        for (Map.Entry<String, CompletableFuture<Void>> e : futures.entrySet()) {
            try {
                e.getValue().get(60, TimeUnit.SECONDS);
                confirmed.add(e.getKey());
                if (Integer.parseInt(e.getKey().substring(1)) >= restartedAt) {
                    confirmedAfterRestart.add(e.getKey());
                }
            } catch (ExecutionException failure) {
                Throwable cause = failure.getCause();
                if (cause instanceof NsqOutcomeUnknownException) {
                    unknown.incrementAndGet();
                } else if (cause instanceof NsqNotSentException) {
                    notSent.incrementAndGet();
                } else {
                    fail("a publish failed for an unexpected reason", cause);
                }
            }
        }
        System.out.printf("restart at %d: %d confirmed, %d outcome unknown, %d not sent%n", restartedAt,
                confirmed.size(), unknown.get(), notSent.get());
        assertEquals(total, confirmed.size() + unknown.get() + notSent.get(), "every publish was settled");
        assertTrue(producer.stats().connects() >= 2, "the producer reconnected: " + producer.stats());
        assertTrue(confirmedAfterRestart.size() > 1000, "publishing went on after the restart");

        Await.until(Duration.ofSeconds(60), () -> live.containsAll(confirmedAfterRestart),
                () -> missing(confirmedAfterRestart, live) + " on the live channel; consumer " + consumer.stats());
        assertTrue(consumer.stats().connects() >= 2, "the consumer reconnected: " + consumer.stats());
        if (sigkill) {
            return;
        }

        Set<String> audit = ConcurrentHashMap.newKeySet();
        closing(NsqConsumer.start(NsqConsumerConfig.defaults(topic, "audit").withNsqd(List.of(nsqd.tcp()))
                .withMaxInFlight(100), d -> {
                    audit.add(d.message().bodyAsString());
                    d.finish();
                }));
        Await.until(Duration.ofSeconds(60), () -> audit.containsAll(confirmed),
                () -> missing(confirmed, audit) + " on the audit channel");
    }

    private static String missing(Set<String> expected, Set<String> got) {
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(got);
        return missing.size() + " confirmed messages not received, e.g. " + missing.stream().limit(5).toList();
    }

    @Test
    void producerFailsOverWhenItsNsqdDies() throws Exception {
        NsqdProcess nsqd = closing(new NsqdProcess());
        String topic = TestNsqd.uniqueTopic("failover_live");
        NsqProducer producer = closing(NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqd.tcp(), TestNsqd.tcp()))
                .withReconnectBackoff(FAST)));
        producer.publish(topic, "to private".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
        assertEquals(nsqd.tcp(), producer.stats().connectedTo());
        nsqd.kill();
        Await.until(() -> producer.stats().connectedTo() == null || TestNsqd.tcp().equals(producer.stats().connectedTo()),
                () -> "stats " + producer.stats());
        producer.publish(topic, "to shared".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
        assertEquals(TestNsqd.tcp(), producer.stats().connectedTo());
    }

    @Test
    void maxInFlightIsSplitAcrossConnections() throws Exception {
        NsqdProcess second = closing(new NsqdProcess());
        String topic = TestNsqd.uniqueTopic("split");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bodies.add(("p" + i).getBytes(StandardCharsets.UTF_8));
        }
        for (NsqAddress nsqd : List.of(TestNsqd.tcp(), second.tcp())) {
            try (NsqProducer p = NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqd)))) {
                p.publishBatch(topic, bodies).get(30, TimeUnit.SECONDS);
            }
        }
        AtomicInteger held = new AtomicInteger();
        AtomicInteger maxHeld = new AtomicInteger();
        NsqConsumer consumer = closing(NsqConsumer.start(NsqConsumerConfig.defaults(topic, "ch")
                .withNsqd(List.of(TestNsqd.tcp(), second.tcp())).withMaxInFlight(3).withHandlerThreads(10), d -> {
                    maxHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                    Thread.sleep(10);
                    held.decrementAndGet();
                    d.finish();
                }));
        Await.until(() -> consumer.stats().finished() == 60, () -> "stats " + consumer.stats());
        assertTrue(maxHeld.get() <= 3, "held " + maxHeld.get() + " at once with maxInFlight 3");
        assertEquals(2, consumer.stats().connections());
    }
}
