package io.smppgateway.runner.tools.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.server.BindThrottle;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.EsmeAccounts;
import io.smppgateway.smpp.server.EsmeRequestHandler;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.PduListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code smpp soak}, briefly and with small counts, against a real SmppServer on a free port. */
class SoakCommandTest {

    /** Few connections per address, and a bind throttle that spaces guesses by milliseconds, not seconds. */
    private static final SmppServerConfig SMALL = SmppServerConfig.defaults().withAddress("127.0.0.1", 0)
            .withConnections(new SmppServerConfig.Connections(500, 20))
            .withBindThrottle(new BindThrottle.Policy(3, Duration.ofMillis(20), Duration.ofMillis(80),
                    Duration.ofSeconds(2), Duration.ofMinutes(15), 1000));

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicBoolean answerSubmits = new AtomicBoolean(true);
    private volatile boolean answerFirstSubmit;
    private volatile boolean queueFull;
    private SmppServer server;

    private void start() {
        EsmeAccounts accounts = systemId -> CompletableFuture.completedFuture(systemId.equals("soaker")
                ? Optional.of(new EsmeAccount(7, "soaker", "pw", true, List.of(), 50, 0))
                : Optional.empty());
        EsmeRequestHandler handler = (account, session, request) -> {
            if (!(request instanceof SubmitSm submit)) {
                return null;
            }
            int count = submits.incrementAndGet();
            if (queueFull) {
                return CompletableFuture.failedFuture(new CommandStatusException(CommandStatus.ESME_RMSGQFUL, "full"));
            }
            return answerSubmits.get() || count == 1 && answerFirstSubmit ? CompletableFuture.completedFuture(submit.response("m" + submits.get()))
                    : new CompletableFuture<>();
        };
        server = SmppServer.start(SMALL, accounts, handler, PduListener.NONE);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int soak(String... args) {
        return SoakCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /** The table row of {@code phase}: sent, closed-by-server, errors and the check. */
    private Matcher row(String phase) {
        Matcher row = Pattern.compile("(?m)^" + Pattern.quote(phase) + " +(\\d+) +(\\d+) +(\\d+)  (.*)$")
                .matcher(out());
        assertTrue(row.find(), "no row for " + phase + " in:\n" + out());
        return row;
    }

    @Test
    void everyPhaseRunsAndTheGatewayIsReportedAliveAfterEach() {
        start();

        int exit = soak("--port", String.valueOf(server.port()), "--system-id", "soaker", "--password", "pw",
                "--duration", "20s", "--fuzz-pdus", "20000", "--connections", "4", "--non-readers", "2",
                "--flood-connections", "30", "--forged-binds", "8", "--guesses", "6", "--guessers", "2",
                "--seed", "42");

        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8) + out());
        assertTrue(out().startsWith("soak of 127.0.0.1:" + server.port() + " for at most 20 s as soaker; hostile"
                + " peers from 127.0.0.2, bound ones from 127.0.0.3; seed 42\nbefore: alive: bind "), out());
        Matcher fuzz = row("fuzzed PDUs");
        assertEquals(20_000, Long.parseLong(fuzz.group(1)), "every fuzzed PDU was sent: " + out());
        assertTrue(Long.parseLong(fuzz.group(2)) > 0, "framing errors close unbound connections: " + out());
        Matcher fuzzBinds = Pattern.compile(" over \\d+ connections \\((\\d+) bound, 0 binds refused\\), ")
                .matcher(out());
        assertTrue(fuzzBinds.find() && Integer.parseInt(fuzzBinds.group(1)) >= 2,
                "the bound half of the fuzzers bound as the account: " + out());
        assertTrue(Long.parseLong(row("non-reading peers").group(1)) > 0, out());
        assertTrue(out().contains(" enquire_link from 2 peers never reading (0 unbound): "), out());
        Matcher flood = row("connection flood");
        assertEquals(30, Long.parseLong(flood.group(1)), out());
        assertTrue(Long.parseLong(flood.group(2)) >= 10, "30 connections against a cap of 20: " + out());
        assertEquals(8, Long.parseLong(row("log-forging system_ids").group(1)), out());
        assertEquals(6, Long.parseLong(row("password guessing").group(1)), out());
        for (String phase : List.of("fuzzed PDUs", "non-reading peers", "connection flood", "log-forging system_ids",
                "password guessing")) {
            assertTrue(row(phase).group(4).startsWith("alive: bind "), phase + ": " + out());
        }
        assertTrue(out().contains("password guessing: 6 wrong passwords for 'soaker' over 2 connections at once:"
                + " 6 answered, mean delay "), out());
        assertTrue(out().contains(" 0 accepted (expected 0)"), out());
        assertTrue(out().endsWith("the gateway answered a well-behaved ESME after every phase\n"), out());
        assertTrue(submits.get() >= 6, "the health checks submitted: " + submits.get());
    }

    @Test
    void aGatewayThatStopsAnsweringSubmitsFailsTheChecksAndExits1() {
        start();
        answerSubmits.set(false);

        int exit = soak("--port", String.valueOf(server.port()), "--system-id", "soaker", "--password", "pw",
                "--check-timeout", "500ms");

        assertEquals(1, exit, out());
        assertTrue(out().contains("before: NOT ANSWERING: bound in "), out());
        assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith("smpp soak: the gateway at 127.0.0.1:"
                + server.port() + " does not answer a well-behaved bind and submit as soaker before the soak"),
                stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aGatewayThatStopsAnsweringDuringTheSoakExits1NamingTheFailedChecks() {
        start();
        answerSubmits.set(false);
        answerFirstSubmit = true; // the first check's, before the soak: the gateway answers it, then stops
        int exit;
        exit = soak("--port", String.valueOf(server.port()), "--system-id", "soaker", "--password", "pw",
                "--duration", "8s", "--fuzz-pdus", "2000", "--connections", "2", "--non-readers", "1",
                "--flood-connections", "2", "--forged-binds", "1", "--guesses", "1", "--check-timeout", "500ms");

        assertEquals(1, exit, out());
        assertTrue(out().contains("before: alive: bind "), out());
        assertTrue(row("fuzzed PDUs").group(4).startsWith("NOT ANSWERING: bound in "), out());
        assertTrue(out().contains("the gateway failed 5 of 5 checks: it stopped answering a well-behaved ESME\n"),
                out());
    }

    @Test
    void aFullQueueIsAnAnswerReportedAsSuchNotRetried() {
        start();
        queueFull = true;

        int exit = soak("--port", String.valueOf(server.port()), "--system-id", "soaker", "--password", "pw",
                "--duration", "8s", "--fuzz-pdus", "100", "--connections", "1", "--non-readers", "0",
                "--flood-connections", "0", "--forged-binds", "0", "--guesses", "0", "--check-timeout", "2s");

        assertEquals(0, exit, out());
        assertTrue(row("fuzzed PDUs").group(4).matches("alive: bind .*, submit .* \\(ESME_RMSGQFUL\\)"), out());
    }

    @Test
    void usageErrorsAreAllNamedAndExit2() {
        int exit = soak("--system-id", "soaker", "--duration", "soon", "--connections", "0");

        assertEquals(2, exit);
        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "smpp soak: --duration must be a positive duration such as 60s, 5m or 1h, was 'soon'",
                "smpp soak: --connections must be a whole number from 1 to 1000, was '0'"), lines.subList(0, 2));
        assertTrue(lines.get(2).startsWith("Usage: smpp soak [-hV] "), lines.toString());
    }
}
