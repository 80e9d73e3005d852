package io.smppgateway.runner.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.SubmitSm;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code smpp load} against a real SmppServer on a free port. */
class LoadCommandTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<SubmitSm> received = new CopyOnWriteArrayList<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refuseEvery = new AtomicInteger();
    private SmppServer server;

    @BeforeEach
    void start() {
        EsmeAccounts accounts = systemId -> CompletableFuture.completedFuture(systemId.equals("loader")
                ? Optional.of(new EsmeAccount(7, "loader", "pw", true, List.of(), 10, 0))
                : Optional.empty());
        EsmeRequestHandler handler = (account, session, request) -> {
            if (!(request instanceof SubmitSm submit)) {
                return null;
            }
            received.add(submit);
            sessions.add(session.id());
            int every = refuseEvery.get();
            if (every > 0 && received.size() % every == 0) {
                return CompletableFuture.failedFuture(new CommandStatusException(CommandStatus.ESME_RINVDSTADR, "d"));
            }
            return CompletableFuture.completedFuture(submit.response("m" + received.size()));
        };
        server = SmppServer.start(SmppServerConfig.defaults().withAddress("127.0.0.1", 0), accounts, handler,
                PduListener.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int load(String... args) {
        return LoadCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sendsTheCountOverEveryBindAndPrintsRateAndLatencyPercentiles() {
        int exit = load("--port", String.valueOf(server.port()), "--system-id", "loader", "--password", "pw",
                "--binds", "3", "--window", "4", "--count", "300");

        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8) + out());
        assertEquals(300, received.size());
        assertEquals(3, sessions.size());
        assertTrue(out().contains("submits: 300 in "), out());
        assertTrue(out().matches("(?s).*submits: 300 in [0-9.]+ s: [0-9]+ submits/s\n.*"), out());
        assertTrue(out().contains("answered OK: 300, failed: 0\n"), out());
        assertTrue(out().matches("(?s).*submit_sm_resp latency: p50 [0-9.]+ ms, p99 [0-9.]+ ms, max [0-9.]+ ms\n.*"),
                out());
    }

    @Test
    void aWarmUpGoesOverTheSameSessionsFirstAndCountsNowhere() {
        refuseEvery.set(10);   // refusals in the warm-up must not count in the report either
        // one bind: the server's every-tenth count is exact only when one event loop receives them
        int exit = load("--port", String.valueOf(server.port()), "--system-id", "loader", "--password", "pw",
                "--binds", "1", "--window", "4", "--warmup", "100", "--count", "50");

        assertEquals(1, exit, "the measured part had refusals too: " + out());
        assertEquals(150, received.size());
        assertEquals(1, sessions.size(), "the warm-up and the measured part share the session");
        assertTrue(out().contains("warming up with 100 submits (not measured)\n"), out());
        assertTrue(out().contains("warm-up: 10 submits not answered OK\n"), out());
        assertTrue(out().contains("submits: 50 in "), out());
        assertTrue(out().contains("answered OK: 45, failed: 5 {ESME_RINVDSTADR=5}\n"), out());
    }

    @Test
    void aLongTextGoesAsConcatenatedSegmentsAndTheMixIsCycled() {
        String longText = "x".repeat(200);

        int exit = load("--port=" + server.port(), "--system-id", "loader", "--password", "pw", "--count", "6",
                "--text", "short", "--text", longText);

        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8) + out());
        assertEquals(List.of(0, EsmClass.UDHI, EsmClass.UDHI, 0, EsmClass.UDHI, EsmClass.UDHI),
                received.stream().map(SubmitSm::esmClass).toList());
    }

    @Test
    void aDurationRunPrintsAProgressLineEverySecond() {
        int exit = load("--port", String.valueOf(server.port()), "--system-id", "loader", "--password", "pw",
                "--duration", "2", "--rate", "50");

        assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8) + out());
        assertTrue(out().matches("(?s).*\\[ {3}1s] submitted [0-9]+, answered [0-9]+ \\(ok [0-9]+, failed 0\\),"
                + " [0-9]+/s, p50 [0-9.]+ ms, p99 [0-9.]+ ms\n.*"), out());
        assertTrue(received.size() > 0 && received.size() <= 101, "at most 50/s for 2 s: " + received.size());
    }

    @Test
    void refusedSubmitsAreCountedByStatusAndExit1() {
        refuseEvery.set(5);

        int exit = load("--port", String.valueOf(server.port()), "--system-id", "loader", "--password", "pw",
                "--count", "50");

        assertEquals(1, exit, out());
        assertTrue(out().contains("answered OK: 40, failed: 10 {ESME_RINVDSTADR=10}\n"), out());
    }

    @Test
    void aRefusedBindExits1NamingTheCause() {
        int exit = load("--port", String.valueOf(server.port()), "--system-id", "loader", "--password", "wrong");

        assertEquals(1, exit);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith("smpp load: cannot bind to 127.0.0.1:"
                + server.port() + " as loader: "), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsAreAllNamedAndExit2() {
        int exit = load("--system-id", "loader", "--port", "0", "--window", "0", "--count", "5", "--duration", "1");

        assertEquals(2, exit);
        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "smpp load: give --count or --duration, not both",
                "smpp load: --port must be a whole number from 1 to 65535, was '0'",
                "smpp load: --window must be a whole number from 1 to 10000, was '0'"), lines.subList(0, 3));
        assertTrue(lines.get(3).startsWith("Usage: smpp load [-hV] "), lines.toString());
    }
}
