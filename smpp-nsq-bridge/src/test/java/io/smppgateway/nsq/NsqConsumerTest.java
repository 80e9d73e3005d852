package io.smppgateway.nsq;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consuming from the shared test nsqd. */
class NsqConsumerTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private NsqProducer producer;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private NsqProducer producer() {
        if (producer == null) {
            producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(TestNsqd.tcp())));
            toClose.add(producer);
        }
        return producer;
    }

    private void publish(String topic, String... bodies) throws Exception {
        for (String b : bodies) {
            producer().publish(topic, b.getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
        }
    }

    private NsqConsumer consumer(NsqConsumerConfig config, NsqMessageHandler handler) {
        NsqConsumer c = NsqConsumer.start(config, handler);
        toClose.add(c);
        return c;
    }

    private static NsqConsumerConfig config(String topic) {
        return NsqConsumerConfig.defaults(topic, "ch").withNsqd(List.of(TestNsqd.tcp()));
    }

    /** Channel counters from nsqd's /stats: depth, in flight and deferred all zero means nothing left. */
    private static boolean channelEmpty(String topic) {
        String stats = TestNsqd.stats(TestNsqd.http(), topic);
        return stats.contains("\"channel_name\":\"ch\"") && stats.contains("\"depth\":0")
                && stats.contains("\"in_flight_count\":0") && stats.contains("\"deferred_count\":0")
                && !stats.matches("(?s).*\"depth\":[1-9].*");
    }

    @Test
    void requeuedMessageComesBackWithOneMoreAttempt() throws Exception {
        String topic = TestNsqd.uniqueTopic("req");
        publish(topic, "again");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        NsqConsumer consumer = consumer(config(topic), d -> {
            attempts.add(d.message().attempts());
            if (d.message().attempts() == 1) {
                d.requeue(Duration.ZERO);
            } else {
                d.finish();
            }
        });
        Await.until(() -> consumer.stats().finished() == 1, () -> "attempts " + attempts);
        assertEquals(List.of(1, 2), attempts);
        assertEquals(1, consumer.stats().requeued());
    }

    @Test
    void handlerThatThrowsGetsTheMessageAgainAfterBackoff() throws Exception {
        String topic = TestNsqd.uniqueTopic("throws");
        publish(topic, "boom");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        NsqConsumer consumer = consumer(config(topic)
                .withRequeueBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1))), d -> {
            attempts.add(d.message().attempts());
            if (d.message().attempts() < 3) {
                throw new IllegalStateException("fails on attempt " + d.message().attempts());
            }
            d.finish();
        });
        Await.until(() -> consumer.stats().finished() == 1, () -> "attempts " + attempts);
        assertEquals(List.of(1, 2, 3), attempts);
    }

    @Test
    void messageOverMaxAttemptsGoesToTheGiveUpHandlerAndIsFinished() throws Exception {
        String topic = TestNsqd.uniqueTopic("giveup");
        publish(topic, "poison");
        List<NsqMessage> parked = new CopyOnWriteArrayList<>();
        AtomicInteger handled = new AtomicInteger();
        NsqConsumer consumer = consumer(config(topic).withMaxAttempts(2, m -> {
            parked.add(m);
            return CompletableFuture.completedFuture(null);
        }), d -> {
            handled.incrementAndGet();
            d.requeue(Duration.ZERO);
        });
        Await.until(() -> consumer.stats().gaveUp() == 1, () -> "stats " + consumer.stats());
        assertEquals(2, handled.get(), "the handler saw attempts 1 and 2 only");
        assertEquals(1, parked.size());
        assertEquals(3, parked.get(0).attempts());
        assertEquals("poison", parked.get(0).bodyAsString());
        Await.until(() -> channelEmpty(topic), () -> TestNsqd.stats(TestNsqd.http(), topic));
    }

    @Test
    void neverHoldsMoreUnsettledMessagesThanMaxInFlight() throws Exception {
        String topic = TestNsqd.uniqueTopic("mif");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bodies.add(("n" + i).getBytes(StandardCharsets.UTF_8));
        }
        producer().publishBatch(topic, bodies).get(30, TimeUnit.SECONDS);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger maxHeld = new AtomicInteger();
        // The first four wait for each other: they can only meet if RDY let four in at once.
        CyclicBarrier firstFour = new CyclicBarrier(4);
        AtomicInteger seen = new AtomicInteger();
        NsqConsumer consumer = consumer(config(topic).withMaxInFlight(4).withHandlerThreads(8), d -> {
            int now = held.incrementAndGet();
            maxHeld.accumulateAndGet(now, Math::max);
            if (seen.incrementAndGet() <= 4) {
                firstFour.await(20, TimeUnit.SECONDS);
            } else {
                Thread.sleep(5);
            }
            held.decrementAndGet();
            d.finish();
        });
        Await.until(() -> consumer.stats().finished() == 40, () -> "stats " + consumer.stats());
        assertEquals(4, maxHeld.get(), "unsettled messages held at once");
        assertEquals(40, consumer.stats().received(), "no message came twice");
    }

    @Test
    void touchKeepsALongRunningMessageFromBeingRedelivered() throws Exception {
        String topic = TestNsqd.uniqueTopic("touch");
        publish(topic, "slow");
        NsqConsumer consumer = consumer(config(topic).withMaxInFlight(2)
                .withIdentify(IdentifyRequest.defaults().withMsgTimeout(Duration.ofSeconds(1))), d -> {
            // Work three times longer than msg_timeout, touching along the way.
            for (int i = 0; i < 10; i++) {
                Thread.sleep(300);
                d.touch();
            }
            d.finish();
        });
        Await.until(() -> consumer.stats().finished() == 1, () -> "stats " + consumer.stats());
        assertEquals(1, consumer.stats().received(), "nsqd did not time the message out");
        Await.until(() -> channelEmpty(topic), () -> TestNsqd.stats(TestNsqd.http(), topic));
    }

    @Test
    void idleConsumerAnswersHeartbeatsAndStaysSubscribed() throws Exception {
        String topic = TestNsqd.uniqueTopic("heartbeat");
        CollectingHandler handler = new CollectingHandler();
        NsqConsumer consumer = consumer(config(topic)
                .withIdentify(IdentifyRequest.defaults().withHeartbeatInterval(Duration.ofSeconds(1))), handler);
        // Idle for over three heartbeat intervals (nsqd drops a client silent for two).
        Await.until(() -> consumer.stats().heartbeatsAnswered() >= 3, () -> "stats " + consumer.stats());
        assertEquals(1, consumer.stats().connects());
        assertEquals(1, consumer.stats().connections());
        publish(topic, "after idle");
        Await.until(() -> handler.bodies.contains("after idle"), () -> "received " + handler.bodies);
        assertEquals(1, consumer.stats().connects());
    }

    @Test
    void consumerThatDiesWithoutFinLeavesTheMessageToTheNext() throws Exception {
        String topic = TestNsqd.uniqueTopic("dies");
        publish(topic, "orphan");
        CompletableFuture<NsqDelivery> heldByFirst = new CompletableFuture<>();
        try (SeveringProxy network = new SeveringProxy(TestNsqd.tcp())) {
            consumer(config(topic).withNsqd(List.of(network.address()))
                    .withIdentify(IdentifyRequest.defaults().withMsgTimeout(Duration.ofSeconds(1))), heldByFirst::complete);
            heldByFirst.get(30, TimeUnit.SECONDS);
            network.sever();
        }

        CollectingHandler handler = new CollectingHandler();
        consumer(config(topic), handler);
        Await.until(() -> handler.messages.size() == 1, () -> "received " + handler.messages);
        assertEquals("orphan", handler.messages.get(0).bodyAsString());
        assertEquals(2, handler.messages.get(0).attempts());
    }

    @Test
    void cleanShutdownLetsHandlersFinishAndRequeuesTheRestForTheNextConsumer() throws Exception {
        String topic = TestNsqd.uniqueTopic("shutdown");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bodies.add(("s" + i).getBytes(StandardCharsets.UTF_8));
        }
        producer().publishBatch(topic, bodies).get(30, TimeUnit.SECONDS);
        Set<String> finishedByFirst = ConcurrentHashMap.newKeySet();
        AtomicInteger receivedByFirst = new AtomicInteger();
        // msg_timeout stays at 60 s: what the next consumer gets within the test was requeued, not timed out.
        NsqConsumer first = NsqConsumer.start(config(topic).withMaxInFlight(10)
                .withShutdownTimeout(Duration.ofSeconds(5)), d -> {
            receivedByFirst.incrementAndGet();
            int n = Integer.parseInt(d.message().bodyAsString().substring(1));
            if (n % 2 == 1) {
                Thread.sleep(300);
                finishedByFirst.add(d.message().bodyAsString());
                d.finish();
            }
            // Even ones are held and never settled.
        });
        Await.until(() -> receivedByFirst.get() == 10, () -> "first got " + receivedByFirst.get());
        first.closeAsync().get(30, TimeUnit.SECONDS);
        assertEquals(Set.of("s1", "s3", "s5", "s7", "s9"), finishedByFirst, "in-flight work finished during close");
        assertEquals(5, first.stats().requeued());

        CollectingHandler next = new CollectingHandler();
        consumer(config(topic).withMaxInFlight(10), next);
        Await.until(() -> next.bodies.size() == 5 && channelEmpty(topic),
                () -> "next got " + next.bodies + ", nsqd: " + TestNsqd.stats(TestNsqd.http(), topic));
        assertEquals(Set.of("s0", "s2", "s4", "s6", "s8"), next.bodies);
    }

    @Test
    void findsNsqdThroughLookupd() throws Exception {
        String topic = TestNsqd.uniqueTopic("lookup");
        NsqAddress nsqd = TestNsqd.tcp();
        List<String> queries = new CopyOnWriteArrayList<>();
        HttpServer lookupd = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lookupd.createContext("/lookup", exchange -> {
            queries.add(exchange.getRequestURI().getQuery());
            byte[] body = ("{\"channels\":[\"ch\"],\"producers\":[{\"remote_address\":\"127.0.0.1:1\","
                    + "\"hostname\":\"test\",\"broadcast_address\":\"" + nsqd.host() + "\",\"tcp_port\":"
                    + nsqd.port() + ",\"http_port\":1,\"version\":\"1.3.0\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        lookupd.start();
        toClose.add(() -> lookupd.stop(0));
        CollectingHandler handler = new CollectingHandler();
        NsqAddress lookupdAddress = new NsqAddress("127.0.0.1", lookupd.getAddress().getPort());
        NsqConsumer consumer = consumer(NsqConsumerConfig.defaults(topic, "ch")
                .withLookupd(List.of(lookupdAddress), Duration.ofMillis(300)), handler);
        Await.until(() -> consumer.stats().connections() == 1, () -> "stats " + consumer.stats());
        publish(topic, "found");
        Await.until(() -> handler.bodies.contains("found"), () -> "received " + handler.bodies);
        Await.until(() -> queries.size() >= 3, () -> "lookupd polled " + queries.size() + " times");
        assertEquals("topic=" + topic, queries.get(0));
        assertEquals(1, consumer.stats().connects(), "a known nsqd is not connected twice");
    }
}
