package io.smppgateway.runner.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code smpp simulate-smsc}, driven by {@code smpp load}. */
class SimulateSmscCommandTest {

    private static final Pattern LISTENING = Pattern.compile("SMSC simulator listening on 127\\.0\\.0\\.1:(\\d+) ");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void answersALoadRunWithItsAccountsAndReportsItsCountersWhenStopped() throws Exception {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulateSmscCommand.run(new String[] {
                "--host", "127.0.0.1", "--port", "0", "--account", "esme:pw", "--delay-ms", "5",
                "--receipt-delay-ms", "0", "--delivered", "1", "--undelivered", "0", "--rejected", "0",
                "--id-style", "hex", "--max-waiting-receipts", "500", "--report", "1"}, out, err, stop));
        int port = awaitPort();

        ByteArrayOutputStream loadOut = new ByteArrayOutputStream();
        int loadExit = LoadCommand.run(new String[] {"--port", String.valueOf(port), "--system-id", "esme",
                "--password", "pw", "--count", "20", "--window", "5", "--receipts"},
                new PrintStream(loadOut, true, StandardCharsets.UTF_8), err);
        int refusedExit = LoadCommand.run(new String[] {"--port", String.valueOf(port), "--system-id", "esme",
                "--password", "wrong", "--count", "1"}, new PrintStream(new ByteArrayOutputStream()), err);
        stop.complete(null);

        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        assertEquals(0, loadExit, loadOut.toString(StandardCharsets.UTF_8));
        assertEquals(1, refusedExit);
        assertTrue(out().contains("(1 account(s)); submit_sm answered after 5 ms, receipts after 0 ms:"
                + " 100% delivered; ids hex; at most 500 receipts waiting\n"), out());
        List<String> lines = out().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("stopping: binds 1 (refused 1), submit_sm 20 (accepted 20, throttled 0),"
                + " receipts sent "), last);
    }

    @Test
    void stopsByItselfAfterTheDuration() {
        int exit = SimulateSmscCommand.run(new String[] {"--host", "127.0.0.1", "--port", "0", "--duration", "1"},
                out, err, new CompletableFuture<>());

        assertEquals(0, exit);
        assertTrue(out().contains("as smscsim (any system_id and password); submit_sm answered after 0 ms,"
                + " receipts after 100 ms: 90% delivered, 5% undelivered, 5% rejected; ids decimal;"
                + " at most 100000 receipts waiting\n"), out());
        assertTrue(out().contains("stopping: binds 0 (refused 0), submit_sm 0"), out());
    }

    @Test
    void usageErrorsAreAllNamedAndExit2() {
        int exit = SimulateSmscCommand.run(new String[] {"--delivered", "0", "--undelivered", "0", "--rejected", "0",
                "--account", "nopassword", "--cert", "c.pem", "--id-style", "octal", "--max-waiting-receipts", "-1"},
                out, err,
                new CompletableFuture<>());

        assertEquals(2, exit);
        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "smpp simulate-smsc: TLS needs both --cert and --key",
                "smpp simulate-smsc: --account must be SYSTEM_ID:PASSWORD, was 'nopassword'",
                "smpp simulate-smsc: --id-style must be decimal, hex, uuid or hex_then_decimal",
                "smpp simulate-smsc: --max-waiting-receipts must be a whole number from 0 to 100000000, was '-1'",
                "smpp simulate-smsc: at least one receipt outcome needs a weight above 0"), lines.subList(0, 5));
        assertTrue(lines.get(5).startsWith("Usage: smpp simulate-smsc [-hV] "), lines.toString());
        assertEquals("'smpp simulate-smsc --help' describes every option and its default.",
                lines.get(lines.size() - 1));
    }

    private int awaitPort() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(out());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the simulator did not start: " + out() + stderr.toString(StandardCharsets.UTF_8));
    }
}
