package io.smppgateway.runner.tools;

import io.smppgateway.smpp.async.FailureCause;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.text.ConcatenationMethod;
import io.smppgateway.smpp.text.EncodingChoice;
import io.smppgateway.smpp.text.EncodingChooser;
import io.smppgateway.smpp.text.Gsm7Packing;
import io.smppgateway.smpp.text.MessageSplitter;
import io.smppgateway.smpp.text.Segment;
import io.smppgateway.smpp.text.SplitMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code smpp load}: an ESME load generator for our server or any SMSC. It opens {@code --binds}
 * sessions, keeps up to {@code --window} submit_sm unanswered on each, paces them to
 * {@code --rate} per second (or as fast as the windows allow), sends {@code --count} of them or
 * for {@code --duration} seconds, cycling through the {@code --text} messages (a long one goes as
 * concatenated segments, each a submit), and answers any deliver_sm. It prints a progress line
 * every second and, at the end, submits per second and the p50/p99/max submit_sm_resp latency.
 * {@code --warmup N} first sends N submits on the same sessions, at the same rate, that count
 * nowhere: the peer's and this tool's code is compiled before anything is measured.
 *
 * <p>Exit codes: 0 every submit answered OK; 1 a bind failed, or some submits were refused or
 * unanswered; 2 a usage error.
 */
public final class LoadCommand {

    public static final String USAGE_LINE = "smpp load --system-id ID [--password PW] [--host H] [--port N]"
            + " [--binds N] [--window W] [--rate R] [--count C | --duration S] [--warmup N] [--text T]... [--receipts]";

    private static final Set<String> VALUED = Set.of("--host", "--port", "--system-id", "--password", "--binds",
            "--window", "--rate", "--count", "--duration", "--warmup", "--text", "--source", "--destination",
            "--bind-type");
    private static final Set<String> FLAGS = Set.of("--receipts");

    private final PrintStream out;
    private final PrintStream err;

    private LoadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new LoadCommand(out, err).run(args);
    }

    /** What one run is asked to do. */
    record Plan(String host, int port, String systemId, String password, BindType bindType, int binds, int window,
                int rate, long count, long durationSeconds, long warmup, List<String> texts, String source,
                String destination, boolean receipts) {
    }

    private int run(String[] args) {
        Options options = new Options(args, VALUED, FLAGS);
        String systemId = options.text("--system-id", null);
        if (systemId == null) {
            options.error("--system-id is required");
        }
        if (options.has("--count") && options.has("--duration")) {
            options.error("give --count or --duration, not both");
        }
        BindType bindType = switch (options.text("--bind-type", "trx")) {
            case "trx" -> BindType.TRANSCEIVER;
            case "tx" -> BindType.TRANSMITTER;
            default -> {
                options.error("--bind-type must be trx or tx");
                yield BindType.TRANSCEIVER;
            }
        };
        List<String> texts = options.all("--text").isEmpty() ? List.of("Load test message") : options.all("--text");
        Plan plan = new Plan(options.text("--host", "127.0.0.1"), options.integer("--port", 2775, 1, 65535),
                systemId, options.text("--password", ""), bindType, options.integer("--binds", 1, 1, 100),
                options.integer("--window", 10, 1, 10_000), options.integer("--rate", 0, 0, 1_000_000),
                options.number("--count", options.has("--duration") ? 0 : 1000, 1, Long.MAX_VALUE),
                options.number("--duration", 0, 1, 86_400), options.number("--warmup", 0, 0, Long.MAX_VALUE), texts,
                options.text("--source", "LoadTest"),
                options.text("--destination", "380990000001"), options.has("--receipts"));
        List<MessageTemplate> messages = new ArrayList<>();
        for (String text : texts) {
            try {
                messages.add(MessageTemplate.of(text));
            } catch (RuntimeException e) {
                options.error("--text '" + text + "' cannot be sent: " + e.getMessage());
            }
        }
        if (!options.errors().isEmpty()) {
            for (String error : options.errors()) {
                err.println("smpp load: " + error);
            }
            err.println("usage: " + USAGE_LINE);
            return 2;
        }
        return new Run(plan, messages).execute();
    }

    /** A text split into the segments a submit_sm each carries. */
    record MessageTemplate(int dataCoding, List<Segment> segments) {

        static MessageTemplate of(String text) {
            EncodingChoice encoding = EncodingChooser.choose(text, true, ConcatenationMethod.UDH_8_BIT_REFERENCE);
            SplitMessage split = MessageSplitter.split(text, encoding, 1, Gsm7Packing.UNPACKED);
            return new MessageTemplate(split.dataCoding().value(), split.segments());
        }
    }

    /** One load run: its sessions, counters and latency histogram. */
    private final class Run {
        private final Plan plan;
        private final List<MessageTemplate> messages;
        private final LatencyHistogram latency = new LatencyHistogram();
        private final AtomicLong submitted = new AtomicLong();
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong deliveries = new AtomicLong();
        private final AtomicLong warmupFailures = new AtomicLong();
        private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        private final List<Semaphore> windows = new ArrayList<>();

        Run(Plan plan, List<MessageTemplate> messages) {
            this.plan = plan;
            this.messages = messages;
            for (int i = 0; i < plan.binds(); i++) {
                windows.add(new Semaphore(plan.window()));
            }
        }

        int execute() {
            RequestHandler answerDeliveries = (session, request) -> {
                if (request instanceof DeliverSm deliver) {
                    deliveries.incrementAndGet();
                    return CompletableFuture.completedFuture(deliver.response(""));
                }
                if (request instanceof DataSm data) {
                    deliveries.incrementAndGet();
                    return CompletableFuture.completedFuture(data.response(""));
                }
                return null;
            };
            SessionConfig config = SessionConfig.defaults().withWindowSize(plan.window())
                    .withQueueCapacity(plan.window()).withResponseTimeout(Duration.ofSeconds(30));
            try (SmppConnector connector = new SmppConnector()) {
                List<ChannelSession> sessions = bindAll(connector, config, answerDeliveries);
                if (sessions == null) {
                    return 1;
                }
                out.printf(Locale.ROOT, "bound %d %s session(s) to %s:%d as %s, window %d, rate %s%n",
                        sessions.size(), plan.bindType().name().toLowerCase(Locale.ROOT), plan.host(), plan.port(),
                        plan.systemId(), plan.window(), plan.rate() == 0 ? "unlimited" : plan.rate() + "/s");
                if (plan.warmup() > 0) {
                    out.printf(Locale.ROOT, "warming up with %d submits (not measured)%n", plan.warmup());
                    send(sessions, System.nanoTime(), plan.warmup(), Long.MAX_VALUE, false);
                    awaitAnswers();
                    if (warmupFailures.get() > 0) {
                        out.printf(Locale.ROOT, "warm-up: %d submits not answered OK%n", warmupFailures.get());
                    }
                    deliveries.set(0);
                }
                long started = System.nanoTime();
                boolean timed = plan.durationSeconds() > 0;
                ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "load-progress");
                    thread.setDaemon(true);
                    return thread;
                });
                long[] lastCount = {0};
                progress.scheduleAtFixedRate(() -> printProgress(started, lastCount), 1, 1, TimeUnit.SECONDS);
                try {
                    send(sessions, started, timed ? Long.MAX_VALUE : plan.count(),
                            timed ? started + TimeUnit.SECONDS.toNanos(plan.durationSeconds()) : Long.MAX_VALUE, true);
                    awaitAnswers();
                } finally {
                    progress.shutdownNow();
                }
                long elapsed = System.nanoTime() - started;
                for (ChannelSession session : sessions) {
                    session.unbind();
                }
                CompletableFuture.allOf(sessions.stream().map(ChannelSession::closeFuture)
                        .toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS)
                        .exceptionally(e -> null).join();
                printSummary(elapsed);
                return ok.get() == submitted.get() ? 0 : 1;
            }
        }

        private List<ChannelSession> bindAll(SmppConnector connector, SessionConfig config, RequestHandler handler) {
            List<CompletableFuture<ChannelSession>> binding = new ArrayList<>();
            for (int i = 0; i < plan.binds(); i++) {
                BindRequest bind = BindRequest.of(plan.bindType(), 1, plan.systemId(), plan.password(), "",
                        InterfaceVersion.SMPP_3_4, Address.EMPTY);
                binding.add(connector.connectAndBind(plan.host(), plan.port(), null, Duration.ofSeconds(10), config,
                        bind, handler, PduListener.NONE));
            }
            List<ChannelSession> sessions = new ArrayList<>();
            String failure = null;
            for (CompletableFuture<ChannelSession> future : binding) {
                try {
                    sessions.add(future.get(20, TimeUnit.SECONDS));
                } catch (Exception e) {
                    failure = FailureCause.of(e).toString();
                }
            }
            if (failure != null) {
                err.println("smpp load: cannot bind to " + plan.host() + ":" + plan.port() + " as " + plan.systemId()
                        + ": " + failure);
                sessions.forEach(ChannelSession::close);
                return null;
            }
            return sessions;
        }

        /** Sends {@code count} submits, or until {@code deadline}; only {@code measured} ones count in the report. */
        private void send(List<ChannelSession> sessions, long started, long count, long deadline, boolean measured) {
            double nanosPerSubmit = plan.rate() > 0 ? 1e9 / plan.rate() : 0;
            long sent = 0;
            int message = 0;
            int reference = 0;
            while (sent < count && System.nanoTime() < deadline) {
                MessageTemplate template = messages.get(message++ % messages.size());
                reference = (reference + 1) & 0xFF;
                for (Segment segment : template.segments()) {
                    if (sent >= count) {
                        break;
                    }
                    if (nanosPerSubmit > 0) {
                        long due = started + (long) (sent * nanosPerSubmit);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    int bind = (int) (sent % sessions.size());
                    try {
                        // each bind keeps at most its window unanswered, so the session never refuses a send
                        if (!windows.get(bind).tryAcquire(Math.max(1, deadline - System.nanoTime()),
                                TimeUnit.NANOSECONDS)) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    submit(sessions.get(bind), windows.get(bind), template, segment, reference, measured);
                    sent++;
                }
            }
        }

        private void submit(ChannelSession session, Semaphore window, MessageTemplate template, Segment segment,
                            int reference, boolean measured) {
            byte[] shortMessage = segment.shortMessage();
            if (segment.udhi()) {
                shortMessage[4] = (byte) reference; // the UDH's 8-bit reference: 05 00 03 ref total seq
            }
            SubmitSm submit = SubmitSm.builder().source(5, 0, plan.source()).destination(1, 1, plan.destination())
                    .esmClass(segment.udhi() ? EsmClass.UDHI : 0).dataCoding(template.dataCoding())
                    .registeredDelivery(plan.receipts() ? 1 : 0).shortMessage(shortMessage).build();
            long sentAt = System.nanoTime();
            if (!measured) {
                session.send(submit).whenComplete((response, failure) -> {
                    if (failure != null || response.commandStatus() != 0) {
                        warmupFailures.incrementAndGet();
                    }
                    window.release();
                });
                return;
            }
            submitted.incrementAndGet();
            // the window is released last: awaitAnswers takes a full window as every answer counted
            session.send(submit).whenComplete((response, failure) -> {
                if (failure != null) {
                    count("no response: " + FailureCause.of(failure).getClass().getSimpleName());
                } else if (response.commandStatus() != 0) {
                    count(CommandStatus.nameOf(response.commandStatus()));
                } else {
                    ok.incrementAndGet();
                    latency.record((System.nanoTime() - sentAt) / 1000);
                }
                window.release();
            });
        }

        private void count(String failure) {
            failures.computeIfAbsent(failure, f -> new AtomicLong()).incrementAndGet();
        }

        private void awaitAnswers() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            for (Semaphore window : windows) {
                try {
                    if (window.tryAcquire(plan.window(), deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        window.release(plan.window());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private long failed() {
            return failures.values().stream().mapToLong(AtomicLong::get).sum();
        }

        private void printProgress(long started, long[] lastCount) {
            long seconds = Math.round((System.nanoTime() - started) / 1e9);
            long answered = ok.get() + failed();
            long now = ok.get();
            out.printf(Locale.ROOT, "[%4ds] submitted %d, answered %d (ok %d, failed %d), %d/s, p50 %s, p99 %s%n",
                    seconds, submitted.get(), answered, now, failed(), now - lastCount[0],
                    LatencyHistogram.millis(latency.percentile(50)), LatencyHistogram.millis(latency.percentile(99)));
            lastCount[0] = now;
        }

        private void printSummary(long elapsedNanos) {
            double seconds = elapsedNanos / 1e9;
            out.printf(Locale.ROOT, "submits: %d in %.2f s: %.0f submits/s%n", submitted.get(), seconds,
                    ok.get() / seconds);
            out.printf(Locale.ROOT, "answered OK: %d, failed: %d%s%n", ok.get(), failed(),
                    failures.isEmpty() ? "" : " " + new TreeMap<>(failures));
            out.printf(Locale.ROOT, "submit_sm_resp latency: %s%n", latency.percentilesInMillis());
            if (deliveries.get() > 0 || plan.receipts()) {
                out.printf(Locale.ROOT, "deliver_sm received: %d%n", deliveries.get());
            }
        }
    }

}
