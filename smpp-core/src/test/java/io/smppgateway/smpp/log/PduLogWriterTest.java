package io.smppgateway.smpp.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.EsmeAccounts;
import io.smppgateway.smpp.server.EsmeRequestHandler;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDU log files of a real SmppServer's sessions, written off the event loop. */
class PduLogWriterTest {

    private static final Pattern ENTRY_LINE = Pattern.compile(
            "INFO\\[(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)]\\[([0-9a-f-]{36})]: (<<<<<|>>>>>) ([0-9a-f]+)");
    private static final ZoneId ZONE = ZoneOffset.UTC;

    @TempDir
    Path logs;

    private final MovableClock clock = new MovableClock(Instant.parse("2024-08-25T23:59:50Z"));
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector connector = new SmppConnector();
    private final AtomicReference<SmppServer> server = new AtomicReference<>();

    @AfterEach
    void close() throws Exception {
        connector.close();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private SmppServer startServer(PduLogWriter writer) {
        EsmeAccounts accounts = systemId -> CompletableFuture.completedFuture(systemId.equals("esme1")
                ? Optional.of(new EsmeAccount(1234, "esme1", "secret", true, List.of(), 5, 0))
                : Optional.empty());
        EsmeRequestHandler handler = (account, session, request) -> request instanceof SubmitSm submit
                ? CompletableFuture.completedFuture(submit.response("id-" + submit.sequenceNumber()))
                : null;
        PduListener listener = writer.listener(logs, PeerResolver.boundEsmes(() -> server.get().sessions()),
                new PduLogFormat(true));
        SmppServer started = SmppServer.start(SmppServerConfig.defaults().withAddress("127.0.0.1", 0), accounts,
                handler, listener);
        server.set(started);
        toClose.add(started);
        return started;
    }

    private PduLogWriter writer(LogFiles files, int capacity) {
        PduLogWriter writer = new PduLogWriter(files, capacity, 1 << 20, clock, ZONE);
        toClose.add(writer);
        return writer;
    }

    private ChannelSession bind(String systemId, String password) {
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, systemId, password, "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        return await(connector.connectAndBind("127.0.0.1", server.get().port(), null, Duration.ofSeconds(5),
                SessionConfig.defaults(), bind, (session, request) -> null, PduListener.NONE));
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                .shortMessage(text.getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    @Test
    void writesEveryPduOfAnEsmeToItsClientIdsFileOfTheDayInTheManualsFormat() throws IOException {
        PduLogWriter writer = writer(LogFileLayout::file, 1000);
        startServer(writer);

        ChannelSession esme = bind("esme1", "secret");
        SubmitSmResp response = await(esme.send(submit("Have a nice day!")));
        await(esme.unbind());

        Path file = logs.resolve("2024-08-25").resolve("1234.log");
        awaitTrue(() -> Files.exists(file) && entries(file).size() == 6);
        List<Entry> entries = entries(file);
        assertEquals(List.of("<<<<< BIND_TRANSCEIVER", ">>>>> BIND_TRANSCEIVER_RESP", "<<<<< SUBMIT_SM",
                ">>>>> SUBMIT_SM_RESP", "<<<<< UNBIND", ">>>>> UNBIND_RESP"),
                entries.stream().map(e -> e.marker + " " + e.command).toList());
        for (Entry entry : entries) {
            assertEquals("2024-08-25 23:59:50", entry.time);
            assertEquals(entries.get(0).connectionId, entry.connectionId);
        }
        // the entry is PduLogFormat's, byte for byte, password masked
        String text = Files.readString(file);
        assertFalse(text.contains("secret") || text.contains(hexOf("secret")), text);
        assertTrue(text.contains("\"message_id\": \"" + response.messageId() + "\""), text);
        assertTrue(text.contains("\"short_message\": \"Have a nice day!\""), text);
        assertEquals(6, writer.written());
        assertEquals(0, writer.dropped());
    }

    @Test
    void aNewDayStartsANewFileInTheNewDaysFolder() throws IOException {
        PduLogWriter writer = writer(LogFileLayout::file, 1000);
        startServer(writer);
        ChannelSession esme = bind("esme1", "secret");
        Path firstDay = logs.resolve("2024-08-25/1234.log");
        awaitTrue(() -> Files.exists(firstDay) && entries(firstDay).size() == 2);

        clock.set(Instant.parse("2024-08-26T00:00:01Z"));
        await(esme.send(submit("after midnight")));

        Path secondDay = logs.resolve("2024-08-26/1234.log");
        awaitTrue(() -> Files.exists(secondDay) && entries(secondDay).size() == 2);
        assertEquals(List.of("SUBMIT_SM", "SUBMIT_SM_RESP"), entries(secondDay).stream().map(e -> e.command).toList());
        assertEquals(2, entries(firstDay).size());
    }

    @Test
    void aConnectionThatNeverBindsIsNotInAnyPeersLog() throws IOException {
        PduLogWriter writer = writer(LogFileLayout::file, 1000);
        startServer(writer);

        assertBindRefused("esme1", "wrong");
        ChannelSession esme = bind("esme1", "secret");
        await(esme.unbind());

        Path file = logs.resolve("2024-08-25/1234.log");
        awaitTrue(() -> Files.exists(file) && entries(file).size() == 4);
        try (var days = Files.list(logs.resolve("2024-08-25"))) {
            assertEquals(List.of(file), days.toList());
        }
    }

    /** A disk that hangs: the writer thread blocks on it, yet the SMPP traffic goes on. */
    @Test
    void aStalledDiskDropsLogEntriesWithACountButNeverStallsTheSessions() throws IOException {
        CountDownLatch diskHangs = new CountDownLatch(1);
        LogFiles stalled = (root, day, peer) -> {
            try {
                diskHangs.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LogFileLayout.file(root, day, peer);
        };
        PduLogWriter writer = writer(stalled, 10);
        startServer(writer);

        ChannelSession esme = bind("esme1", "secret");
        for (int i = 0; i < 50; i++) {
            await(esme.send(submit("message " + i)));
        }

        // 102 PDUs: one or two in the writer's hands (the bind may wait for its peer), 10 queued,
        // the rest dropped and counted
        long dropped = writer.dropped();
        assertTrue(dropped == 102 - 1 - 10 || dropped == 102 - 2 - 10, "dropped " + dropped);
        assertEquals(10, writer.queued());
        diskHangs.countDown();
        Path file = logs.resolve("2024-08-25/1234.log");
        awaitTrue(() -> Files.exists(file) && entries(file).size() == 102 - dropped);
        assertEquals(102 - dropped, writer.written());
    }

    /** The log shipper's group may read the logs, nobody else: files 0640 in day folders 0750. */
    @Test
    void logFilesAreReadableByTheGroupOnlyAndTheirFoldersToo() throws IOException {
        PduLogWriter writer = writer(LogFileLayout::file, 1000);
        startServer(writer);
        bind("esme1", "secret");

        Path file = logs.resolve("2024-08-25").resolve("1234.log");
        awaitTrue(() -> Files.exists(file) && entries(file).size() == 2);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    /**
     * A bound ESME cannot fill the disk with its own log: once its file for the day holds the
     * limit, its entries are dropped and counted, and the traffic goes on. (The one warning it
     * logs is checked as the daemon prints it, in smpp-runner's PduLogWarningsTest.)
     */
    @Test
    void aPeersFileStopsGrowingAtItsDailyLimit() throws Exception {
        PduLogWriter writer = new PduLogWriter(LogFileLayout::file, PduLogOutput.files(), 1000, 1 << 20, 2_000, clock,
                ZONE);
        toClose.add(writer);
        startServer(writer);
        ChannelSession esme = bind("esme1", "secret");
        Path file = logs.resolve("2024-08-25").resolve("1234.log");

        for (int i = 0; i < 30; i++) {
            assertEquals(0, await(esme.send(submit("a message that fills the log " + i))).commandStatus());
        }
        awaitTrue(() -> writer.written() + writer.overLimit() == 62);
        assertTrue(Files.size(file) <= 2_000, Files.size(file) + " bytes");
        assertTrue(writer.overLimit() > 0, "entries beyond the limit are counted");
        assertEquals(writer.written(), entries(file).size());
    }

    /**
     * A full disk: the sessions go on, the entries are dropped and counted, and once there is space
     * again the log goes on. The disk is the real file system behind a stream that refuses while
     * "full". (The one warning and the one line on resuming are checked as the daemon prints them,
     * in smpp-runner's PduLogWarningsTest.)
     */
    @Test
    void aFullDiskDropsEntriesWithACountAndTheLogResumesWhenSpaceReturns() throws Exception {
        FillingDisk disk = new FillingDisk();
        PduLogWriter writer = new PduLogWriter(LogFileLayout::file, disk, 1000, 1 << 20, clock, ZONE);
        toClose.add(writer);
        startServer(writer);
        ChannelSession esme = bind("esme1", "secret");
        Path file = logs.resolve("2024-08-25").resolve("1234.log");
        awaitTrue(() -> Files.exists(file) && entries(file).size() == 2);

        disk.full = true;
        for (int i = 0; i < 20; i++) {
            SubmitSmResp response = await(esme.send(submit("while the disk is full " + i)));
            assertEquals(0, response.commandStatus());
        }
        awaitTrue(() -> writer.failed() == 40);
        disk.full = false;
        await(esme.send(submit("space again")));
        awaitTrue(() -> entries(file).size() == 4);
        assertEquals(List.of("BIND_TRANSCEIVER", "BIND_TRANSCEIVER_RESP", "SUBMIT_SM", "SUBMIT_SM_RESP"),
                entries(file).stream().map(e -> e.command).toList());
        assertEquals(40, writer.failed());
        assertEquals(4, writer.written());
    }

    /** The log files, with writes and flushes failing as on a full disk while {@link #full} is set. */
    private static final class FillingDisk implements PduLogOutput {
        private final PduLogOutput files = PduLogOutput.files();
        volatile boolean full;

        @Override
        public OutputStream openAppending(Path file) throws IOException {
            OutputStream out = files.openAppending(file);
            return new FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    refuseWhenFull();
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    refuseWhenFull();
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    refuseWhenFull();
                    out.flush();
                }
            };
        }

        private void refuseWhenFull() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }
    }

    /** The bind is answered ESME_RINVPASWD; a timeout or any other failure fails the test. */
    private void assertBindRefused(String systemId, String password) {
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, systemId, password, "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        CompletableFuture<ChannelSession> result = connector.connectAndBind("127.0.0.1", server.get().port(), null,
                Duration.ofSeconds(5), SessionConfig.defaults(), bind, (session, request) -> null, PduListener.NONE);
        java.util.concurrent.ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
        BindRefusedException refused = org.junit.jupiter.api.Assertions.assertInstanceOf(BindRefusedException.class,
                failure.getCause());
        assertEquals(CommandStatus.ESME_RINVPASWD.value(), refused.commandStatus(), refused.getMessage());
    }

    private record Entry(String time, String connectionId, String marker, String command) {
    }

    private static List<Entry> entries(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = ENTRY_LINE.matcher(lines.get(i));
            if (matcher.matches()) {
                String command = lines.get(i + 1);
                assertTrue(command.endsWith(":"), command);
                entries.add(new Entry(matcher.group(1), matcher.group(2), matcher.group(3),
                        command.substring(0, command.length() - 1)));
            }
        }
        return entries;
    }

    private static String hexOf(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
    }

    static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves, to cross midnight. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
