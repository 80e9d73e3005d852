package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.runner.config.BusChoice;
import io.smppgateway.runner.config.DatabaseChoice;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon configured as in production, against the test MariaDB and nsqd: an ESME's submit is
 * on nsqd's SMS_IN topic, and an SMS_OUT published to nsqd goes through the gateway named by
 * smsc_id and comes back on DLR_IN as sent, then delivered.
 */
class GatewayDaemonServicesTest {

    @TempDir
    Path home;

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: run the tests through"
                    + " scripts/test.sh, or source .scratch/services.env");
        }
        return value;
    }

    @Test
    void servesEsmesAndSmscsThroughMysqlAndNsq() throws Exception {
        String[] nsqd = required("SMPP_TEST_NSQD_TCP").split(":");
        String prefix = "rt" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = new HashMap<>();
        environment.put("MYSQL_HOST", required("SMPP_TEST_MYSQL_HOST"));
        environment.put("MYSQL_PORT", required("SMPP_TEST_MYSQL_PORT"));
        environment.put("MYSQL_DBNAME", required("SMPP_TEST_MYSQL_DATABASE"));
        environment.put("MYSQL_USERNAME", required("SMPP_TEST_MYSQL_USER"));
        environment.put("MYSQL_PASSWORD", required("SMPP_TEST_MYSQL_PASSWORD"));
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            String name = prefix + "_" + topic.name().toLowerCase();
            environment.put("NSQ_" + topic + "_HOST", nsqd[0]);
            environment.put("NSQ_" + topic + "_PORT", nsqd[1]);
            environment.put("NSQ_" + topic + "_TOPIC", name);
            topics.put(topic, new NsqTopicConfig(nsqd[0], Integer.parseInt(nsqd[1]), name));
        }
        environment.put("SMPP_PORT", String.valueOf(GatewayDaemonTest.freePort()));
        environment.put("HTTP_PORT", String.valueOf(GatewayDaemonTest.freePort()));
        GatewaySettings settings = new SettingsReader(home, environment, warning -> { }).read(null);
        assertInstanceOf(DatabaseChoice.Mysql.class, settings.database());
        assertInstanceOf(BusChoice.Nsq.class, settings.bus());
        settings = settings.withHttp(new GeneratedCredentials().complete(settings.dataFolder(), settings.http()).access());

        BlockingQueue<JsonObject> smsIn = new LinkedBlockingQueue<>();
        BlockingQueue<JsonObject> dlrIn = new LinkedBlockingQueue<>();
        try (SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults()
                     .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)));
             NsqMessageBus application = new NsqMessageBus(NsqBusConfig.of(topics));
             GatewayDaemon daemon = GatewayDaemon.start(settings);
             SmppConnector connector = new SmppConnector()) {
            application.consume(Topic.SMS_IN, "app", delivery -> {
                smsIn.add(JsonParser.parseString(delivery.body()).getAsJsonObject());
                delivery.finish();
            });
            application.consume(Topic.DLR_IN, "app", delivery -> {
                dlrIn.add(JsonParser.parseString(delivery.body()).getAsJsonObject());
                delivery.finish();
            });
            Client client = daemon.database().clients().create(Client.builder().username(prefix).password("pw")
                    .binds(1).enabled(true).build());
            Gateway gateway = daemon.database().gateways().create(Gateway.builder().smscId(prefix).host("127.0.0.1")
                    .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                    .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true)
                    .secure(false).enabled(true).build());
            try {
                daemon.engine().gatewaySaved(gateway).get(20, TimeUnit.SECONDS);
                BindRequest bind = BindRequest.of(BindType.TRANSMITTER, 1, prefix, "pw", "", InterfaceVersion.SMPP_3_4,
                        Address.EMPTY);
                ChannelSession esme = connector.connectAndBind("127.0.0.1", daemon.smppServer().port(), null,
                        Duration.ofSeconds(10), SessionConfig.defaults(), bind, (session, request) -> null,
                        PduListener.NONE).get(30, TimeUnit.SECONDS);
                SubmitSmResp response = esme.send(SubmitSm.builder().source(5, 0, "Bank").destination(1, 1, "380991234567")
                        .shortMessage("via nsqd".getBytes(StandardCharsets.ISO_8859_1)).build()).get(30, TimeUnit.SECONDS);

                JsonObject in = smsIn.poll(30, TimeUnit.SECONDS);
                assertNotNull(in, "no SMS_IN on nsqd");
                assertEquals(response.messageId(), in.get("msg_id").getAsString());
                assertEquals(client.id(), in.get("client_id").getAsLong());

                GatewayDaemonTest.awaitTrue(() -> smsc.sessions().stream().anyMatch(s -> s.state().isBound()));
                application.publish(Topic.SMS_OUT, """
                        {"smsc_id": "%s", "msg_id": "%s-1", "sender": "Bank", "receiver": "380991234567",
                         "message": "through nsqd"}""".formatted(prefix, prefix)).get(10, TimeUnit.SECONDS);
                JsonObject sent = dlrIn.poll(30, TimeUnit.SECONDS);
                assertNotNull(sent, "no DLR_IN sent on nsqd");
                assertEquals("sent", sent.get("status").getAsString(), sent.toString());
                JsonObject delivered = dlrIn.poll(30, TimeUnit.SECONDS);
                assertNotNull(delivered, "no final DLR_IN on nsqd");
                assertEquals("delivered", delivered.get("status").getAsString(), delivered.toString());

                java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                                + daemon.httpServer().port() + "/api/health"))
                                .header("X-API-Key", daemon.settings().http().apiToken()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
                JsonObject busCheck = JsonParser.parseString(health.body()).getAsJsonObject().getAsJsonArray("checks")
                        .asList().stream().map(c -> c.getAsJsonObject())
                        .filter(c -> c.get("name").getAsString().equals("message bus")).findFirst().orElseThrow();
                assertEquals("up", busCheck.get("status").getAsString(), busCheck.toString());
                // SMS_OUT, DLR_OUT, and the SMS_OUT other instances hand to this one for the gateway it transmits to
                assertTrue(busCheck.get("detail").getAsString().startsWith("NSQ: 3 consumer(s) subscribed"),
                        busCheck.toString());
            } finally {
                daemon.database().clients().delete(client.id());
                daemon.database().gateways().delete(gateway.id());
            }
            assertTrue(daemon.stop());
        }
    }
}
