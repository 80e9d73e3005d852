package io.smppgateway.runner.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.log.LogFileLayout;
import io.smppgateway.smpp.log.PduLogFormat;
import io.smppgateway.smpp.log.PduLogOutput;
import io.smppgateway.smpp.log.PduLogWriter;
import io.smppgateway.smpp.log.PeerResolver;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDU log writer's warnings as the daemon prints them (logback's text format on the console,
 * which operations.md quotes): one line when the disk refuses the log and one when it takes it
 * again, not one per entry; one line when a peer's file reaches its daily limit, naming the
 * setting that raises it. The writer logs the PDUs of a real session bound to the SMSC simulator.
 */
class PduLogWarningsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String PEER = "mysmsc-id-example";

    @TempDir
    Path folder;

    private final SmppConnector connector = new SmppConnector();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        connector.close();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** A session to the simulator whose PDUs {@code writer} logs under {@code root}. */
    private ChannelSession bind(PduLogWriter writer, Path root) throws Exception {
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults());
        toClose.add(smsc);
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "gw", "pw", "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        return connector.connectAndBind("127.0.0.1", smsc.port(), null, Duration.ofSeconds(10),
                SessionConfig.defaults(), bind, (session, request) -> null,
                writer.listener(root, PeerResolver.fixed(PEER), new PduLogFormat(true))).get(20, TimeUnit.SECONDS);
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    /**
     * The log's folder cannot be created (a file stands where a folder should be) until the file
     * is removed: a real refusal of the disk, and a real recovery.
     */
    @Test
    void aDiskThatRefusesTheLogIsWarnedOnceAndItsReturnSaidOnceWithTheCountLost() throws Exception {
        Path notAFolder = Files.createFile(folder.resolve("not-a-folder"));
        Path root = notAFolder.resolve("client");
        PduLogWriter writer = new PduLogWriter(LogFileLayout::file, 1000, 1 << 20, CLOCK, ZoneOffset.UTC);
        toClose.add(writer);

        List<String> console;
        try (ConsoleLines lines = ConsoleLines.capture()) {
            ChannelSession session = bind(writer, root);
            for (int i = 0; i < 5; i++) {
                assertEquals(0, session.send(submit("while the disk refuses " + i)).get(20, TimeUnit.SECONDS)
                        .commandStatus());
            }
            awaitTrue(() -> writer.failed() >= 12);
            Files.delete(notAFolder);
            session.send(submit("the disk takes it again")).get(20, TimeUnit.SECONDS);
            awaitTrue(() -> lines.matching("PDU log: writing again").size() == 1);
            console = lines.matching("PDU log: ");
        }
        Path file = LogFileLayout.file(root, LocalDate.of(2024, 8, 25), PEER);
        assertTrue(Files.isRegularFile(file), file + " is missing");
        assertEquals(2, console.size(), "one warning when the disk refused, one line when it took entries again: "
                + console);
        assertTrue(TextLogLine.event(console.get(0)).startsWith("WARN PduLogWriter - PDU log: cannot write " + file
                + " (java.nio.file.FileAlreadyExistsException: " + notAFolder + "): PDU log entries are dropped"),
                console.get(0));
        assertTrue(TextLogLine.event(console.get(1)).startsWith("INFO PduLogWriter - PDU log: writing again; "
                + writer.failed() + " entries were dropped"), console.get(1));
    }

    @Test
    void aPeersFileAtItsDailyLimitIsWarnedOnceNamingTheSettingThatRaisesIt() throws Exception {
        Path root = folder.resolve("client");
        PduLogWriter writer = new PduLogWriter(LogFileLayout::file, PduLogOutput.files(), 1000, 1 << 20, 2_000,
                CLOCK, ZoneOffset.UTC);
        toClose.add(writer);

        List<String> warnings;
        try (ConsoleLines lines = ConsoleLines.capture()) {
            ChannelSession session = bind(writer, root);
            for (int i = 0; i < 30; i++) {
                assertEquals(0, session.send(submit("a message that fills the log " + i)).get(20, TimeUnit.SECONDS)
                        .commandStatus());
            }
            awaitTrue(() -> writer.written() + writer.overLimit() >= 62);
            warnings = lines.matching("PDU log: ");
        }
        Path file = LogFileLayout.file(root, LocalDate.of(2024, 8, 25), PEER);
        assertTrue(writer.overLimit() > 0, "entries beyond the limit are counted");
        assertEquals(1, warnings.size(), "one warning for the file: " + warnings);
        assertTrue(TextLogLine.event(warnings.get(0)).startsWith("WARN PduLogWriter - PDU log: " + file
                + " reached 0 MB, the most one peer's log may hold in a day"), warnings.get(0));
        assertTrue(warnings.get(0).contains("raise SMPP_PDU_LOG_MAX_FILE_MB"), warnings.get(0));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }

    /** What the loggers write to the console (logback's console appender writes to System.out) while captured. */
    private static final class ConsoleLines implements AutoCloseable {
        private final PrintStream original = System.out;
        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

        static ConsoleLines capture() {
            ConsoleLines lines = new ConsoleLines();
            System.setOut(new PrintStream(new TeeOutputStream(lines.original, lines.captured), true,
                    StandardCharsets.UTF_8));
            return lines;
        }

        List<String> matching(String text) {
            String all;
            synchronized (captured) {
                all = captured.toString(StandardCharsets.UTF_8);
            }
            return all.lines().filter(line -> line.contains(text)).toList();
        }

        @Override
        public void close() {
            System.setOut(original);
        }
    }

    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        TeeOutputStream(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
