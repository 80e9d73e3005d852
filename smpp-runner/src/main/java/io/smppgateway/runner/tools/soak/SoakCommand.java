package io.smppgateway.runner.tools.soak;

import io.smppgateway.runner.ProjectVersion;
import io.smppgateway.runner.tools.ToolCommandLine;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
@Command(name = "soak", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        showDefaultValues = true, sortOptions = false,
        description = {"Plays hostile peers against a running gateway for a bounded time and says whether a"
            + " well-behaved ESME could still bind and submit after each: damaged PDUs, peers that never read,"
            + " a connection flood, log-forging system_ids, password guessing.",
            "Point it at a test instance: it fills the account's PDU log and the gateway's log."},
        footer = {"", "Exit codes: 0 the gateway answered every check; 1 a check failed (or the gateway was not"
            + " there to begin with); 2 a usage error."})
public final class SoakCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m|h)?");
    private static final String ROW = "%-24s %10s %16s %8s  %s%n";

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", description = "The gateway's host.")
    private String host;
    @Option(names = "--port", paramLabel = "N", defaultValue = "2775", description = "The gateway's SMPP port.")
    private int port;
    @Option(names = "--system-id", paramLabel = "ID", required = true,
            description = "The account the well-behaved ESME (and the bound hostile peers) bind as.")
    private String systemId;
    @Option(names = "--password", paramLabel = "PW", defaultValue = "", showDefaultValue = Help.Visibility.NEVER,
            description = "The account's password. Default: empty.")
    private String password;
    @Option(names = "--duration", paramLabel = "D", defaultValue = "60s",
            description = "The whole soak at most, as 500ms, 60s, 5m, 1h or seconds: half for the fuzz phase,"
                    + " an eighth for each other.")
    private String durationText;
    @Option(names = "--check-timeout", paramLabel = "D", defaultValue = "10s",
            description = "How long the well-behaved ESME's bind and submit may take.")
    private String checkTimeoutText;
    @Option(names = "--fuzz-pdus", paramLabel = "N", defaultValue = "100000", description = "Damaged PDUs to send.")
    private long fuzzPdus;
    @Option(names = "--connections", paramLabel = "C", defaultValue = "8",
            description = "Connections the damaged PDUs go over (half of them bound).")
    private int connections;
    @Option(names = "--non-readers", paramLabel = "N", defaultValue = "4",
            description = "Bound peers that flood enquire_link and never read.")
    private int nonReaders;
    @Option(names = "--flood-connections", paramLabel = "N", defaultValue = "150",
            description = "Connections from one address (the per-address cap is 100).")
    private int flood;
    @Option(names = "--forged-binds", paramLabel = "N", defaultValue = "16",
            description = "Binds whose system_id tries to forge log lines.")
    private int forged;
    @Option(names = "--guesses", paramLabel = "N", defaultValue = "20", description = "Wrong passwords to try.")
    private int guesses;
    @Option(names = "--guessers", paramLabel = "N", defaultValue = "4",
            description = "Parallel connections guessing passwords.")
    private int guessers;
    @Option(names = "--guess-system-id", paramLabel = "ID",
            description = "The account whose password is guessed. Default: --system-id.")
    private String guessSystemId;
    @Option(names = "--peer-address", paramLabel = "A", description = "The hostile peers' source address."
            + " Default: 127.0.0.2 for a loopback target, else the system's choice.")
    private String peerAddressText;
    @Option(names = "--bound-peer-address", paramLabel = "A", description = "The bound hostile peers' source"
            + " address. Default: 127.0.0.3 for a loopback target, else the system's choice.")
    private String boundPeerAddressText;
    @Option(names = "--seed", paramLabel = "S", description = "The damage's random seed, to replay a run."
            + " Default: a random one, printed.")
    private Long seedOption;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    /** The command for {@code smpp soak}, writing its report to {@code out} and its failures to {@code err}. */
    public SoakCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ToolCommandLine.execute(new SoakCommand(out, err), args, out, err);
    }

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        ToolCommandLine.checkRange(problems, "--port", port, 1, 65535);
        Duration duration = duration(problems, "--duration", durationText, Duration.ofSeconds(60));
        Duration checkTimeout = duration(problems, "--check-timeout", checkTimeoutText, Duration.ofSeconds(10));
        ToolCommandLine.checkRange(problems, "--fuzz-pdus", fuzzPdus, 0, Long.MAX_VALUE);
        ToolCommandLine.checkRange(problems, "--connections", connections, 1, 1000);
        ToolCommandLine.checkRange(problems, "--non-readers", nonReaders, 0, 1000);
        ToolCommandLine.checkRange(problems, "--flood-connections", flood, 0, 10_000);
        ToolCommandLine.checkRange(problems, "--forged-binds", forged, 0, 100_000);
        ToolCommandLine.checkRange(problems, "--guesses", guesses, 0, 100_000);
        ToolCommandLine.checkRange(problems, "--guessers", guessers, 1, 100);
        long seed = seedOption != null ? seedOption : ThreadLocalRandom.current().nextLong(0, Long.MAX_VALUE);
        ToolCommandLine.checkRange(problems, "--seed", seed, 0, Long.MAX_VALUE);
        InetAddress peerAddress = peerAddress(problems, "--peer-address", peerAddressText, host, "127.0.0.2");
        InetAddress boundPeerAddress = peerAddress(problems, "--bound-peer-address", boundPeerAddressText, host,
                "127.0.0.3");
        if (!problems.isEmpty()) {
            throw ToolCommandLine.usageError(spec, problems);
        }
        SoakTarget target = new SoakTarget(host, port, peerAddress, boundPeerAddress, systemId, password);
        List<SoakPhase> phases = List.of(
                new FuzzPhase(target, connections, fuzzPdus, seed, out),
                new NonReadingPeersPhase(target, nonReaders),
                new ConnectionFloodPhase(target, flood),
                new LogForgingPhase(target, forged),
                new PasswordGuessingPhase(target, guessSystemId != null ? guessSystemId : systemId, guesses, guessers));
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
    private static InetAddress peerAddress(List<String> problems, String name, String given, String host,
                                           String loopbackDefault) {
        try {
            if (given != null) {
                return InetAddress.getByName(given);
            }
            return InetAddress.getByName(host).isLoopbackAddress() ? InetAddress.getByName(loopbackDefault) : null;
        } catch (UnknownHostException e) {
            problems.add((given != null ? name + " '" + given : "--host '" + host) + "' is not a known host");
            return null;
        }
    }

    private static String name(InetAddress address) {
        return address == null ? "the system's choice of address" : address.getHostAddress();
    }

    /** A duration as {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h} or plain seconds. */
    private static Duration duration(List<String> problems, String name, String text, Duration defaultValue) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            problems.add(name + " must be a positive duration such as 60s, 5m or 1h, was '" + text + "'");
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
