package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.receipt.PendingReceipt;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ESME connections of {@code GET /api/clients}: their {@code queueCount} is, as the manual
 * defines it, the client's DLR queue awaiting submit, which is where receipts wait while the client
 * has no receiver bind.
 */
class LiveSessionsTest {

    @TempDir
    Path home;

    private final SmppConnector connector = new SmppConnector();
    private GatewayDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> environment = Map.of("SMPP_PORT", String.valueOf(GatewayDaemonTest.freePort()),
                "HTTP_PORT", String.valueOf(GatewayDaemonTest.freePort()));
        GatewaySettings settings = new SettingsReader(home, environment, warning -> { }).read(null);
        daemon = GatewayDaemon.start(settings.withHttp(new GeneratedCredentials()
                .complete(settings.dataFolder(), settings.http()).access()));
    }

    @AfterEach
    void stop() {
        connector.close();
        daemon.stop();
    }

    @Test
    void queueCountOfAnEsmeConnectionCountsTheReceiptsWaitingForItsClient() throws Exception {
        Client waiting = daemon.database().clients().create(Client.builder().username("waiting").password("pw")
                .binds(2).enabled(true).build());
        Client other = daemon.database().clients().create(Client.builder().username("other").password("pw")
                .binds(1).enabled(true).build());
        bindTransmitter("waiting");
        bindTransmitter("waiting");
        bindTransmitter("other");
        for (String msgId : List.of("a", "b", "c")) {
            daemon.database().pendingReceipts().append(new PendingReceipt(waiting.id(), msgId, MessageStatus.DELIVERED,
                    0, System.currentTimeMillis())).get(20, TimeUnit.SECONDS);
        }

        List<JsonObject> transmitters = transmitters(listClients());

        assertEquals(List.of(3, 3), queueCounts(transmitters, waiting.id()), "each bind of the client shows its queue");
        assertEquals(List.of(0), queueCounts(transmitters, other.id()));
    }

    private void bindTransmitter(String username) throws Exception {
        BindRequest bind = BindRequest.of(BindType.TRANSMITTER, 1, username, "pw", "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        connector.connectAndBind("127.0.0.1", daemon.smppServer().port(), null, Duration.ofSeconds(10),
                SessionConfig.defaults(), bind, (session, request) -> null, PduListener.NONE).get(30, TimeUnit.SECONDS);
    }

    private JsonObject listClients() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + daemon.httpServer().port() + "/api/clients"))
                .header("X-API-Key", daemon.settings().http().apiToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static List<JsonObject> transmitters(JsonObject list) {
        List<JsonObject> connections = new ArrayList<>();
        JsonArray array = list.getAsJsonObject("connections").getAsJsonArray("BIND_TX");
        for (JsonElement connection : array) {
            connections.add(connection.getAsJsonObject());
        }
        return connections;
    }

    private static List<Integer> queueCounts(List<JsonObject> connections, long clientId) {
        return connections.stream().filter(c -> c.get("client_id").getAsLong() == clientId)
                .map(c -> c.get("queueCount").getAsInt()).toList();
    }
}
