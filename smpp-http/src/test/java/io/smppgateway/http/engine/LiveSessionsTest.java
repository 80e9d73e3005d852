package io.smppgateway.http.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.receipt.PendingReceipt;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private EngineOnEmbeddedStores host;

    @BeforeEach
    void start() {
        host = new EngineOnEmbeddedStores(home);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void queueCountOfAnEsmeConnectionCountsTheReceiptsWaitingForItsClient() throws Exception {
        Client waiting = host.database.clients().create(Client.builder().username("waiting").password("pw")
                .binds(2).enabled(true).build());
        Client other = host.database.clients().create(Client.builder().username("other").password("pw")
                .binds(1).enabled(true).build());
        host.bindTransmitter("waiting");
        host.bindTransmitter("waiting");
        host.bindTransmitter("other");
        for (String msgId : List.of("a", "b", "c")) {
            host.database.pendingReceipts().append(new PendingReceipt(waiting.id(), msgId, MessageStatus.DELIVERED,
                    0, System.currentTimeMillis())).get(20, TimeUnit.SECONDS);
        }

        List<JsonObject> transmitters = transmitters(listClients());

        assertEquals(List.of(3, 3), queueCounts(transmitters, waiting.id()), "each bind of the client shows its queue");
        assertEquals(List.of(0), queueCounts(transmitters, other.id()));
    }

    private JsonObject listClients() throws Exception {
        HttpResponse<String> response = host.get("/api/clients");
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
