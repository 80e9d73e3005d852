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
import io.smppgateway.runner.ProjectVersion;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        showDefaultValues = true, sortOptions = false,
        description = {"An ESME load generator for the gateway's SMPP server or any SMSC: binds, submits at a"
            + " set rate or as fast as the windows allow, and reports submits/s and the submit_sm_resp latency.",
            "Every second a progress line; at the end the rate, the answers by command_status and the latency."},
        footer = {"", "Exit codes: 0 every submit answered OK (and, with --receipts, every receipt received);"
            + " 1 a bind failed, some submits were refused or unanswered, or receipts are missing; 2 a usage error."})
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", description = "The SMPP server's host.")
    private String host;
    @Option(names = "--port", paramLabel = "N", defaultValue = "2775", description = "The SMPP server's port.")
    private int port;
    @Option(names = "--system-id", paramLabel = "ID", required = true,
            description = "The account to bind as (a client of the gateway: POST /api/clients).")
    private String systemId;
    @Option(names = "--password", paramLabel = "PW", defaultValue = "", showDefaultValue = Help.Visibility.NEVER,
            description = "The account's password. Default: empty.")
    private String password;
    @Option(names = "--bind-type", paramLabel = "trx|tx", defaultValue = "trx",
            description = "Transceiver or transmitter binds (receipts need trx).")
    private String bindType;
    @Option(names = "--binds", paramLabel = "N", defaultValue = "1", description = "Sessions to open (1 to 100).")
    private int binds;
    @Option(names = "--window", paramLabel = "W", defaultValue = "10",
            description = "Unanswered submit_sm per session, at most (1 to 10000).")
    private int window;
    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Submits per second in all; 0: as fast as the windows allow.")
    private int rate;
    @Option(names = "--count", paramLabel = "C",
            description = "Submits to send (each segment of a long text is one). Default: 1000, unless --duration.")
    private Long count;
    @Option(names = "--duration", paramLabel = "S", description = "Send for S seconds instead of --count.")
    private Long duration;
    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "Submits sent first over the same sessions at the same rate, counted nowhere.")
    private long warmup;
    @Option(names = "--text", paramLabel = "T", description = "A text to send; several are sent in turn."
            + " Default: Load test message.")
    private List<String> texts;
    @Option(names = "--source", paramLabel = "ADDR", defaultValue = "LoadTest", description = "source_addr.")
    private String source;
    @Option(names = "--destination", paramLabel = "ADDR", defaultValue = "380990000001",
            description = "destination_addr.")
    private String destination;
    @Option(names = "--receipts", description = "Ask for delivery receipts (registered_delivery 1) and wait for them"
            + " after the last answer, up to --receipt-timeout seconds. Default: no receipts asked.")
    private boolean receipts;
    @Option(names = "--receipt-timeout", paramLabel = "S", defaultValue = "60",
            description = "With --receipts: how long to wait for the receipts after the last submit_sm_resp.")
    private int receiptTimeout;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    /** The command for {@code smpp load}, writing its report to {@code out} and its errors to {@code err}. */
    public LoadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ToolCommandLine.execute(new LoadCommand(out, err), args, out, err);
    }

    /** What one run is asked to do. */
    record Plan(String host, int port, String systemId, String password, BindType bindType, int binds, int window,
                int rate, long count, long durationSeconds, long warmup, List<String> texts, String source,
                String destination, boolean receipts, int receiptTimeoutSeconds) {
    }

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        if (count != null && duration != null) {
            problems.add("give --count or --duration, not both");
        }
        BindType type = switch (bindType) {
            case "trx" -> BindType.TRANSCEIVER;
            case "tx" -> BindType.TRANSMITTER;
            default -> {
                problems.add("--bind-type must be trx or tx, was '" + bindType + "'");
                yield BindType.TRANSCEIVER;
            }
        };
        ToolCommandLine.checkRange(problems, "--port", port, 1, 65535);
        ToolCommandLine.checkRange(problems, "--binds", binds, 1, 100);
        ToolCommandLine.checkRange(problems, "--window", window, 1, 10_000);
        ToolCommandLine.checkRange(problems, "--rate", rate, 0, 1_000_000);
        long submits = count != null ? count : duration != null ? 0 : 1000;
        if (count != null) {
            ToolCommandLine.checkRange(problems, "--count", count, 1, Long.MAX_VALUE);
        }
        if (duration != null) {
            ToolCommandLine.checkRange(problems, "--duration", duration, 1, 86_400);
        }
        ToolCommandLine.checkRange(problems, "--warmup", warmup, 0, Long.MAX_VALUE);
        ToolCommandLine.checkRange(problems, "--receipt-timeout", receiptTimeout, 1, 86_400);
        List<String> textList = texts == null || texts.isEmpty() ? List.of("Load test message") : texts;
        Plan plan = new Plan(host, port, systemId, password, type, binds, window, rate, submits,
                duration == null ? 0 : duration, warmup, textList, source, destination, receipts, receiptTimeout);
        List<MessageTemplate> messages = new ArrayList<>();
        for (String text : textList) {
            try {
                messages.add(MessageTemplate.of(text));
            } catch (RuntimeException e) {
                problems.add("--text '" + text + "' cannot be sent: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw ToolCommandLine.usageError(spec, problems);
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
                boolean allReceipts = !plan.receipts() || awaitReceipts();
                for (ChannelSession session : sessions) {
                    session.unbind();
                }
                CompletableFuture.allOf(sessions.stream().map(ChannelSession::closeFuture)
                        .toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS)
                        .exceptionally(e -> null).join();
                printSummary(elapsed);
                return ok.get() == submitted.get() && allReceipts ? 0 : 1;
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

        /**
         * Waits, bound by {@code --receipt-timeout}, for a receipt per submit answered OK: they come
         * when the SMSC (or the application, publishing DLR_OUT) says the message's fate.
         */
        private boolean awaitReceipts() {
            long expected = ok.get();
            if (deliveries.get() < expected) {
                out.printf(Locale.ROOT, "waiting up to %d s for %d delivery receipt(s); %d so far%n",
                        plan.receiptTimeoutSeconds(), expected, deliveries.get());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(plan.receiptTimeoutSeconds());
            while (deliveries.get() < expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            if (deliveries.get() < expected) {
                out.printf(Locale.ROOT, "missing receipts: %d of %d came within %d s (the SMSC, or the application"
                        + " behind the gateway publishing DLR_OUT, did not send the others)%n", deliveries.get(),
                        expected, plan.receiptTimeoutSeconds());
                return false;
            }
            return true;
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
