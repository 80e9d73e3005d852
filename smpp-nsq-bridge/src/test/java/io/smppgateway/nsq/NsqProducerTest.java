package io.smppgateway.nsq;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing through the shared test nsqd. */
class NsqProducerTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private NsqProducer producer(NsqProducerConfig config) {
        NsqProducer p = NsqProducer.start(config);
        toClose.add(p);
        return p;
    }

    private NsqConsumer consumer(NsqConsumerConfig config, NsqMessageHandler handler) {
        NsqConsumer c = NsqConsumer.start(config, handler);
        toClose.add(c);
        return c;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return e.getCause();
    }

    private static NsqConsumerConfig consumerOf(String topic) {
        return NsqConsumerConfig.defaults(topic, "ch").withNsqd(List.of(TestNsqd.tcp())).withMaxInFlight(50);
    }

    @Test
    void publishesOneByOneAndTheConsumerReceivesEach() throws Exception {
        String topic = TestNsqd.uniqueTopic("pub");
        NsqProducer producer = producer(NsqProducerConfig.defaults(List.of(TestNsqd.tcp())));
        for (int i = 0; i < 10; i++) {
            producer.publish(topic, utf8("m" + i)).get(30, TimeUnit.SECONDS);
        }
        CollectingHandler handler = new CollectingHandler();
        NsqConsumer consumer = consumer(consumerOf(topic), handler);
        Await.until(() -> handler.bodies.size() == 10, () -> "received " + handler.bodies);
        assertEquals(Set.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"), handler.bodies);
        assertTrue(handler.messages.stream().allMatch(m -> m.attempts() == 1));
        Await.until(() -> consumer.stats().finished() == 10, () -> "stats " + consumer.stats());
        assertEquals(10, producer.stats().confirmedMessages());
    }

    @Test
    void concurrentPublishesAreGroupedIntoMpubBatches() throws Exception {
        String topic = TestNsqd.uniqueTopic("auto_mpub");
        NsqProducer producer = producer(NsqProducerConfig.defaults(List.of(TestNsqd.tcp()))
                .withBatching(100, 64 * 1024, Duration.ofMillis(5)).withMaxInFlightCommands(2));
        producer.publish(topic, utf8("warm-up")).get(30, TimeUnit.SECONDS);
        long commandsBefore = producer.stats().commandsWritten();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            futures.add(producer.publish(topic, utf8("b" + i)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long commands = producer.stats().commandsWritten() - commandsBefore;
        assertTrue(commands >= 20 && commands < 2000, "2000 messages went out in " + commands + " commands");

        CollectingHandler handler = new CollectingHandler();
        consumer(consumerOf(topic), handler);
        Await.until(() -> handler.bodies.size() == 2001, () -> "received " + handler.bodies.size());
    }

    @Test
    void publishBatchIsOneMpubStoredWhole() throws Exception {
        String topic = TestNsqd.uniqueTopic("mpub");
        NsqProducer producer = producer(NsqProducerConfig.defaults(List.of(TestNsqd.tcp())));
        List<byte[]> bodies = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            bodies.add(utf8("x" + i));
            expected.add("x" + i);
        }
        producer.publishBatch(topic, bodies).get(30, TimeUnit.SECONDS);
        assertEquals(1, producer.stats().commandsWritten());
        assertEquals(50, producer.stats().confirmedMessages());
        CollectingHandler handler = new CollectingHandler();
        consumer(consumerOf(topic), handler);
        Await.until(() -> handler.bodies.size() == 50, () -> "received " + handler.bodies.size());
        assertEquals(expected, handler.bodies);
    }

    @Test
    void deferredPublishWaitsInNsqdThenArrives() throws Exception {
        String topic = TestNsqd.uniqueTopic("dpub");
        TestNsqd.createChannel(TestNsqd.http(), topic, "ch");
        NsqProducer producer = producer(NsqProducerConfig.defaults(List.of(TestNsqd.tcp())));
        producer.publishDeferred(topic, utf8("later"), Duration.ofHours(1)).get(30, TimeUnit.SECONDS);
        String stats = TestNsqd.stats(TestNsqd.http(), topic);
        assertTrue(stats.contains("\"deferred_count\":1"), stats);

        producer.publishDeferred(topic, utf8("soon"), Duration.ofMillis(300)).get(30, TimeUnit.SECONDS);
        CollectingHandler handler = new CollectingHandler();
        consumer(consumerOf(topic), handler);
        Await.until(() -> handler.bodies.contains("soon"), () -> "received " + handler.bodies);
        assertEquals(Set.of("soon"), handler.bodies);
    }

    @Test
    void invalidTopicFailsWithBadTopicAndLaterPublishesStillGoThrough() throws Exception {
        String good = TestNsqd.uniqueTopic("after_bad");
        NsqProducer producer = producer(NsqProducerConfig.defaults(List.of(TestNsqd.tcp()))
                .withReconnectBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(200))));
        producer.publish(good, utf8("before")).get(30, TimeUnit.SECONDS);
        // Sent back to back: nsqd closes the connection after E_BAD_TOPIC without reading the next one.
        CompletableFuture<Void> bad = producer.publish("bad!topic", utf8("x"));
        CompletableFuture<Void> after = producer.publish(good, utf8("after"));

        NsqErrorResponseException error = assertInstanceOf(NsqErrorResponseException.class, failureOf(bad));
        assertEquals("E_BAD_TOPIC", error.code());
        after.get(30, TimeUnit.SECONDS);

        NsqErrorResponseException tooLong = assertInstanceOf(NsqErrorResponseException.class,
                failureOf(producer.publish("t".repeat(65), utf8("x"))));
        assertEquals("E_BAD_TOPIC", tooLong.code());
    }

    @Test
    void fullQueueRefusesAtOnceAndUnsentMessagesFailAsNotSent() throws Exception {
        NsqAddress nobody = new NsqAddress("127.0.0.1", NsqdProcess.freePort());
        NsqProducer producer = producer(NsqProducerConfig.defaults(List.of(nobody)).withMaxPendingMessages(5)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(1)));
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accepted.add(producer.publish("t", utf8("q" + i)));
        }
        CompletableFuture<Void> refused = producer.publish("t", utf8("q5"));
        assertTrue(refused.isCompletedExceptionally(), "the sixth publish fails without waiting");
        assertInstanceOf(NsqQueueFullException.class, failureOf(refused));
        for (CompletableFuture<Void> f : accepted) {
            Throwable cause = failureOf(f);
            assertInstanceOf(NsqNotSentException.class, cause);
            assertTrue(!(cause instanceof NsqQueueFullException), "expired, not refused: " + cause);
        }
        assertEquals(0, producer.stats().pendingMessages());
    }

    @Test
    void failsOverToTheNextAddressWhenTheFirstIsDown() throws Exception {
        NsqAddress nobody = new NsqAddress("127.0.0.1", NsqdProcess.freePort());
        NsqProducer producer = producer(NsqProducerConfig.defaults(List.of(nobody, TestNsqd.tcp())));
        producer.publish(TestNsqd.uniqueTopic("failover"), utf8("x")).get(30, TimeUnit.SECONDS);
        assertEquals(TestNsqd.tcp(), producer.stats().connectedTo());
    }

    @Test
    void idleProducerAnswersHeartbeatsAndKeepsItsConnection() throws Exception {
        NsqProducer producer = producer(NsqProducerConfig.defaults(List.of(TestNsqd.tcp()))
                .withIdentify(IdentifyRequest.defaults().withHeartbeatInterval(Duration.ofSeconds(1))));
        String topic = TestNsqd.uniqueTopic("idle_pub");
        producer.publish(topic, utf8("first")).get(30, TimeUnit.SECONDS);
        // nsqd drops a client that stays silent for two heartbeat intervals.
        Await.sleep(Duration.ofMillis(3500));
        producer.publish(topic, utf8("second")).get(30, TimeUnit.SECONDS);
        assertEquals(1, producer.stats().connects(), "no reconnect was needed");
    }

    @Test
    void closedProducerRefusesPublishes() throws Exception {
        NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(TestNsqd.tcp())));
        String topic = TestNsqd.uniqueTopic("closing");
        CompletableFuture<Void> queued = producer.publish(topic, utf8("sent on close"));
        producer.close();
        queued.get(1, TimeUnit.SECONDS);
        assertInstanceOf(NsqNotSentException.class, failureOf(producer.publish(topic, utf8("too late"))));
    }
}
