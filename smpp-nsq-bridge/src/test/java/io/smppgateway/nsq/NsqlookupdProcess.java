package io.smppgateway.nsq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A private nsqlookupd started from SMPP_TEST_NSQLOOKUPD_BIN on free loopback ports. */
public final class NsqlookupdProcess implements AutoCloseable {

    private final int tcpPort = NsqdProcess.freePort();
    private final int httpPort = NsqdProcess.freePort();
    private final Path log;
    private final Process process;

    public NsqlookupdProcess() throws IOException {
        log = Files.createTempFile("nsqlookupd-test", ".log");
        process = new ProcessBuilder(List.of(TestNsqd.env("SMPP_TEST_NSQLOOKUPD_BIN"),
                "--tcp-address=127.0.0.1:" + tcpPort, "--http-address=127.0.0.1:" + httpPort,
                "--broadcast-address=127.0.0.1", "--log-level=warn"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Await.until(this::answersPing, () -> "nsqlookupd did not answer /ping on " + http());
    }

    private boolean answersPing() {
        if (!process.isAlive()) {
            throw new IllegalStateException("nsqlookupd exited: " + read(log));
        }
        try {
            return TestNsqd.get(http(), "/ping").strip().equals("OK");
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    /** Where nsqd registers (--lookupd-tcp-address). */
    public NsqAddress tcp() {
        return new NsqAddress("127.0.0.1", tcpPort);
    }

    /** Where consumers ask (/lookup). */
    public NsqAddress http() {
        return new NsqAddress("127.0.0.1", httpPort);
    }

    /** The nsqd it lists for a topic right now. */
    public List<NsqAddress> producers(String topic) {
        try {
            return NsqLookupClient.parseProducers(TestNsqd.get(http(), "/lookup?topic=" + topic));
        } catch (IllegalStateException unknownTopic) {
            return List.of();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }
}
