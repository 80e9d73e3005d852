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
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.runner.ProjectVersion;
import io.smppgateway.runner.config.BusChoice;
import io.smppgateway.runner.config.SettingsReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
@Command(name = "app-load", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        showDefaultValues = true, sortOptions = false,
        description = {"The application's side of a load test, over nsqd: publishes SMS_OUT for one gateway"
            + " (SMSC) of the gateway, reads the DLR_IN events that come back on a channel of its own and reports"
            + " how many came back sent and final, per second, and the time from publish to each.",
            "The topics and the nsqd address are the gateway's own: NSQ_SMS_OUT_TOPIC, NSQ_DLR_IN_TOPIC (and"
            + " NSQ_SMS_IN_TOPIC) with their _HOST/_PORT, else NSQ_HOST/NSQ_PORT, from smpp.conf and the"
            + " environment, as `smpp run` reads them; the options below override them.",
            "The first SMS_OUT is published alone: until something answers it on DLR_IN no other is published,"
            + " and a line every 10 s says that nothing answers."},
        footer = {"", "Exit codes: 0 every message got sent and a final status; 1 some did not within --timeout"
            + " seconds of the last publish, got an event twice, or nothing answered the first; 2 a usage error."})
public final class AppLoadCommand implements Callable<Integer> {

    /** Publishes not yet confirmed by nsqd, at most: keeps the producer's queue bounded. */
    private static final int PUBLISHES_IN_FLIGHT = 4_000;
    private static final int SENT = 1;
    private static final int FINAL = 2;
    /** How often app-load says that nothing has answered the first SMS_OUT yet. */
    private static final long SILENCE_REPORT_SECONDS = 10;

    @Option(names = "--smsc-id", paramLabel = "ID", required = true,
            description = "The gateway (smsc_id of POST /api/gateways) the SMS_OUT are for.")
    private String smscId;
    @Option(names = "--nsqd", paramLabel = "H:P", description = "The nsqd (TCP) for every topic. Default: the"
            + " gateway's NSQ_SMS_OUT_HOST:NSQ_SMS_OUT_PORT (and DLR_IN's, SMS_IN's), else NSQ_HOST:NSQ_PORT,"
            + " else localhost:4150.")
    private String nsqd;
    @Option(names = "--sms-out-topic", paramLabel = "T", description = "Where to publish. Default: the gateway's"
            + " NSQ_SMS_OUT_TOPIC.")
    private String smsOutTopic;
    @Option(names = "--dlr-in-topic", paramLabel = "T", description = "Where the events come back. Default: the"
            + " gateway's NSQ_DLR_IN_TOPIC.")
    private String dlrInTopic;
    @Option(names = "--sms-in-topic", paramLabel = "T", description = "Also drain and count SMS_IN from this topic"
            + " (beside `smpp load`). Default: SMS_IN is not read.")
    private String smsInTopic;
    @Option(names = "--channel", paramLabel = "C", defaultValue = "app-load",
            description = "The channel DLR_IN (and SMS_IN) is read on: not your application's.")
    private String channel;
    @Option(names = "--count", paramLabel = "C", defaultValue = "10000", description = "SMS_OUT to publish.")
    private int count;
    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "SMS_OUT per second; 0: as fast as nsqd takes them.")
    private int rate;
    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "SMS_OUT published first and awaited, not measured.")
    private int warmup;
    @Option(names = "--text", paramLabel = "T", defaultValue = "Load test message", description = "The message.")
    private String text;
    @Option(names = "--sender", paramLabel = "S", defaultValue = "LoadTest", description = "The sender.")
    private String sender;
    @Option(names = "--receiver", paramLabel = "R", defaultValue = "380990000001", description = "The receiver.")
    private String receiver;
    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
            description = "Seconds to wait after the last publish for the final events (and for a first answer).")
    private int timeout;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Path home;
    private final Map<String, String> environment;
    /** The run whose DLR_IN and SMS_IN events are being counted: the warm-up's, then the measured one's. */
    private volatile Run current;

    /**
     * @param home        the launcher's folder, where the gateway's smpp.conf is
     * @param environment the process environment: the gateway's keys in it win over smpp.conf, as for the gateway
     */
    public AppLoadCommand(PrintStream out, PrintStream err, Path home, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.home = home;
        this.environment = environment;
    }

    /** Runs with the working folder's smpp.conf and this process's environment. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Path.of("").toAbsolutePath(), System.getenv());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Path home, Map<String, String> environment) {
        return ToolCommandLine.execute(new AppLoadCommand(out, err, home, environment), args, out, err);
    }

    /** What one run is asked to do; each topic is read or written on its own nsqd, as the gateway's are. */
    record Plan(NsqAddress smsOutNsqd, NsqAddress dlrInNsqd, NsqAddress smsInNsqd, String smscId, String smsOutTopic,
                String dlrInTopic, String smsInTopic, String channel, int count, int rate, int warmup, String text,
                String sender, String receiver, int timeoutSeconds) {
    }

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        ToolCommandLine.checkRange(problems, "--count", count, 1, 50_000_000);
        ToolCommandLine.checkRange(problems, "--rate", rate, 0, 1_000_000);
        ToolCommandLine.checkRange(problems, "--warmup", warmup, 0, 50_000_000);
        ToolCommandLine.checkRange(problems, "--timeout", timeout, 1, 86_400);
        NsqAddress given = null;
        if (nsqd != null) {
            try {
                given = NsqAddress.parse(nsqd);
            } catch (RuntimeException e) {
                problems.add("--nsqd must be host:port: " + e.getMessage());
            }
        }
        GatewayTopics gateway = GatewayTopics.read(home, environment);
        BusChoice.NsqEndpoint smsOut = gateway.endpoint(Topic.SMS_OUT);
        BusChoice.NsqEndpoint dlrIn = gateway.endpoint(Topic.DLR_IN);
        BusChoice.NsqEndpoint smsIn = gateway.endpoint(Topic.SMS_IN);
        String publishTo = smsOutTopic != null ? smsOutTopic : smsOut == null ? null : smsOut.topic();
        String readFrom = dlrInTopic != null ? dlrInTopic : dlrIn == null ? null : dlrIn.topic();
        if (publishTo == null || readFrom == null) {
            problems.add("no SMS_OUT/DLR_IN topic: " + gateway.why() + ". Set NSQ_SMS_OUT_TOPIC and"
                    + " NSQ_DLR_IN_TOPIC in smpp.conf (the gateway reads the same keys), or give --sms-out-topic"
                    + " and --dlr-in-topic");
        }
        if (!problems.isEmpty()) {
            throw ToolCommandLine.usageError(spec, problems);
        }
        Plan plan = new Plan(address(given, smsOut), address(given, dlrIn), address(given, smsIn), smscId, publishTo,
                readFrom, smsInTopic, channel, count, rate, warmup, text, sender, receiver, timeout);
        return execute(plan);
    }

    /** The nsqd of a topic: {@code --nsqd}, else the gateway's for that topic, else its defaults. */
    private static NsqAddress address(NsqAddress given, BusChoice.NsqEndpoint gateway) {
        if (given != null) {
            return given;
        }
        return gateway != null ? new NsqAddress(gateway.host(), gateway.port())
                : new NsqAddress(SettingsReader.DEFAULT_NSQ_HOST, SettingsReader.DEFAULT_NSQD_PORT);
    }

    /** Connects, runs the warm-up (if any) and then the measured run on the same connections. */
    private int execute(Plan plan) {
        Run warmup = plan.warmup() > 0 ? new Run(plan, plan.warmup(), true) : null;
        Run measured = new Run(plan, plan.count(), warmup == null);
        current = warmup != null ? warmup : measured;
        NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(plan.smsOutNsqd())));
        NsqConsumer dlrIn = NsqConsumer.start(NsqConsumerConfig.defaults(plan.dlrInTopic(), plan.channel())
                .withNsqd(List.of(plan.dlrInNsqd())).withMaxInFlight(2_500), delivery -> current.onDlrIn(delivery));
        NsqConsumer smsInDrain = plan.smsInTopic() == null ? null
                : NsqConsumer.start(NsqConsumerConfig.defaults(plan.smsInTopic(), plan.channel())
                        .withNsqd(List.of(plan.smsInNsqd())).withMaxInFlight(2_500), delivery -> {
                            current.smsIn.incrementAndGet();
                            delivery.finish();
                        });
        out.printf(Locale.ROOT, "publishing SMS_OUT for %s to topic '%s' on %s, reading DLR_IN from topic '%s' on %s"
                        + " (channel %s)%n", plan.smscId(), plan.smsOutTopic(), plan.smsOutNsqd(), plan.dlrInTopic(),
                plan.dlrInNsqd(), plan.channel());
        try {
            if (warmup != null) {
                out.printf(Locale.ROOT, "warming up with %d SMS_OUT (not measured)%n", plan.warmup());
                if (!warmup.publishAndAwait(producer)) {
                    if (!warmup.answered()) {
                        return 1;
                    }
                    out.printf(Locale.ROOT, "warning: the warm-up did not complete: %s%n", warmup.counts());
                }
            }
            current = measured;
            out.printf(Locale.ROOT, "publishing %d SMS_OUT for %s to %s (%s), reading %s on channel %s%n",
                    plan.count(), plan.smscId(), plan.smsOutNsqd(), plan.smsOutTopic(), plan.dlrInTopic(),
                    plan.channel());
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
        private volatile Throwable lastPublishFailure;

        /** Whether the first SMS_OUT goes alone, the others only once something answered it. */
        private final boolean firstAlone;
        private volatile boolean answered;

        Run(Plan plan, int count, boolean firstAlone) {
            this.plan = plan;
            this.count = count;
            this.firstAlone = firstAlone;
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
                if (!publishAll(producer, started)) {
                    return false;
                }
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
            if (!publishAll(producer, System.nanoTime())) {
                return false;
            }
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

        /** Whether something answered on DLR_IN (false only when the first SMS_OUT went unanswered). */
        boolean answered() {
            return answered || !firstAlone;
        }

        /** Publishes every message; false when the first went alone and nothing answered it. */
        private boolean publishAll(NsqProducer producer, long started) {
            double nanosPerMessage = plan.rate() > 0 ? 1e9 / plan.rate() : 0;
            long pacedFrom = started;
            for (int i = 0; i < count; i++) {
                if (nanosPerMessage > 0) {
                    long wait = pacedFrom + (long) (i * nanosPerMessage) - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                publish(producer, i);
                if (i == 0 && firstAlone) {
                    if (!awaitFirstAnswer()) {
                        return false;
                    }
                    pacedFrom = System.nanoTime() - (long) nanosPerMessage;
                }
            }
            publishWindow.acquireUninterruptibly(PUBLISHES_IN_FLIGHT);
            publishWindow.release(PUBLISHES_IN_FLIGHT);
            return true;
        }

        private void publish(NsqProducer producer, int index) {
            publishWindow.acquireUninterruptibly();
            byte[] body = smsOut(index).getBytes(StandardCharsets.UTF_8);
            publishedAt[index] = System.nanoTime();
            producer.publish(plan.smsOutTopic(), body).whenComplete((ok, failure) -> {
                publishWindow.release();
                if (failure == null) {
                    published.incrementAndGet();
                } else {
                    publishFailures.incrementAndGet();
                    lastPublishFailure = failure;
                }
            });
        }

        /**
         * Waits up to {@code --timeout} for any DLR_IN event of the first SMS_OUT, saying every 10 s
         * that nothing answers, so that a run against a topic nothing consumes does not publish
         * thousands of messages into it unseen.
         */
        private boolean awaitFirstAnswer() {
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(plan.timeoutSeconds());
            long nextReport = started + TimeUnit.SECONDS.toNanos(SILENCE_REPORT_SECONDS);
            while (seen.get(0) == 0 && System.nanoTime() < deadline) {
                if (publishFailures.get() > 0) {
                    err.printf(Locale.ROOT, "smpp app-load: cannot publish to topic '%s' on nsqd %s: %s%n",
                            plan.smsOutTopic(), plan.smsOutNsqd(), lastPublishFailure);
                    return false;
                }
                if (System.nanoTime() >= nextReport) {
                    err.printf(Locale.ROOT, "smpp app-load: nothing has answered the first SMS_OUT in %d s: it waits"
                                    + " in topic '%s' on nsqd %s and no DLR_IN came on topic '%s'. Is a gateway"
                                    + " running with NSQ_SMS_OUT_TOPIC=%s and NSQ_DLR_IN_TOPIC=%s, bound to '%s'?"
                                    + " No more SMS_OUT until it answers (at most %d s)%n",
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), plan.smsOutTopic(),
                            plan.smsOutNsqd(), plan.dlrInTopic(), plan.smsOutTopic(), plan.dlrInTopic(),
                            plan.smscId(), plan.timeoutSeconds());
                    nextReport += TimeUnit.SECONDS.toNanos(SILENCE_REPORT_SECONDS);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            if (seen.get(0) == 0) {
                err.printf(Locale.ROOT, "smpp app-load: nothing answered the first SMS_OUT within %d s: it is left in"
                                + " topic '%s' on nsqd %s, unconsumed; no other was published. Start the gateway with"
                                + " NSQ_SMS_OUT_TOPIC=%s (smpp.conf) or give the topics it uses (--sms-out-topic,"
                                + " --dlr-in-topic)%n", plan.timeoutSeconds(), plan.smsOutTopic(), plan.smsOutNsqd(),
                        plan.smsOutTopic());
                return false;
            }
            answered = true;
            return true;
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
