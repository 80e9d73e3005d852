package io.smppgateway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.http.HttpConfig;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example carries traffic both ways with nothing but the JVM (no nsqd, no MySQL), and
 * its REST API answers from the embedded engine.
 */
class EmbeddedGatewayTest {

    private static final String TOKEN = "example-token-0123456789";

    @TempDir
    Path data;

    private final SmppConnector connector = new SmppConnector();
    private SmscSimulator smsc;
    private EmbeddedGateway gateway;

    @AfterEach
    void stop() {
        connector.close();
        if (gateway != null) {
            gateway.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void anEsmesSubmitReachesTheHostAndTheHostsSmsReachesTheSmsc() throws Exception {
        smsc = SmscSimulator.start(SimulatorConfig.defaults());
        gateway = EmbeddedGateway.start(data, 0, HttpConfig.of(TOKEN, "admin", "admin-password-0123")
                .withAddress("127.0.0.1", 0));
        BlockingQueue<JsonObject> smsIn = new LinkedBlockingQueue<>();
        BlockingQueue<JsonObject> dlrIn = new LinkedBlockingQueue<>();
        gateway.read(Topic.SMS_IN, smsIn::add);
        gateway.read(Topic.DLR_IN, dlrIn::add);
        gateway.database().clients().create(Client.builder().username("esme").password("secret").binds(1)
                .enabled(true).build());
        Gateway upstream = gateway.database().gateways().create(Gateway.builder().smscId("upstream")
                .host("127.0.0.1").port(smsc.port()).username("gw").password("pw").enqInterval(30)
                .srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4")
                .gsm7(true).secure(false).enabled(true).build());
        gateway.engine().gatewaySaved(upstream).get(20, TimeUnit.SECONDS);

        ChannelSession esme = connector.connectAndBind("127.0.0.1", gateway.engine().esmeServer().port(), null,
                Duration.ofSeconds(10), SessionConfig.defaults(),
                BindRequest.of(BindType.TRANSCEIVER, 1, "esme", "secret", "", InterfaceVersion.SMPP_3_4, Address.EMPTY),
                (session, request) -> null, PduListener.NONE).get(30, TimeUnit.SECONDS);
        SubmitSmResp accepted = esme.send(SubmitSm.builder().source(5, 0, "Shop").destination(1, 1, "380991234567")
                .shortMessage("to the host".getBytes(StandardCharsets.ISO_8859_1)).build()).get(20, TimeUnit.SECONDS);

        assertEquals(0, accepted.commandStatus());
        HttpResponse<String> clients = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + gateway.adminApiPort() + "/api/clients")).header("X-API-Key", TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, clients.statusCode(), clients.body());
        assertEquals(1, JsonParser.parseString(clients.body()).getAsJsonObject().getAsJsonObject("connections")
                .getAsJsonArray("BIND_TRX").size(), "the REST API lists the ESME's bind: " + clients.body());
        JsonObject incoming = smsIn.poll(30, TimeUnit.SECONDS);
        assertNotNull(incoming, "the host got no SMS_IN");
        assertEquals("to the host", incoming.get("message").getAsString());
        assertEquals(accepted.messageId(), incoming.get("msg_id").getAsString());

        JsonObject sms = new JsonObject();
        sms.addProperty("smsc_id", "upstream");
        sms.addProperty("msg_id", "host-1");
        sms.addProperty("sender", "Shop");
        sms.addProperty("receiver", "380991234567");
        sms.addProperty("message", "from the host");
        gateway.send(Topic.SMS_OUT, sms).get(10, TimeUnit.SECONDS);

        JsonObject sent = dlrIn.poll(30, TimeUnit.SECONDS);
        assertNotNull(sent, "the host got no DLR_IN for its SMS_OUT");
        assertEquals("host-1", sent.get("msg_id").getAsString());
        assertEquals("sent", sent.get("status").getAsString(), sent.toString());
        assertEquals(1, smsc.counters().submitsAccepted());
    }
}
