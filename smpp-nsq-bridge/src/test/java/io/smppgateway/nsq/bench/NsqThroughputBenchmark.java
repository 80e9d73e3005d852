package io.smppgateway.nsq.bench;

import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures (does not assert) publish and consume rates through a real nsqd with ~200-byte bodies:
 * PUB one by one with a window of publishes in flight, auto-batched MPUB, and consumption at
 * max-in-flight 1 and 200. Prints messages/s and the CPU time this JVM and nsqd used, which shows
 * which side is the limit. Topics it creates are deleted at the end.
 *
 * <p>Run: {@code java -cp ... io.smppgateway.nsq.bench.NsqThroughputBenchmark [tcp host:port] [http host:port]}
 * (defaults: SMPP_TEST_NSQD_TCP / SMPP_TEST_NSQD_HTTP); see docs/nsq-client.md.
 */
public final class NsqThroughputBenchmark {

    private static final byte[] BODY = body(200);

    private final NsqAddress tcp;
    private final NsqAddress http;
    private final Optional<ProcessHandle> nsqdProcess;
    private final List<String> topics = new ArrayList<>();

    private NsqThroughputBenchmark(NsqAddress tcp, NsqAddress http) {
        this.tcp = tcp;
        this.http = http;
        this.nsqdProcess = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("nsqd")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(":" + tcp.port())).orElse(false))
                .findFirst();
    }

    public static void main(String[] args) throws Exception {
        NsqAddress tcp = NsqAddress.parse(args.length > 0 ? args[0] : System.getenv("SMPP_TEST_NSQD_TCP"));
        NsqAddress http = NsqAddress.parse(args.length > 1 ? args[1] : System.getenv("SMPP_TEST_NSQD_HTTP"));
        NsqThroughputBenchmark bench = new NsqThroughputBenchmark(tcp, http);
        try {
            bench.run();
        } finally {
            bench.deleteTopics();
        }
    }

    private void run() throws Exception {
        System.out.printf("nsqd %s (%s), body %d bytes, %d cores%n", tcp,
                nsqdProcess.map(p -> "pid " + p.pid()).orElse("process not found: no nsqd CPU figures"),
                BODY.length, Runtime.getRuntime().availableProcessors());
        // Warm-up: JIT and connections.
        publish("warm-up MPUB", NsqProducerConfig.defaults(List.of(tcp)), 100_000, 10_000, false);
        publish("warm-up PUB", NsqProducerConfig.defaults(List.of(tcp)).withBatching(1, 1 << 20, Duration.ZERO)
                .withMaxInFlightCommands(100), 20_000, 100, false);

        publish("PUB one by one, 100 in flight", NsqProducerConfig.defaults(List.of(tcp))
                .withBatching(1, 1 << 20, Duration.ZERO).withMaxInFlightCommands(100), 100_000, 100, true);
        publish("MPUB auto-batched (256 msgs / 512 KiB, 8 in flight), 10,000 outstanding",
                NsqProducerConfig.defaults(List.of(tcp)).withMaxPendingMessages(20_000), 500_000, 10_000, true);
        publish("MPUB auto-batched, 1,000 outstanding", NsqProducerConfig.defaults(List.of(tcp)), 300_000, 1_000, true);

        consume("consume max-in-flight 200", 200, 300_000);
        consume("consume max-in-flight 1", 1, 20_000);
    }

    /** Publishes {@code count} messages keeping at most {@code outstanding} futures open; returns the topic. */
    private String publish(String label, NsqProducerConfig config, int count, int outstanding, boolean report)
            throws Exception {
        String topic = newTopic();
        Semaphore window = new Semaphore(outstanding);
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        try (NsqProducer producer = NsqProducer.start(config)) {
            producer.publish(topic, BODY).get(10, TimeUnit.SECONDS);
            Cpu cpu = new Cpu();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                window.acquire();
                CompletableFuture<Void> f = producer.publish(topic, BODY);
                f.whenComplete((v, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                    window.release();
                });
            }
            window.acquire(outstanding);
            long nanos = System.nanoTime() - start;
            if (report) {
                System.out.printf("%-72s %,10.0f msg/s  (%,d msgs, %,d commands, %d failed) %s%n", label,
                        count / (nanos / 1e9), count, producer.stats().commandsWritten() - 1, failed.get(),
                        cpu.report(nanos));
            }
            if (firstFailure.get() != null) {
                System.out.println("  first failure: " + firstFailure.get());
            }
        }
        return topic;
    }

    private void consume(String label, int maxInFlight, int count) throws Exception {
        String topic = newTopic();
        String channel = "bench";
        post("/topic/create?topic=" + topic);
        post("/channel/create?topic=" + topic + "&channel=" + channel);
        try (NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(tcp))
                .withMaxPendingMessages(20_000))) {
            Semaphore window = new Semaphore(10_000);
            for (int i = 0; i < count; i++) {
                window.acquire();
                producer.publish(topic, BODY).whenComplete((v, e) -> window.release());
            }
            window.acquire(10_000);
        }
        AtomicLong done = new AtomicLong();
        CompletableFuture<Long> finishedAt = new CompletableFuture<>();
        Cpu cpu = new Cpu();
        long start = System.nanoTime();
        NsqConsumer consumer = NsqConsumer.start(NsqConsumerConfig.defaults(topic, channel).withNsqd(List.of(tcp))
                .withMaxInFlight(maxInFlight).withHandlerThreads(Math.min(maxInFlight, 2)), d -> {
                    d.finish();
                    if (done.incrementAndGet() == count) {
                        finishedAt.complete(System.nanoTime());
                    }
                });
        long nanos = finishedAt.get(10, TimeUnit.MINUTES) - start;
        consumer.close();
        System.out.printf("%-72s %,10.0f msg/s  (%,d msgs) %s%n", label, count / (nanos / 1e9), count,
                cpu.report(nanos));
    }

    /** CPU seconds this JVM and nsqd spent during one measurement. */
    private final class Cpu {
        private final long jvmStart = jvmCpu();
        private final long nsqdStart = nsqdCpu();

        String report(long wallNanos) {
            double wall = wallNanos / 1e9;
            double jvm = (jvmCpu() - jvmStart) / 1e9;
            String s = String.format("CPU: client %.1fs (%.0f%%)", jvm, 100 * jvm / wall);
            if (nsqdProcess.isPresent()) {
                double nsqd = (nsqdCpu() - nsqdStart) / 1e9;
                s += String.format(", nsqd %.1fs (%.0f%%)", nsqd, 100 * nsqd / wall);
            }
            return s;
        }
    }

    private static long jvmCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private long nsqdCpu() {
        return nsqdProcess.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private String newTopic() {
        String topic = "bench_" + UUID.randomUUID().toString().substring(0, 8);
        topics.add(topic);
        return topic;
    }

    private void deleteTopics() {
        for (String topic : topics) {
            try {
                post("/topic/delete?topic=" + topic);
            } catch (Exception e) {
                System.out.println("could not delete topic " + topic + ": " + e);
            }
        }
    }

    private void post(String pathAndQuery) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + http + pathAndQuery))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(pathAndQuery + " -> " + r.statusCode() + " " + r.body());
        }
    }

    private static byte[] body(int size) {
        byte[] b = new byte[size];
        byte[] json = "{\"msg_id\":\"00000000-0000-0000-0000-000000000000\",\"text\":\"".getBytes();
        System.arraycopy(json, 0, b, 0, json.length);
        for (int i = json.length; i < size - 2; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        b[size - 2] = '"';
        b[size - 1] = '}';
        return b;
    }
}
