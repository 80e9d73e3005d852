package io.smppgateway.http;

import static io.smppgateway.http.Http.fields;
import static io.smppgateway.http.Http.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.http.live.HeldConnection;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.LiveInstance;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.session.SessionState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /api/clients} over real HTTP, on a real embedded database. */
class ClientsApiTest {

    /** The body of the manual's "Manage ESME" examples. */
    static final String MANUAL_CLIENT = """
            {"username": "myclient1", "password": "qwerty123", "allow_ip": "11.22.33.44,55.66.77.88",
             "throughput": 0, "binds": 3, "enabled": true}""";

    @TempDir
    static Path folder;
    static TestGateway gateway;
    static String url;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
        url = gateway.base + "/api/clients";
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        gateway.reset();
    }

    private JsonObject createManualClient() {
        HttpResponse<String> created = Http.post(url, MANUAL_CLIENT);
        assertEquals(201, created.statusCode(), created.body());
        return object(created);
    }

    private static JsonObject with(String member, Object value) {
        JsonObject body = JsonParser.parseString(MANUAL_CLIENT).getAsJsonObject();
        if (value == null) {
            body.remove(member);
        } else if (value instanceof Number number) {
            body.addProperty(member, number);
        } else {
            body.addProperty(member, value.toString());
        }
        return body;
    }

    @Test
    void postReturnsTheSavedClient() {
        JsonObject saved = createManualClient();
        assertTrue(saved.get("id").getAsLong() > 0);
        assertEquals("myclient1", saved.get("username").getAsString());
        assertEquals("qwerty123", saved.get("password").getAsString());
        assertEquals("11.22.33.44,55.66.77.88", saved.get("allow_ip").getAsString());
        assertEquals("none", saved.getAsJsonObject("live").get("action").getAsString());
        assertEquals(List.of("clientSaved myclient1 enabled=true"), gateway.live.controlCalls);
    }

    @Test
    void getListHasExactlyTheManualsShape() {
        long id = createManualClient().get("id").getAsLong();
        gateway.live.clientConnections.add(new LiveConnection(id, BindType.TRANSMITTER, SessionState.BOUND_TX,
                "bea1d715-e8d6-4625-b141-aaedc3e20d75", "188.245.90.194:2775", "12.34.56.78:12345", 0, 0,
                1721935169L, "cp"));

        JsonObject list = object(Http.get(url));

        assertEquals(List.of("clients", "connections"), List.copyOf(list.keySet()));
        JsonObject listed = list.getAsJsonArray("clients").get(0).getAsJsonObject();
        assertEquals(List.of("id", "username", "password", "allow_ip", "throughput", "binds", "enabled", "updated",
                "created"), List.copyOf(listed.keySet()));
        JsonObject connections = list.getAsJsonObject("connections");
        assertEquals(List.of("BIND_TX", "BIND_RX", "BIND_TRX"), List.copyOf(connections.keySet()));
        assertEquals(JsonParser.parseString("""
                {"client_id": %d, "bindType": "BIND_TX", "systemType": "cp", "status": "BOUND_TX",
                 "connectionId": "bea1d715-e8d6-4625-b141-aaedc3e20d75", "localAddr": "188.245.90.194:2775",
                 "remoteAddr": "12.34.56.78:12345", "inflightCount": 0, "queueCount": 0, "connected": 1721935169,
                 "instance": "%s", "instanceHost": "%s"}
                """.formatted(id, TestLive.SELF.id(), TestLive.SELF.host())), connections.getAsJsonArray("BIND_TX").get(0));
        assertEquals(List.of("client_id", "bindType", "systemType", "status", "connectionId", "localAddr",
                "remoteAddr", "inflightCount", "queueCount", "connected", "instance", "instanceHost"),
                List.copyOf(connections.getAsJsonArray("BIND_TX").get(0).getAsJsonObject().keySet()),
                "the manual's members in its order, then ours");
    }

    @Test
    void theListsShowTheEsmeConnectionsOfOtherInstancesWithTheInstanceThatHoldsEach() {
        long id = createManualClient().get("id").getAsLong();
        LiveInstance other = new LiveInstance("9b8a7c6d-0000-4000-8000-00000000000b", "gw-host-b");
        gateway.live.otherInstancesClientConnections.add(new HeldConnection(other, new LiveConnection(id,
                BindType.TRANSCEIVER, SessionState.BOUND_TRX, "on-b", "10.0.0.2:2775", "12.34.56.78:12345", 0, 4,
                1721935169L, "cp")));

        for (JsonObject answer : List.of(object(Http.get(url)), object(Http.get(url + "/" + id)))) {
            JsonArray trx = answer.getAsJsonObject("connections").getAsJsonArray("BIND_TRX");
            assertEquals(1, trx.size(), trx.toString());
            JsonObject connection = trx.get(0).getAsJsonObject();
            assertEquals(id, connection.get("client_id").getAsLong());
            assertEquals("on-b", connection.get("connectionId").getAsString());
            assertEquals(other.id(), connection.get("instance").getAsString());
            assertEquals("gw-host-b", connection.get("instanceHost").getAsString());
            assertEquals(4, connection.get("queueCount").getAsInt());
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "username, 17",
            "password, 10",
            "allow_ip, 256",
            "throughput, 3001",
            "throughput, -1",
            "binds, 31",
            "binds, -1",
    })
    void everyLimitIsEnforcedWithAMessageForThatField(String field, int value) {
        boolean text = List.of("username", "password", "allow_ip").contains(field);
        JsonObject body = text ? with(field, field.equals("allow_ip") ? "1".repeat(value) : "x".repeat(value))
                : with(field, value);
        HttpResponse<String> refused = Http.post(url, body.toString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(List.of(field), List.copyOf(fields(refused).keySet()), refused.body());
    }

    @Test
    void limitsThemselvesAreAccepted() {
        JsonObject body = with("username", "u".repeat(16));
        body.addProperty("password", "p".repeat(9));
        body.addProperty("throughput", 3000);
        body.addProperty("binds", 30);
        HttpResponse<String> created = Http.post(url, body.toString());
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void allowIpMustBeIpv4Addresses() {
        HttpResponse<String> refused = Http.post(url, with("allow_ip", "11.22.33.44,example.com").toString());
        assertEquals(400, refused.statusCode());
        assertTrue(fields(refused).get("allow_ip").getAsString().contains("example.com"));
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() {
        HttpResponse<String> created = Http.post(url, "{\"username\": \"minimal\", \"binds\": 1, \"enabled\": true}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject saved = object(created);
        assertEquals("", saved.get("allow_ip").getAsString());
        assertEquals(0, saved.get("throughput").getAsInt());
        assertEquals("", saved.get("password").getAsString());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        HttpResponse<String> refused = Http.post(url, "{}");
        assertEquals(400, refused.statusCode());
        assertEquals(List.of("binds", "enabled", "username"), fields(refused).keySet().stream().sorted().toList());
    }

    @Test
    void duplicateUsernameIs409() {
        createManualClient();
        HttpResponse<String> duplicate = Http.post(url, MANUAL_CLIENT);
        assertEquals(409, duplicate.statusCode());
        assertEquals("already exists", fields(duplicate).get("username").getAsString());
    }

    @Test
    void putInBothFormsAndDisablingUnbinds() {
        long id = createManualClient().get("id").getAsLong();
        HttpResponse<String> viaBody = Http.put(url, "{\"id\": " + id + ", \"throughput\": 60}");
        assertEquals(200, viaBody.statusCode(), viaBody.body());
        assertEquals(60, object(viaBody).get("throughput").getAsInt());
        HttpResponse<String> viaPath = Http.put(url + "/" + id, "{\"enabled\": false}");
        assertEquals(200, viaPath.statusCode(), viaPath.body());
        assertFalse(object(viaPath).get("enabled").getAsBoolean());
        assertEquals(60, object(viaPath).get("throughput").getAsInt());
        assertEquals("unbind", object(viaPath).getAsJsonObject("live").get("action").getAsString());
        assertEquals("clientSaved myclient1 enabled=false", gateway.live.controlCalls.get(2));
    }

    @Test
    void putErrors() {
        long id = createManualClient().get("id").getAsLong();
        assertEquals(404, Http.put(url + "/" + (id + 100), "{\"binds\": 1}").statusCode());
        assertEquals(404, Http.put(url, "{\"id\": " + (id + 100) + "}").statusCode());
        assertEquals(400, Http.put(url, "{\"binds\": 1}").statusCode());
        HttpResponse<String> invalid = Http.put(url + "/" + id, "{\"binds\": 31}");
        assertEquals(400, invalid.statusCode());
        assertTrue(fields(invalid).has("binds"));
    }

    @Test
    void deleteAndUnknownIds() {
        long id = createManualClient().get("id").getAsLong();
        HttpResponse<String> deleted = Http.delete(url + "/" + id);
        assertEquals(200, deleted.statusCode());
        assertTrue(object(deleted).get("deleted").getAsBoolean());
        assertEquals("clientDeleted myclient1", gateway.live.controlCalls.get(1));
        assertEquals(404, Http.delete(url + "/" + id).statusCode());
        assertEquals(404, Http.get(url + "/" + id).statusCode());
    }

    @Test
    void getOneClientShowsItsOwnConnections() {
        long id = createManualClient().get("id").getAsLong();
        gateway.live.clientConnections.add(new LiveConnection(id, BindType.RECEIVER, SessionState.BOUND_RX, "x",
                "", "", 0, 4, 1L, ""));
        JsonObject one = object(Http.get(url + "/" + id));
        assertEquals(4, one.getAsJsonObject("connections").getAsJsonArray("BIND_RX").get(0).getAsJsonObject()
                .get("queueCount").getAsInt());
    }
}
