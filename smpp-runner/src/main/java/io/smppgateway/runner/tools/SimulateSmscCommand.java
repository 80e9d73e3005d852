package io.smppgateway.runner.tools;

import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.simulator.MessageIdStyle;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SimulatorCounters;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code smpp simulate-smsc}: a standalone SMSC to point the gateway (or any ESME) at, with a set
 * answer latency, receipt delay and receipt outcome mix. It runs until stopped (Ctrl-C, SIGTERM)
 * or for {@code --duration} seconds, prints its counters every {@code --report} seconds when they
 * changed, and once more at the end.
 *
 * <p>Exit codes: 0 stopped; 1 it could not listen; 2 a usage error.
 */
public final class SimulateSmscCommand {

    public static final String USAGE_LINE = "smpp simulate-smsc [--host H] [--port N] [--system-id ID]"
            + " [--account ID:PW]... [--delay-ms N] [--receipt-delay-ms N] [--delivered W] [--undelivered W]"
            + " [--rejected W] [--expired W] [--unknown W] [--id-style decimal|hex|uuid|hex_then_decimal]"
            + " [--throttle-every N] [--window N] [--max-waiting-receipts N] [--tls-port N --cert PEM --key PEM]"
            + " [--duration S]";

    private static final Set<String> VALUED = Set.of("--host", "--port", "--system-id", "--account", "--delay-ms",
            "--receipt-delay-ms", "--delivered", "--undelivered", "--rejected", "--expired", "--unknown",
            "--id-style", "--throttle-every", "--window", "--max-waiting-receipts", "--tls-port", "--cert", "--key",
            "--duration", "--report");

    private SimulateSmscCommand() {
    }

    /**
     * @param stop completes when the process is asked to stop (the launcher's shutdown hook)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, CompletableFuture<Void> stop) {
        Options options = new Options(args, VALUED, Set.of());
        SmppServerConfig server = SmppServerConfig.defaults()
                .withAddress(options.text("--host", "0.0.0.0"), options.integer("--port", 2776, 0, 65535))
                .withSystemId(options.text("--system-id", "smscsim"));
        if (options.has("--cert") || options.has("--key") || options.has("--tls-port")) {
            if (!options.has("--cert") || !options.has("--key")) {
                options.error("TLS needs both --cert and --key");
            } else {
                server = server.withTls(options.integer("--tls-port", 3551, 0, 65535),
                        Path.of(options.text("--cert", "")), Path.of(options.text("--key", "")));
            }
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        for (String account : options.all("--account")) {
            int colon = account.indexOf(':');
            if (colon <= 0) {
                options.error("--account must be SYSTEM_ID:PASSWORD, was '" + account + "'");
            } else {
                accounts.put(account.substring(0, colon), account.substring(colon + 1));
            }
        }
        Map<FinalStatus, Integer> weights = new EnumMap<>(FinalStatus.class);
        for (FinalStatus status : FinalStatus.values()) {
            String option = "--" + status.name().toLowerCase(Locale.ROOT);
            int fallback = switch (status) {
                case DELIVERED -> 90;
                case UNDELIVERED, REJECTED -> 5;
                default -> 0;
            };
            weights.put(status, options.integer(option, fallback, 0, 1_000_000));
        }
        MessageIdStyle idStyle = MessageIdStyle.DECIMAL;
        try {
            idStyle = MessageIdStyle.of(options.text("--id-style", "decimal"));
        } catch (IllegalArgumentException e) {
            options.error("--id-style must be decimal, hex, uuid or hex_then_decimal");
        }
        long delay = options.number("--delay-ms", 0, 0, 600_000);
        long receiptDelay = options.number("--receipt-delay-ms", 100, 0, 86_400_000);
        int throttleEvery = options.integer("--throttle-every", 0, 0, Integer.MAX_VALUE);
        int window = options.integer("--window", server.session().windowSize(), 1, 10_000);
        int maxWaiting = options.integer("--max-waiting-receipts", SimulatorConfig.defaults().pendingReceiptCapacity(),
                0, 100_000_000);
        long duration = options.number("--duration", 0, 1, 86_400 * 365L);
        long report = options.number("--report", 10, 1, 3600);
        ReceiptOutcomes outcomes = null;
        if (weights.values().stream().allMatch(w -> w == 0)) {
            options.error("at least one receipt outcome needs a weight above 0");
        } else {
            outcomes = new ReceiptOutcomes(weights);
        }
        if (!options.errors().isEmpty()) {
            for (String error : options.errors()) {
                err.println("smpp simulate-smsc: " + error);
            }
            err.println("usage: " + USAGE_LINE);
            return 2;
        }
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
