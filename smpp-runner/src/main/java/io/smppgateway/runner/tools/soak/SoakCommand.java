package io.smppgateway.runner.tools.soak;

import io.smppgateway.runner.tools.Options;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code smpp soak}: runs the hostile-peer cases against a running gateway for a bounded time and
 * says what survived. In order: (a) damaged PDUs over many connections ({@link FuzzPhase}),
 * (b) bound peers that flood and never read ({@link NonReadingPeersPhase}), (c) more connections
 * from one address than the per-address cap ({@link ConnectionFloodPhase}), (e) binds with
 * log-forging system_ids ({@link LogForgingPhase}) and (d) password guessing
 * ({@link PasswordGuessingPhase}), last because the bind throttle it provokes would slow the
 * others. Before the first and after each phase a well-behaved ESME ({@link HealthyEsme}) binds as
 * {@code --system-id} and submits one message, from another address than the hostile peers'
 * (see {@link SoakTarget} for the three addresses and why).
 *
 * <p>The fuzz phase has half of {@code --duration}, each other phase an eighth; each ends sooner
 * when its counts are done. What the soak holds is bounded by its counts: a fixed buffer per
 * connection, counters, no record of what was sent (a run is replayed from its {@code --seed}).
 *
 * <p>Exit codes: 0 the gateway answered every check; 1 a check failed (the gateway stopped
 * answering, refused the account, or was not there to begin with); 2 a usage error.
 */
public final class SoakCommand {

    public static final String USAGE_LINE = "smpp soak --system-id ID [--password PW] [--host H] [--port N]"
            + " [--duration 60s] [--fuzz-pdus N] [--connections C] [--non-readers N] [--flood-connections N]"
            + " [--forged-binds N] [--guesses N] [--guessers N] [--peer-address A] [--bound-peer-address A]"
            + " [--seed S]";

    private static final Set<String> VALUED = Set.of("--host", "--port", "--system-id", "--password", "--duration",
            "--fuzz-pdus", "--connections", "--non-readers", "--flood-connections", "--forged-binds", "--guesses",
            "--guessers", "--guess-system-id", "--peer-address", "--bound-peer-address", "--seed", "--check-timeout");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m|h)?");
    private static final String ROW = "%-24s %10s %16s %8s  %s%n";

    private final PrintStream out;
    private final PrintStream err;

    private SoakCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new SoakCommand(out, err).run(args);
    }

    private int run(String[] args) {
        Options options = new Options(args, VALUED, Set.of());
        String systemId = options.text("--system-id", null);
        if (systemId == null) {
            options.error("--system-id is required (the account the well-behaved ESME binds as)");
        }
        String host = options.text("--host", "127.0.0.1");
        int port = options.integer("--port", 2775, 1, 65535);
        Duration duration = duration(options, "--duration", Duration.ofSeconds(60));
        Duration checkTimeout = duration(options, "--check-timeout", Duration.ofSeconds(10));
        long fuzzPdus = options.number("--fuzz-pdus", 100_000, 0, Long.MAX_VALUE);
        int connections = options.integer("--connections", 8, 1, 1000);
        int nonReaders = options.integer("--non-readers", 4, 0, 1000);
        int flood = options.integer("--flood-connections", 150, 0, 10_000);
        int forged = options.integer("--forged-binds", 16, 0, 100_000);
        int guesses = options.integer("--guesses", 20, 0, 100_000);
        int guessers = options.integer("--guessers", 4, 1, 100);
        long seed = options.number("--seed", ThreadLocalRandom.current().nextLong(0, Long.MAX_VALUE), 0,
                Long.MAX_VALUE);
        InetAddress peerAddress = peerAddress(options, "--peer-address", host, "127.0.0.2");
        InetAddress boundPeerAddress = peerAddress(options, "--bound-peer-address", host, "127.0.0.3");
        if (!options.errors().isEmpty()) {
            for (String error : options.errors()) {
                err.println("smpp soak: " + error);
            }
            err.println("usage: " + USAGE_LINE);
            return 2;
        }
        SoakTarget target = new SoakTarget(host, port, peerAddress, boundPeerAddress, systemId, options.text("--password", ""));
        List<SoakPhase> phases = List.of(
                new FuzzPhase(target, connections, fuzzPdus, seed, out),
                new NonReadingPeersPhase(target, nonReaders),
                new ConnectionFloodPhase(target, flood),
                new LogForgingPhase(target, forged),
                new PasswordGuessingPhase(target, options.text("--guess-system-id", systemId), guesses, guessers));
        long[] shares = {duration.toNanos() / 2, duration.toNanos() / 8, duration.toNanos() / 8,
            duration.toNanos() / 8, duration.toNanos() / 8};

        out.printf(Locale.ROOT, "soak of %s:%d for at most %d s as %s; hostile peers from %s, bound ones from %s;"
                + " seed %d%n", host, port, duration.toSeconds(), systemId, name(peerAddress), name(boundPeerAddress),
                seed);
        try (HealthyEsme esme = new HealthyEsme(target, checkTimeout)) {
            HealthyEsme.Check before = esme.check();
            out.println("before: " + describe(before));
            if (!before.alive()) {
                err.println("smpp soak: the gateway at " + host + ":" + port + " does not answer a well-behaved"
                        + " bind and submit as " + systemId + " before the soak; check the address and the account");
                return 1;
            }
            List<PhaseResult> results = new ArrayList<>();
            for (int i = 0; i < phases.size(); i++) {
                long started = System.nanoTime();
                PhaseResult result = phases.get(i).run(started + shares[i], esme);
                out.printf(Locale.ROOT, "%s done in %.1f s: %s%n", result.phase(), (System.nanoTime() - started) / 1e9,
                        describe(result.health()));
                results.add(result);
            }
            printTable(results);
            long failed = results.stream().filter(r -> !r.health().alive()).count();
            if (failed > 0) {
                out.printf(Locale.ROOT, "the gateway failed %d of %d checks: it stopped answering a well-behaved"
                        + " ESME%n", failed, results.size());
                return 1;
            }
            out.println("the gateway answered a well-behaved ESME after every phase");
            return 0;
        }
    }

    private void printTable(List<PhaseResult> results) {
        out.println();
        out.printf(Locale.ROOT, ROW, "phase", "sent", "closed-by-server", "errors", "healthy check");
        for (PhaseResult result : results) {
            out.printf(Locale.ROOT, ROW, result.phase(), result.sent(), result.closedByServer(), result.errors(),
                    describe(result.health()));
        }
        out.println();
        for (PhaseResult result : results) {
            out.printf(Locale.ROOT, "%s: %d %s%n", result.phase(), result.sent(), result.detail());
        }
    }

    private static String describe(HealthyEsme.Check check) {
        return (check.alive() ? "alive: " : "NOT ANSWERING: ") + check.summary();
    }

    /**
     * A hostile peers' address: given, or {@code loopbackDefault} when the gateway is on this
     * host's loopback (Linux answers on all of 127.0.0.0/8), so that the limits they provoke do
     * not fall on the well-behaved ESME's 127.0.0.1; otherwise the system's choice.
     */
    private static InetAddress peerAddress(Options options, String name, String host, String loopbackDefault) {
        String given = options.text(name, null);
        try {
            if (given != null) {
                return InetAddress.getByName(given);
            }
            return InetAddress.getByName(host).isLoopbackAddress() ? InetAddress.getByName(loopbackDefault) : null;
        } catch (UnknownHostException e) {
            options.error((given != null ? name + " '" + given : "--host '" + host) + "' is not a known host");
            return null;
        }
    }

    private static String name(InetAddress address) {
        return address == null ? "the system's choice of address" : address.getHostAddress();
    }

    /** A duration as {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h} or plain seconds. */
    private static Duration duration(Options options, String name, Duration defaultValue) {
        String text = options.text(name, null);
        if (text == null) {
            return defaultValue;
        }
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            options.error(name + " must be a positive duration such as 60s, 5m or 1h, was '" + text + "'");
            return defaultValue;
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
