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
public final class NsqdProcess implements AutoCloseable {

    private final Path dataDir;
    private final int tcpPort;
    private final int httpPort;
    private final Path log;
    private final List<String> extraArguments;
    private Process process;

    NsqdProcess() throws IOException {
        this(List.of());
    }

    /** Registered with the nsqlookupd at {@code lookupdTcp}, under 127.0.0.1 as its address. */
    public static NsqdProcess registeredWith(NsqAddress lookupdTcp) throws IOException {
        return new NsqdProcess(List.of("--lookupd-tcp-address=" + lookupdTcp, "--broadcast-address=127.0.0.1"));
    }

    private NsqdProcess(List<String> extraArguments) throws IOException {
        this.extraArguments = List.copyOf(extraArguments);
        this.dataDir = Files.createTempDirectory("nsqd-test");
        this.log = dataDir.resolve("nsqd.log");
        this.tcpPort = freePort();
        this.httpPort = freePort();
        start();
    }

    public NsqAddress tcp() {
        return new NsqAddress("127.0.0.1", tcpPort);
    }

    public NsqAddress http() {
        return new NsqAddress("127.0.0.1", httpPort);
    }

    void start() throws IOException {
        // Every message goes through the disk queue, whose metadata is synced often, so that a
        // killed nsqd comes back with little lost; only a clean stop (SIGTERM) loses nothing.
        List<String> command = new java.util.ArrayList<>(List.of(TestNsqd.env("SMPP_TEST_NSQD_BIN"),
                "--tcp-address=127.0.0.1:" + tcpPort, "--http-address=127.0.0.1:" + httpPort,
                "--data-path=" + dataDir, "--mem-queue-size=0", "--log-level=warn",
                "--msg-timeout=60s", "--sync-timeout=100ms"));
        command.addAll(extraArguments);
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

    /**
     * Whether nsqd has written the metadata (read/write positions) of the disk queue of
     * {@code queue} - a topic, or "topic:channel" - at least once; it does so every --sync-timeout
     * while the queue is active. A queue SIGKILLed before that first write restarts at position 0
     * of its old data file and overwrites it in place while its reader's read-ahead still holds
     * the old bytes: nsqd 1.3.0 logs "invalid message read size", sets the file aside as .bad and
     * loses the messages it confirmed after the restart. With metadata written (even stale),
     * nsqd writes to a new file after the restart and loses nothing it confirms afterwards.
     */
    boolean queueMetadataWritten(String queue) {
        return Files.exists(dataDir.resolve(queue + ".diskqueue.meta.dat"));
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
