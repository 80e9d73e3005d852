package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.runner.e2e.GatewayProcess;
import io.smppgateway.runner.e2e.TestServices;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway that cannot start must exit, non-zero and soon, so that systemd's
 * {@code Restart=on-failure} (and the operator) see it: here a second gateway whose SMPP or HTTP
 * port is taken. Its output says it in one line (the port, that it is in use, the key that moves
 * it), without a stack trace. The packaged jar as its own process, on the embedded defaults.
 */
@Tag("jar")
class GatewayStartFailureIT {

    /** Generous: the start itself (the embedded database, its migrations) takes a few seconds. */
    private static final long EXIT_WITHIN_SECONDS = 60;

    @Test
    void anSmppPortInUseExits1WithOneLineNamingThePortAndItsKey(@TempDir Path home) throws Exception {
        int smppPort = TestServices.freePort();
        int httpPort = TestServices.freePort();
        try (ServerSocket taken = listen(smppPort)) {
            List<String> output = startAndAwaitExit(home, smppPort, httpPort);
            assertOneLine(output, "smpp: cannot start: the SMPP port " + smppPort + " is already in use", "SMPP_PORT");
        }
    }

    @Test
    void anHttpPortInUseExits1WithOneLineNamingThePortAndItsKey(@TempDir Path home) throws Exception {
        int smppPort = TestServices.freePort();
        int httpPort = TestServices.freePort();
        try (ServerSocket taken = listen(httpPort)) {
            List<String> output = startAndAwaitExit(home, smppPort, httpPort);
            assertOneLine(output, "smpp: cannot start: the HTTP port " + httpPort + " is already in use", "HTTP_PORT");
        }
    }

    @Test
    void aSecondGatewayOnTheSameEmbeddedDatabaseExits1WithOneLineSayingWhatClusteringNeeds(@TempDir Path root)
            throws Exception {
        Path data = Files.createDirectories(root.resolve("shared-data"));
        Path first = Files.createDirectories(root.resolve("first"));
        Path second = Files.createDirectories(root.resolve("second"));
        Files.writeString(first.resolve("smpp.conf"), "SMPP_PORT=" + TestServices.freePort() + "\nHTTP_PORT="
                + TestServices.freePort() + "\nSMPP_DATA_PATH=" + data + "\n");
        try (GatewayProcess running = GatewayProcess.run(first, first.resolve("console.log"))) {
            running.awaitLine("ready");
            assertTrue(running.output().stream().anyMatch(line -> line.contains("mode: one instance (the embedded"
                    + " database serves one gateway process")), String.join("\n", running.output()));

            Files.writeString(second.resolve("smpp.conf"), "SMPP_PORT=" + TestServices.freePort() + "\nHTTP_PORT="
                    + TestServices.freePort() + "\nSMPP_DATA_PATH=" + data + "\n");
            try (GatewayProcess refused = GatewayProcess.run(second, second.resolve("console.log"))) {
                int exitCode = refused.awaitExit(EXIT_WITHIN_SECONDS);
                String all = String.join("\n", refused.output());
                assertEquals(1, exitCode, "exit code (-1: still running after " + EXIT_WITHIN_SECONDS + " s):\n" + all);
                List<String> lines = refused.output().stream().filter(line -> line.contains("cannot start")).toList();
                assertEquals(1, lines.size(), all);
                assertTrue(lines.get(0).startsWith("smpp: cannot start: the embedded database " + data.resolve("smpp")
                        + ".mv.db is in use by another gateway"), lines.get(0));
                assertTrue(lines.get(0).contains("set the MYSQL_* and NSQ_* keys"), lines.get(0));
            }
            assertTrue(running.isAlive(), "the first gateway runs on");
        }
    }

    private static ServerSocket listen(int port) throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress("0.0.0.0", port));
        return socket;
    }

    private static List<String> startAndAwaitExit(Path home, int smppPort, int httpPort) throws Exception {
        Files.writeString(home.resolve("smpp.conf"), "SMPP_PORT=" + smppPort + "\nHTTP_PORT=" + httpPort + "\n");
        try (GatewayProcess gateway = GatewayProcess.run(home, home.resolve("console.log"))) {
            long started = System.nanoTime();
            int exitCode = gateway.awaitExit(EXIT_WITHIN_SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.printf("start with a port in use: exit %d after %d ms%n", exitCode, millis);
            String all = String.join("\n", gateway.output());
            assertEquals(1, exitCode, "exit code (-1: still running after " + EXIT_WITHIN_SECONDS + " s):\n" + all);
            return gateway.output();
        }
    }

    private static void assertOneLine(List<String> output, String expected, String key) {
        String all = String.join("\n", output);
        List<String> lines = output.stream().filter(line -> line.contains("cannot start")).toList();
        assertEquals(1, lines.size(), all);
        assertTrue(lines.get(0).startsWith(expected) && lines.get(0).contains("set " + key + " in smpp.conf"),
                lines.get(0));
        assertTrue(output.stream().noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Exception in thread")
                || line.contains("Caused by:")), "a stack trace in:\n" + all);
    }
}
