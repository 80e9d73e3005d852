package io.smppgateway.runner.tools;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import io.smppgateway.nsq.NsqDelivery;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code smpp app-load}: the application's side of a load test, over nsqd. It publishes
 * {@code --count} SMS_OUT messages for the gateway {@code --smsc-id} (paced to {@code --rate} per
 * second, or as fast as nsqd takes them), reads DLR_IN on a channel of its own, and reports how
 * many came back {@code sent} and with a final status per second, and the time from publish to
 * each. With {@code --sms-in-topic} it also drains SMS_IN and counts it, so that an ESME load
 * ({@code smpp load}) can run beside it with an application that keeps up. With {@code --warmup N}
 * it first publishes N messages the same way and waits for their finals, unmeasured, so that its
 * own JIT and the gateway's are not in the figures.
 *
 * <p>Exit codes: 0 every message got {@code sent} and a final status; 1 some did not within
 * {@code --timeout} seconds of the last publish, or got an event twice; 2 a usage error.
 */
public final class AppLoadCommand {

    public static final String USAGE_LINE = "smpp app-load --smsc-id ID [--nsqd H:P] [--sms-out-topic T]"
            + " [--dlr-in-topic T] [--sms-in-topic T] [--count C] [--rate R] [--warmup N] [--text T] [--timeout S]";

    private static final Set<String> VALUED = Set.of("--smsc-id", "--nsqd", "--sms-out-topic", "--dlr-in-topic",
            "--sms-in-topic", "--channel", "--count", "--rate", "--warmup", "--text", "--sender", "--receiver",
            "--timeout");
    /** Publishes not yet confirmed by nsqd, at most: keeps the producer's queue bounded. */
    private static final int PUBLISHES_IN_FLIGHT = 4_000;
    private static final int SENT = 1;
    private static final int FINAL = 2;

    private final PrintStream out;
    private final PrintStream err;
    /** The run whose DLR_IN and SMS_IN events are being counted: the warm-up's, then the measured one's. */
    private volatile Run current;

    private AppLoadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new AppLoadCommand(out, err).run(args);
    }

    /** What one run is asked to do. */
    record Plan(NsqAddress nsqd, String smscId, String smsOutTopic, String dlrInTopic, String smsInTopic,
                String channel, int count, int rate, int warmup, String text, String sender, String receiver,
                int timeoutSeconds) {
    }

    private int run(String[] args) {
        Options options = new Options(args, VALUED, Set.of());
        String smscId = options.text("--smsc-id", null);
        if (smscId == null) {
            options.error("--smsc-id is required");
        }
        NsqAddress nsqd = null;
        try {
            nsqd = NsqAddress.parse(options.text("--nsqd", "127.0.0.1:4150"));
        } catch (RuntimeException e) {
            options.error("--nsqd must be host:port: " + e.getMessage());
        }
        Plan plan = new Plan(nsqd, smscId, options.text("--sms-out-topic", "SMS_OUT"),
                options.text("--dlr-in-topic", "DLR_IN"), options.text("--sms-in-topic", null),
                options.text("--channel", "app-load"), options.integer("--count", 10_000, 1, 50_000_000),
                options.integer("--rate", 0, 0, 1_000_000), options.integer("--warmup", 0, 0, 50_000_000),
                options.text("--text", "Load test message"),
                options.text("--sender", "LoadTest"), options.text("--receiver", "380990000001"),
                options.integer("--timeout", 60, 1, 86_400));
        if (!options.errors().isEmpty()) {
            for (String error : options.errors()) {
                err.println("smpp app-load: " + error);
            }
            err.println("usage: " + USAGE_LINE);
            return 2;
        }
        return execute(plan);
    }

    /** Connects, runs the warm-up (if any) and then the measured run on the same connections. */
    private int execute(Plan plan) {
        Run warmup = plan.warmup() > 0 ? new Run(plan, plan.warmup()) : null;
        Run measured = new Run(plan, plan.count());
        current = warmup != null ? warmup : measured;
        NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(plan.nsqd())));
        NsqConsumer dlrIn = NsqConsumer.start(NsqConsumerConfig.defaults(plan.dlrInTopic(), plan.channel())
                .withNsqd(List.of(plan.nsqd())).withMaxInFlight(2_500), delivery -> current.onDlrIn(delivery));
        NsqConsumer smsInDrain = plan.smsInTopic() == null ? null
                : NsqConsumer.start(NsqConsumerConfig.defaults(plan.smsInTopic(), plan.channel())
                        .withNsqd(List.of(plan.nsqd())).withMaxInFlight(2_500), delivery -> {
                            current.smsIn.incrementAndGet();
                            delivery.finish();
                        });
        try {
            if (warmup != null) {
                out.printf(Locale.ROOT, "warming up with %d SMS_OUT (not measured)%n", plan.warmup());
                if (!warmup.publishAndAwait(producer)) {
                    out.printf(Locale.ROOT, "warning: the warm-up did not complete: %s%n", warmup.counts());
                }
            }
            current = measured;
            out.printf(Locale.ROOT, "publishing %d SMS_OUT for %s to %s (%s), reading %s on channel %s%n",
                    plan.count(), plan.smscId(), plan.nsqd(), plan.smsOutTopic(), plan.dlrInTopic(), plan.channel());
            return measured.measure(producer) ? 0 : 1;
        } finally {
            dlrIn.close();
            if (smsInDrain != null) {
                smsInDrain.close();
            }
            producer.close();
        }
    }

    /** One run: what was published when, and which events came back. */
    private final class Run {
        private final Plan plan;
        private final int count;
        private final String runId = UUID.randomUUID().toString().substring(0, 8);
        private final long[] publishedAt;
        private final AtomicIntegerArray seen;
        private final LatencyHistogram toSent = new LatencyHistogram();
        private final LatencyHistogram toFinal = new LatencyHistogram();
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong publishFailures = new AtomicLong();
        private final AtomicLong sentEvents = new AtomicLong();
        private final AtomicLong finalEvents = new AtomicLong();
        private final AtomicLong repeated = new AtomicLong();
        private final AtomicLong smsIn = new AtomicLong();
        private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final Semaphore publishWindow = new Semaphore(PUBLISHES_IN_FLIGHT);

        Run(Plan plan, int count) {
            this.plan = plan;
            this.count = count;
            this.publishedAt = new long[count];
            this.seen = new AtomicIntegerArray(count);
        }

        /** Publishes, waits for the events, prints progress and the report; true when all came back once. */
        boolean measure(NsqProducer producer) {
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "app-load-progress");
                thread.setDaemon(true);
                return thread;
            });
            try {
                long started = System.nanoTime();
                long[] last = {0, 0, 0};
                progress.scheduleAtFixedRate(() -> printProgress(started, last), 1, 1, TimeUnit.SECONDS);
                publishAll(producer, started);
                long publishedBy = System.nanoTime();
                awaitFinals(publishedBy);
                long elapsed = System.nanoTime() - started;
                progress.shutdownNow();
                printSummary(elapsed, publishedBy - started);
                return complete();
            } finally {
                progress.shutdownNow();
            }
        }

        /** Publishes and waits for the events without a report; true when all came back once. */
        boolean publishAndAwait(NsqProducer producer) {
            publishAll(producer, System.nanoTime());
            awaitFinals(System.nanoTime());
            return complete();
        }

        private boolean complete() {
            return sentEvents.get() == count && finalEvents.get() == count && repeated.get() == 0
                    && publishFailures.get() == 0;
        }

        String counts() {
            return String.format(Locale.ROOT, "%d of %d published (%d failed), %d sent, %d final, %d repeated",
                    published.get(), count, publishFailures.get(), sentEvents.get(), finalEvents.get(),
                    repeated.get());
        }

        private void publishAll(NsqProducer producer, long started) {
            double nanosPerMessage = plan.rate() > 0 ? 1e9 / plan.rate() : 0;
            for (int i = 0; i < count; i++) {
                if (nanosPerMessage > 0) {
                    long wait = started + (long) (i * nanosPerMessage) - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                publishWindow.acquireUninterruptibly();
                byte[] body = smsOut(i).getBytes(StandardCharsets.UTF_8);
                publishedAt[i] = System.nanoTime();
                producer.publish(plan.smsOutTopic(), body).whenComplete((ok, failure) -> {
                    publishWindow.release();
                    if (failure == null) {
                        published.incrementAndGet();
                    } else {
                        publishFailures.incrementAndGet();
                    }
                });
            }
            publishWindow.acquireUninterruptibly(PUBLISHES_IN_FLIGHT);
            publishWindow.release(PUBLISHES_IN_FLIGHT);
        }

        private String smsOut(int index) {
            JsonObject body = new JsonObject();
            body.addProperty("smsc_id", plan.smscId());
            body.addProperty("msg_id", runId + "-" + index);
            body.addProperty("sender", plan.sender());
            body.addProperty("receiver", plan.receiver());
            body.addProperty("message", plan.text());
            return body.toString();
        }

        private void onDlrIn(NsqDelivery delivery) {
            long now = System.nanoTime();
            try {
                JsonObject event = JsonParser.parseString(delivery.message().bodyAsString()).getAsJsonObject();
                int index = indexOf(event.get("msg_id"));
                if (index < 0) {
                    return; // another run's or another application's message
                }
                String status = event.get("status").getAsString();
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                int bit = status.equals("sent") ? SENT : FINAL;
                int before = seen.getAndAccumulate(index, bit, (old, add) -> old | add);
                if ((before & bit) != 0) {
                    repeated.incrementAndGet();
                    return;
                }
                long micros = (now - publishedAt[index]) / 1000;
                if (bit == SENT) {
                    sentEvents.incrementAndGet();
                    toSent.record(micros);
                } else {
                    // a rejection before the SMSC took the message (ours, or its submit_sm_resp: no
                    // gateway_msg_id) has no sent event: count it as both. One from the SMSC's receipt
                    // has, and it may come before its sent event.
                    if (status.equals("rejected") && !event.has("gateway_msg_id") && (before & SENT) == 0) {
                        seen.getAndAccumulate(index, SENT, (old, add) -> old | add);
                        sentEvents.incrementAndGet();
                    }
                    finalEvents.incrementAndGet();
                    toFinal.record(micros);
                }
            } catch (RuntimeException e) {
                statuses.computeIfAbsent("unreadable", s -> new AtomicLong()).incrementAndGet();
            } finally {
                delivery.finish();
            }
        }

        private int indexOf(JsonElement msgId) {
            if (msgId == null || !msgId.isJsonPrimitive()) {
                return -1;
            }
            String id = msgId.getAsString();
            if (!id.startsWith(runId + "-")) {
                return -1;
            }
            try {
                int index = Integer.parseInt(id.substring(runId.length() + 1));
                return index >= 0 && index < count ? index : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** Waits for every message's final and sent events: a sent event may come after its final one. */
        private void awaitFinals(long publishedBy) {
            long deadline = publishedBy + TimeUnit.SECONDS.toNanos(plan.timeoutSeconds());
            while ((finalEvents.get() < count || sentEvents.get() < count)
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }

        private void printProgress(long started, long[] last) {
            long seconds = Math.round((System.nanoTime() - started) / 1e9);
            long pub = published.get();
            long sent = sentEvents.get();
            long fin = finalEvents.get();
            out.printf(Locale.ROOT, "[%4ds] published %d (%d/s), sent %d (%d/s), final %d (%d/s)%s%n", seconds, pub,
                    pub - last[0], sent, sent - last[1], fin, fin - last[2],
                    plan.smsInTopic() == null ? "" : ", SMS_IN " + smsIn.get());
            last[0] = pub;
            last[1] = sent;
            last[2] = fin;
        }

        private void printSummary(long elapsedNanos, long publishNanos) {
            double seconds = elapsedNanos / 1e9;
            out.printf(Locale.ROOT, "published: %d in %.2f s: %.0f/s (failed %d)%n", published.get(),
                    publishNanos / 1e9, published.get() / (publishNanos / 1e9), publishFailures.get());
            out.printf(Locale.ROOT, "DLR_IN sent: %d, final: %d in %.2f s: %.0f final/s; repeated events: %d%n",
                    sentEvents.get(), finalEvents.get(), seconds, finalEvents.get() / seconds, repeated.get());
            out.printf(Locale.ROOT, "statuses: %s%n", new TreeMap<>(statuses));
            out.printf(Locale.ROOT, "publish -> sent: %s%n", toSent.percentilesInMillis());
            out.printf(Locale.ROOT, "publish -> final: %s%n", toFinal.percentilesInMillis());
            if (plan.smsInTopic() != null) {
                out.printf(Locale.ROOT, "SMS_IN drained: %d%n", smsIn.get());
            }
        }
    }
}
