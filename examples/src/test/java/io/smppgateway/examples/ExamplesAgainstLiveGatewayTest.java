package io.smppgateway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.store.client.Client;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.runner.daemon.GatewayDaemon;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each example's work against one live gateway: the daemon in-process with its embedded
 * database, its NSQ topics on the test nsqd (unique names), its REST API on a free port, an SMSC
 * simulator as the gateway {@code sim} and an ESME bound to its SMPP server. Each test consumes
 * exactly the events it causes, so that the shared topics are empty again for the next one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesAgainstLiveGatewayTest {

    private static final Duration READ_BUDGET = Duration.ofSeconds(60);
    private static final String SMSC_ID = "sim";

    @TempDir
    static Path home;

    private SmscSimulator smsc;
    private GatewayDaemon daemon;
    private final SmppConnector connector = new SmppConnector();
    private ChannelSession esme;
    private final BlockingQueue<DeliverSm> esmeDeliveries = new LinkedBlockingQueue<>();
    private ExampleSettings settings;

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: run the tests through"
                    + " scripts/test.sh, or source .scratch/services.env");
        }
        return value;
    }

    @BeforeAll
    void startGateway() throws Exception {
        String[] nsqd = required("SMPP_TEST_NSQD_TCP").split(":");
        String prefix = "ex" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = new HashMap<>();
        for (String topic : List.of("SMS_OUT", "DLR_IN", "SMS_IN", "DLR_OUT")) {
            environment.put("NSQ_" + topic + "_HOST", nsqd[0]);
            environment.put("NSQ_" + topic + "_PORT", nsqd[1]);
            environment.put("NSQ_" + topic + "_TOPIC", prefix + "_" + topic.toLowerCase());
        }
        environment.put("SMPP_PORT", String.valueOf(freePort()));
        environment.put("HTTP_PORT", String.valueOf(freePort()));
        GatewaySettings gatewaySettings = new SettingsReader(home, environment, warning -> { }).read(null);
        gatewaySettings = gatewaySettings.withHttp(new GeneratedCredentials()
                .complete(gatewaySettings.dataFolder(), gatewaySettings.http()).access());

        smsc = SmscSimulator.start(SimulatorConfig.defaults().withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED))
                .withReceiptDelay(Duration.ofMillis(50)));
        daemon = GatewayDaemon.start(gatewaySettings);
        // the examples read the same keys as the gateway: its environment, plus the API's address and token
        Map<String, String> exampleEnvironment = new HashMap<>(environment);
        exampleEnvironment.put("GATEWAY_HTTP", "http://127.0.0.1:" + daemon.httpServer().port());
        exampleEnvironment.put("HTTP_API_TOKEN", gatewaySettings.http().apiToken());
        settings = ExampleSettings.from(exampleEnvironment);
        // Through the REST API: a gateway saved there binds at once, as it would for a user.
        JsonObject gateway = JsonParser.parseString("""
                {"smsc_id": "%s", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                 "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true, "tx_binds": 0, "rx_binds": 0,
                 "trx_binds": 1, "smpp_version": "3.4", "is_gsm7": true, "is_secure": false, "enabled": true}"""
                .formatted(SMSC_ID, smsc.port())).getAsJsonObject();
        new ManageGateways.RestCalls(HttpClient.newHttpClient(), settings).send("POST", "/api/gateways", gateway);
        awaitTrue(() -> smsc.sessions().stream().anyMatch(s -> s.state().isBound()));

        daemon.database().clients().create(Client.builder().username("esme1").password("pw").binds(1).enabled(true)
                .build());
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "esme1", "pw", "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        esme = connector.connectAndBind("127.0.0.1", daemon.smppServer().port(), null, Duration.ofSeconds(10),
                SessionConfig.defaults(), bind, (session, request) -> {
                    if (request instanceof DeliverSm deliver) {
                        esmeDeliveries.add(deliver);
                        return CompletableFuture.completedFuture(deliver.response(""));
                    }
                    return null;
                }, PduListener.NONE).get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    void stopGateway() throws Exception {
        connector.close();
        if (daemon != null) {
            daemon.stop();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void sendSmsIsReportedSentThenDeliveredToReadDlrs() throws Exception {
        String msgId = SendSms.send(settings, SMSC_ID, "380991234567", "Hello from the example", "Mysender");

        List<JsonObject> dlrs = readDlrs(2);

        assertEquals(Set.of(msgId), dlrs.stream().map(d -> d.get("msg_id").getAsString()).collect(Collectors.toSet()),
                dlrs.toString());
        assertEquals(Set.of("sent", "delivered"), statuses(dlrs), dlrs.toString());
    }

    @Test
    void sendMultipartSmsReachesTheSmscAsPartsWithAConcatenationHeader() throws Exception {
        long submitsBefore = smsc.counters().submitsAccepted();
        String text = "A long story. ".repeat(25);

        List<String> msgIds = SendMultipartSms.send(settings, SMSC_ID, "380991234567", text);

        assertEquals(3, msgIds.size());
        List<JsonObject> dlrs = readDlrs(2 * msgIds.size());
        assertEquals(Set.copyOf(msgIds), dlrs.stream().map(d -> d.get("msg_id").getAsString())
                .collect(Collectors.toSet()), dlrs.toString());
        assertEquals(Set.of("sent", "delivered"), statuses(dlrs), dlrs.toString());
        assertEquals(submitsBefore + 3, smsc.counters().submitsAccepted());
        // What the simulator received, as the gateway's PDU log of that SMSC shows it: each part
        // starts with an 8-bit-reference concatenation header (IEI 00) "of 3".
        Path log = home.resolve("logs/client").resolve(LocalDate.now().toString()).resolve(SMSC_ID + ".log");
        for (int part = 1; part <= 3; part++) {
            Pattern header = Pattern.compile("\"udh\": \"050003[0-9a-f]{2}03%02x\"".formatted(part));
            awaitTrue(() -> Files.exists(log) && header.matcher(read(log)).find());
        }
    }

    @Test
    void readIncomingSmsGetsWhatAnEsmeSubmits() throws Exception {
        SubmitSmResp response = submitFromEsme("Incoming for the application", 0);
        assertEquals(0, response.commandStatus());

        List<JsonObject> incoming = new ArrayList<>();
        assertTimeoutPreemptively(READ_BUDGET, () -> ReadIncomingSms.read(settings, 1, incoming::add));

        assertEquals(response.messageId(), incoming.get(0).get("msg_id").getAsString(), incoming.toString());
        assertEquals("Incoming for the application", incoming.get(0).get("message").getAsString());
        assertEquals("380991234567", incoming.get(0).get("receiver").getAsString());
    }

    @Test
    void answerWithDlrSendsTheEsmeAReceipt() throws Exception {
        SubmitSmResp response = submitFromEsme("Please confirm", 1);
        assertEquals(0, response.commandStatus());

        assertTimeoutPreemptively(READ_BUDGET, () -> AnswerWithDlr.answer(settings, 1, "delivered"));

        DeliverSm receipt = esmeDeliveries.poll(30, TimeUnit.SECONDS);
        assertTrue(receipt != null, "the ESME got no deliver_sm");
        assertTrue(EsmClass.isDeliveryReceipt(receipt.esmClass()), "esm_class " + receipt.esmClass());
        String text = new String(receipt.shortMessage().toByteArray(), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("id:" + response.messageId()), text);
        assertTrue(text.contains("stat:DELIVRD"), text);
    }

    @Test
    void manageGatewaysRunsItsWholeSequence() throws Exception {
        try (SmscSimulator another = SmscSimulator.start(SimulatorConfig.defaults())) {
            ManageGateways.run(settings, "example-smsc", "127.0.0.1", another.port(), "gw", "pw");
        }

        assertTrue(daemon.database().gateways().findBySmscId("example-smsc").isEmpty(), "the example deletes it");
    }

    @Test
    void manageClientsRunsItsWholeSequence() throws Exception {
        ManageClients.run(settings, "example-esme", "secret");

        assertTrue(daemon.database().clients().findByUsername("example-esme").isEmpty(), "the example deletes it");
    }

    private List<JsonObject> readDlrs(int count) {
        List<JsonObject> dlrs = new ArrayList<>();
        assertTimeoutPreemptively(READ_BUDGET, () -> ReadDlrs.read(settings, count, dlrs::add));
        return dlrs;
    }

    private static Set<String> statuses(List<JsonObject> dlrs) {
        return dlrs.stream().map(d -> d.get("status").getAsString()).collect(Collectors.toSet());
    }

    private SubmitSmResp submitFromEsme(String text, int registeredDelivery) throws Exception {
        return esme.send(SubmitSm.builder().source(5, 0, "MySender").destination(1, 1, "380991234567")
                .registeredDelivery(registeredDelivery).shortMessage(text.getBytes(StandardCharsets.ISO_8859_1))
                .build()).get(20, TimeUnit.SECONDS);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
