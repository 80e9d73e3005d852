package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.bridge.engine.PduLogConfig;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.log.LogFileLayout;
import io.smppgateway.smpp.log.PduLogWriter;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine started with {@link EngineOptions.Builder#pduLogs} writes the manual's PDU logs itself:
 * an ESME's PDUs to its client id's file of the day under the ESME folder, an SMSC's to its
 * smsc_id's file under the SMSC folder, decoded with that gateway's alphabet, while the host's own
 * listeners hear the same PDUs; the unbinds of the stop are in the files once {@code stop()}
 * returns. Real sockets, the embedded database and the in-process bus.
 */
class EnginePduLogsTest {

    private static final String SMSC_ID = "logged-smsc";

    @TempDir
    Path logs;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector esmeConnector = new SmppConnector();

    @AfterEach
    void stop() throws Exception {
        esmeConnector.close();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @Test
    void anEsmesAndAnSmscsPdusAreInTheirDayFilesUnderTheirFolders() throws Exception {
        Path esmeFolder = logs.resolve("server");
        Path smscFolder = logs.resolve("client");
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.EMBEDDED));
        InProcessMessageBus bus = closing(new InProcessMessageBus());
        SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
        List<String> heardFromEsmes = new CopyOnWriteArrayList<>();
        List<String> heardFromSmscs = new CopyOnWriteArrayList<>();
        EngineOptions options = EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0))
                .pduLogs(PduLogConfig.of(esmeFolder, smscFolder))
                .esmePdus(heard(heardFromEsmes))
                .smscPdus(smscId -> heard(heardFromSmscs))
                .build();
        GatewayEngine engine = closing(GatewayEngine.start(options, database.database(), bus));

        // the folders are there from the start, for the log shipper's group
        assertEquals("rwxr-x---", mode(esmeFolder));
        assertEquals("rwxr-x---", mode(smscFolder));

        long clientId = database.database().clients().create(Client.builder().username("esme-logged")
                .password("secret").binds(1).enabled(true).build()).id();
        // is_gsm7 off: data_coding 0 is 8-bit, so '@' and '_' are 0x40 and 0x5F, which GSM 7-bit reads as '¡' and '§'
        Gateway gateway = database.database().gateways().create(Gateway.builder().smscId(SMSC_ID).host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(false).secure(false)
                .enabled(true).build());
        engine.gatewaySaved(gateway).get(20, TimeUnit.SECONDS);
        Await.until("the gateway bound to the SMSC", () -> engine.smscPool().get(SMSC_ID).flatMap(client -> client
                .connections().stream().filter(bind -> bind.status().startsWith("BOUND")).findFirst()).orElse(null));

        TestEsme esme = TestEsme.bind(esmeConnector, engine.esmeServer().port(), BindType.TRANSCEIVER,
                InterfaceVersion.SMPP_3_4, "esme-logged");
        assertEquals(0, esme.session().send(SubmitSm.builder().source(5, 0, "Shop").destination(1, 1, "380991234567")
                .shortMessage("from an ESME".getBytes(StandardCharsets.ISO_8859_1)).build())
                .get(20, TimeUnit.SECONDS).commandStatus());
        JsonObject sms = new JsonObject();
        sms.addProperty("smsc_id", SMSC_ID);
        sms.addProperty("msg_id", "host-1");
        sms.addProperty("sender", "Shop");
        sms.addProperty("receiver", "380991234567");
        sms.addProperty("message", "a@b_c");
        bus.publish(Topic.SMS_OUT, sms.toString()).get(10, TimeUnit.SECONDS);
        // the SMSC's receipt answered, so that nothing but the stop's unbind comes after it
        Await.until("the SMSC's receipt answered", () -> heardFromSmscs.contains(">>>>> DELIVER_SM_RESP"));

        engine.stop();

        Path esmeLog = onlyDayFile(esmeFolder, Long.toString(clientId));
        assertEquals(List.of("<<<<< BIND_TRANSCEIVER", ">>>>> BIND_TRANSCEIVER_RESP", "<<<<< SUBMIT_SM",
                ">>>>> SUBMIT_SM_RESP", ">>>>> UNBIND", "<<<<< UNBIND_RESP"), commands(esmeLog));
        assertTrue(Files.readString(esmeLog).contains("\"short_message\": \"from an ESME\""));
        assertFalse(Files.readString(esmeLog).contains(hex("secret")), "the bind's password is masked");

        Path smscLog = onlyDayFile(smscFolder, SMSC_ID);
        List<String> smscCommands = commands(smscLog);
        assertEquals(List.of(">>>>> BIND_TRANSCEIVER", "<<<<< BIND_TRANSCEIVER_RESP", ">>>>> SUBMIT_SM",
                "<<<<< SUBMIT_SM_RESP", "<<<<< DELIVER_SM", ">>>>> DELIVER_SM_RESP", ">>>>> UNBIND", "<<<<< UNBIND_RESP"),
                smscCommands);
        String smscText = Files.readString(smscLog);
        assertTrue(smscText.contains("\"short_message\": \"a@b_c\""), smscText);

        assertEquals("rw-r-----", mode(esmeLog));
        assertEquals("rwxr-x---", mode(esmeLog.getParent()));
        PduLogWriter writer = engine.pduLogs().orElseThrow();
        assertEquals(commands(esmeLog).size() + smscCommands.size(), writer.written());
        assertEquals(0, writer.dropped() + writer.failed() + writer.overLimit());
        // the host's listeners ran beside the log, on the same PDUs
        assertEquals(commands(esmeLog), heardFromEsmes);
        assertEquals(smscCommands, heardFromSmscs);
    }

    @Test
    void withoutTheOptionTheEngineWritesNoPduLog() {
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.EMBEDDED));
        GatewayEngine engine = closing(GatewayEngine.start(EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0)).build(), database.database(),
                closing(new InProcessMessageBus())));

        assertTrue(engine.pduLogs().isEmpty());
    }

    private static PduListener heard(List<String> commands) {
        return (session, direction, pdu, octets) -> commands.add(direction.marker() + " " + pdu.commandId());
    }

    /** The peer's log file, in the one day folder the test's traffic went to. */
    private static Path onlyDayFile(Path root, String peer) throws IOException {
        List<Path> days;
        try (Stream<Path> folders = Files.list(root)) {
            days = folders.toList();
        }
        assertEquals(1, days.size(), days.toString());
        assertTrue(LogFileLayout.parseDay(days.get(0).getFileName().toString()).isPresent(), days.toString());
        Path file = days.get(0).resolve(LogFileLayout.fileName(peer));
        assertTrue(Files.isRegularFile(file), file + " is missing");
        return file;
    }

    /**
     * Each entry's direction marker and command name: the entry line
     * ({@code INFO[time][connection id]: <<<<< hex}) ends in the marker and the hex, the line after
     * it is the command with a colon.
     */
    private static List<String> commands(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> commands = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String[] words = lines.get(i).split(" ");
            if (lines.get(i).startsWith("INFO[") && words.length == 4) {
                String command = lines.get(i + 1);
                commands.add(words[2] + " " + command.substring(0, command.length() - 1));
            }
        }
        return commands;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
    }
}
