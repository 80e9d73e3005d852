package io.smppgateway.nsq;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private nsqd started from SMPP_TEST_NSQD_BIN on free loopback ports with a temp data dir,
 * which a test may kill and restart on the same ports and data.
 */
final class NsqdProcess implements AutoCloseable {

    private final Path dataDir;
    private final int tcpPort;
    private final int httpPort;
    private final Path log;
    private Process process;

    NsqdProcess() throws IOException {
        this.dataDir = Files.createTempDirectory("nsqd-test");
        this.log = dataDir.resolve("nsqd.log");
        this.tcpPort = freePort();
        this.httpPort = freePort();
        start();
    }

    NsqAddress tcp() {
        return new NsqAddress("127.0.0.1", tcpPort);
    }

    NsqAddress http() {
        return new NsqAddress("127.0.0.1", httpPort);
    }

    void start() throws IOException {
        // Every message goes through the disk queue, whose metadata is synced often, so that a
        // killed nsqd comes back with little lost; only a clean stop (SIGTERM) loses nothing.
        List<String> command = List.of(TestNsqd.env("SMPP_TEST_NSQD_BIN"),
                "--tcp-address=127.0.0.1:" + tcpPort, "--http-address=127.0.0.1:" + httpPort,
                "--data-path=" + dataDir, "--mem-queue-size=0", "--log-level=warn",
                "--msg-timeout=60s", "--sync-timeout=100ms");
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nsqd exited at start: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", tcpPort), 200);
                TestNsqd.get(http(), "/ping");
                return;
            } catch (IOException | IllegalStateException notYet) {
                sleep(50);
            }
        }
        throw new IOException("nsqd did not start listening on " + tcpPort);
    }

    /** SIGKILL: no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: nsqd closes its clients and writes what it holds in memory to disk. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
