package io.smppgateway.runner.tools;

import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.simulator.MessageIdStyle;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SimulatorCounters;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.runner.ProjectVersion;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smpp simulate-smsc}: a standalone SMSC to point the gateway (or any ESME) at, with a set
 * answer latency, receipt delay and receipt outcome mix. It runs until stopped (Ctrl-C, SIGTERM)
 * or for {@code --duration} seconds, prints its counters every {@code --report} seconds when they
 * changed, and once more at the end.
 *
 * <p>Exit codes: 0 stopped; 1 it could not listen; 2 a usage error.
 */
@Command(name = "simulate-smsc", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        showDefaultValues = true, sortOptions = false,
        description = {"A standalone SMSC to point the gateway (or any ESME) at: accepts binds, answers submit_sm"
            + " after --delay-ms and sends the receipts registered_delivery asks for after --receipt-delay-ms, their"
            + " final status drawn from the weights below.",
            "Runs until Ctrl-C/SIGTERM or for --duration seconds; prints its counters every --report seconds when"
            + " they changed, and at the end."},
        footer = {"", "Exit codes: 0 stopped; 1 it could not listen; 2 a usage error."})
public final class SimulateSmscCommand implements Callable<Integer> {

    /** Runs a command until the process is asked to stop: the future it gets completes then. */
    @FunctionalInterface
    public interface UntilStopped {
        int run(Function<CompletableFuture<Void>, Integer> command);
    }

    @Option(names = "--host", paramLabel = "H", defaultValue = "0.0.0.0", description = "The address to listen on.")
    private String host;
    @Option(names = "--port", paramLabel = "N", defaultValue = "2776", description = "The SMPP port; 0: any free one.")
    private int port;
    @Option(names = "--system-id", paramLabel = "ID", defaultValue = "smscsim",
            description = "The system_id it answers binds with.")
    private String systemId;
    @Option(names = "--account", paramLabel = "ID:PW", description = "An account it accepts (repeatable)."
            + " Default: any system_id and password.")
    private List<String> accountList;
    @Option(names = "--delay-ms", paramLabel = "N", defaultValue = "0", description = "submit_sm answer latency.")
    private long delay;
    @Option(names = "--receipt-delay-ms", paramLabel = "N", defaultValue = "100",
            description = "Time from submit_sm_resp to its receipt.")
    private long receiptDelay;
    @Option(names = "--delivered", paramLabel = "W", defaultValue = "90", description = "Weight of DELIVRD receipts.")
    private int delivered;
    @Option(names = "--undelivered", paramLabel = "W", defaultValue = "5",
            description = "Weight of UNDELIV receipts.")
    private int undelivered;
    @Option(names = "--rejected", paramLabel = "W", defaultValue = "5", description = "Weight of REJECTD receipts.")
    private int rejected;
    @Option(names = "--expired", paramLabel = "W", defaultValue = "0", description = "Weight of EXPIRED receipts.")
    private int expired;
    @Option(names = "--unknown", paramLabel = "W", defaultValue = "0", description = "Weight of UNKNOWN receipts.")
    private int unknown;
    @Option(names = "--id-style", paramLabel = "STYLE", defaultValue = "decimal",
            description = "Message ids: decimal, hex, uuid or hex_then_decimal (hex ids, receipts in decimal).")
    private String idStyleName;
    @Option(names = "--throttle-every", paramLabel = "N", defaultValue = "0",
            description = "Answer every Nth submit_sm with ESME_RTHROTTLED; 0: never.")
    private int throttleEvery;
    @Option(names = "--window", paramLabel = "N",
            description = "Unanswered deliver_sm per session, at most. Default: the SMPP session's default window.")
    private Integer windowOption;
    @Option(names = "--max-waiting-receipts", paramLabel = "N",
            description = "Receipts waiting to go out, at most, in all; beyond it the oldest is dropped."
                    + " Default: 100000.")
    private Integer maxWaitingOption;
    @Option(names = "--tls-port", paramLabel = "N", description = "Also listen with TLS on this port (needs --cert"
            + " and --key). Default: 3551 when --cert and --key are given.")
    private Integer tlsPort;
    @Option(names = "--cert", paramLabel = "PEM", description = "The TLS certificate chain.")
    private Path cert;
    @Option(names = "--key", paramLabel = "PEM", description = "The TLS private key.")
    private Path key;
    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds. Default: run until stopped.")
    private Long duration;
    @Option(names = "--report", paramLabel = "S", defaultValue = "10",
            description = "Seconds between counter lines (printed when they changed).")
    private long report;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final UntilStopped untilStopped;

    /**
     * @param untilStopped runs the simulator until the process is asked to stop (the launcher's shutdown hook)
     */
    public SimulateSmscCommand(PrintStream out, UntilStopped untilStopped) {
        this.out = out;
        this.untilStopped = untilStopped;
    }

    /**
     * @param stop completes when the simulator is to stop
     */
    public static int run(String[] args, PrintStream out, PrintStream err, CompletableFuture<Void> stop) {
        return ToolCommandLine.execute(new SimulateSmscCommand(out, command -> command.apply(stop)), args, out, err);
    }

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        ToolCommandLine.checkRange(problems, "--port", port, 0, 65535);
        SmppServerConfig server = SmppServerConfig.defaults()
                .withAddress(host, Math.max(0, Math.min(port, 65535))).withSystemId(systemId);
        if (cert != null || key != null || tlsPort != null) {
            if (cert == null || key == null) {
                problems.add("TLS needs both --cert and --key");
            } else {
                int tls = tlsPort == null ? 3551 : tlsPort;
                ToolCommandLine.checkRange(problems, "--tls-port", tls, 0, 65535);
                server = server.withTls(Math.max(0, Math.min(tls, 65535)), cert, key);
            }
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        for (String account : accountList == null ? List.<String>of() : accountList) {
            int colon = account.indexOf(':');
            if (colon <= 0) {
                problems.add("--account must be SYSTEM_ID:PASSWORD, was '" + account + "'");
            } else {
                accounts.put(account.substring(0, colon), account.substring(colon + 1));
            }
        }
        Map<FinalStatus, Integer> weights = new EnumMap<>(FinalStatus.class);
        weights.put(FinalStatus.DELIVERED, delivered);
        weights.put(FinalStatus.UNDELIVERED, undelivered);
        weights.put(FinalStatus.REJECTED, rejected);
        weights.put(FinalStatus.EXPIRED, expired);
        weights.put(FinalStatus.UNKNOWN, unknown);
        weights.forEach((status, weight) -> ToolCommandLine.checkRange(problems,
                "--" + status.name().toLowerCase(Locale.ROOT), weight, 0, 1_000_000));
        MessageIdStyle idStyle = MessageIdStyle.DECIMAL;
        try {
            idStyle = MessageIdStyle.of(idStyleName);
        } catch (IllegalArgumentException e) {
            problems.add("--id-style must be decimal, hex, uuid or hex_then_decimal");
        }
        ToolCommandLine.checkRange(problems, "--delay-ms", delay, 0, 600_000);
        ToolCommandLine.checkRange(problems, "--receipt-delay-ms", receiptDelay, 0, 86_400_000);
        ToolCommandLine.checkRange(problems, "--throttle-every", throttleEvery, 0, Integer.MAX_VALUE);
        int window = windowOption == null ? server.session().windowSize() : windowOption;
        ToolCommandLine.checkRange(problems, "--window", window, 1, 10_000);
        int maxWaiting = maxWaitingOption == null ? SimulatorConfig.defaults().pendingReceiptCapacity()
                : maxWaitingOption;
        ToolCommandLine.checkRange(problems, "--max-waiting-receipts", maxWaiting, 0, 100_000_000);
        if (duration != null) {
            ToolCommandLine.checkRange(problems, "--duration", duration, 1, 86_400 * 365L);
        }
        ToolCommandLine.checkRange(problems, "--report", report, 1, 3600);
        ReceiptOutcomes outcomes = null;
        if (weights.values().stream().allMatch(w -> w == 0)) {
            problems.add("at least one receipt outcome needs a weight above 0");
        } else if (problems.isEmpty()) {
            outcomes = new ReceiptOutcomes(weights);
        }
        if (!problems.isEmpty()) {
            throw ToolCommandLine.usageError(spec, problems);
        }
        SmppServerConfig listening = server;
        ReceiptOutcomes mix = outcomes;
        MessageIdStyle style = idStyle;
        return untilStopped.run(stop -> serve(listening, accounts, mix, style, window, maxWaiting, stop));
    }

    private int serve(SmppServerConfig server, Map<String, String> accounts, ReceiptOutcomes outcomes,
                      MessageIdStyle idStyle, int window, int maxWaiting, CompletableFuture<Void> stop) {
        PrintWriter err = spec.commandLine().getErr();
        long duration = this.duration == null ? 0 : this.duration;
        server = server.withSession(server.session().withWindowSize(window));
        SimulatorConfig config = SimulatorConfig.defaults().withServer(server).withCredentials(accounts)
                .withIdStyle(idStyle).withResponseLatency(Duration.ofMillis(delay))
                .withReceiptDelay(Duration.ofMillis(receiptDelay)).withOutcomes(outcomes)
                .withThrottleEveryNth(throttleEvery).withPendingReceiptCapacity(maxWaiting);
        SmscSimulator simulator;
        try {
            simulator = SmscSimulator.start(config);
        } catch (RuntimeException e) {
            err.println("smpp simulate-smsc: cannot start: " + e.getMessage());
            return 1;
        }
        try (simulator) {
            out.printf(Locale.ROOT, "SMSC simulator listening on %s:%d%s as %s (%s); submit_sm answered after %d ms,"
                            + " receipts after %d ms: %s; ids %s%s; at most %d receipts waiting%n",
                    server.host(), simulator.port(),
                    simulator.tlsPort() > 0 ? " and TLS " + simulator.tlsPort() : "", server.systemId(),
                    accounts.isEmpty() ? "any system_id and password" : accounts.size() + " account(s)", delay,
                    receiptDelay, describe(outcomes), idStyle.name().toLowerCase(Locale.ROOT),
                    throttleEvery > 0 ? "; ESME_RTHROTTLED every " + throttleEvery + " submits" : "", maxWaiting);
            CompletableFuture<Void> until = duration > 0
                    ? stop.applyToEither(CompletableFuture.runAsync(() -> { },
                            CompletableFuture.delayedExecutor(duration, TimeUnit.SECONDS)), v -> v)
                    : stop;
            SimulatorCounters reported = null;
            while (!until.isDone()) {
                try {
                    until.get(report, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    SimulatorCounters now = simulator.counters();
                    if (!now.equals(reported)) {
                        out.println(describe(now));
                        reported = now;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    break;
                }
            }
            out.println("stopping: " + describe(simulator.counters()));
        }
        return 0;
    }

    private static String describe(ReceiptOutcomes outcomes) {
        long total = outcomes.weights().values().stream().mapToLong(Integer::longValue).sum();
        StringBuilder text = new StringBuilder();
        outcomes.weights().forEach((status, weight) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%.0f%% %s", 100.0 * weight / total, status.value())));
        return text.toString();
    }

    static String describe(SimulatorCounters c) {
        return String.format(Locale.ROOT, "binds %d (refused %d), submit_sm %d (accepted %d, throttled %d),"
                        + " receipts sent %d (acknowledged %d, failed %d, dropped %d, waiting %d)",
                c.bindsAccepted(), c.bindsRefused(), c.submitsReceived(), c.submitsAccepted(), c.submitsThrottled(),
                c.receiptsSent(), c.receiptsAcknowledged(), c.receiptsFailed(), c.receiptsDropped(),
                c.receiptsPending());
    }
}
