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
import io.smppgateway.http.live.LiveChange;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.LiveInstance;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.session.SessionState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /api/gateways} over real HTTP, on a real embedded database. */
class GatewaysApiTest {

    /** The body of the manual's "Manage SMSC" examples. */
    static final String MANUAL_GATEWAY = """
            {"smsc_id": "mysmsc-id-example", "host": "smpp.mygateway.com", "port": 2775,
             "username": "myusername", "password": "mypassw", "enq_interval": 30,
             "src_autodetect": true, "dst_autodetect": true, "tx_binds": 0, "rx_binds": 0, "trx_binds": 1,
             "smpp_version": "3.4", "is_gsm7": true, "is_secure": false, "enabled": true}""";

    @TempDir
    static Path folder;
    static TestGateway gateway;
    static String url;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
        url = gateway.base + "/api/gateways";
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        gateway.reset();
    }

    private JsonObject createManualGateway() {
        HttpResponse<String> created = Http.post(url, MANUAL_GATEWAY);
        assertEquals(201, created.statusCode(), created.body());
        return object(created);
    }

    private static JsonObject with(String member, Object value) {
        JsonObject body = JsonParser.parseString(MANUAL_GATEWAY).getAsJsonObject();
        if (value == null) {
            body.remove(member);
        } else if (value instanceof Number number) {
            body.addProperty(member, number);
        } else if (value instanceof Boolean bool) {
            body.addProperty(member, bool);
        } else {
            body.addProperty(member, value.toString());
        }
        return body;
    }

    @Test
    void postReturnsTheSavedGatewayWithIdTimesAndWhatTheRuntimeDid() {
        JsonObject saved = createManualGateway();
        assertTrue(saved.get("id").getAsLong() > 0);
        assertTrue(saved.get("created").getAsLong() > 1_700_000_000L);
        assertEquals(saved.get("created"), saved.get("updated"));
        assertEquals("mysmsc-id-example", saved.get("smsc_id").getAsString());
        assertEquals(1, saved.get("window_size").getAsInt());
        assertFalse(saved.has("password"), "the manual's gateway list never shows the password");
        assertEquals("rebind", saved.getAsJsonObject("live").get("action").getAsString());
        assertEquals(List.of("gatewaySaved mysmsc-id-example enabled=true"), gateway.live.controlCalls);
    }

    @Test
    void getListHasExactlyTheManualsShape() {
        long id = createManualGateway().get("id").getAsLong();
        gateway.live.gatewayQueues.put(id, 7L);
        gateway.live.gatewayConnections.add(new LiveConnection(id, BindType.TRANSCEIVER, SessionState.BOUND_TRX,
                "d41d1f18-f22d-4a29-9403-f064871ad8c0", "192.168.1.2:54128", "12.34.56.78:29900", 2, 3,
                1721935159L, ""));

        JsonObject list = object(Http.get(url));

        assertEquals(List.of("gateways", "connections"), List.copyOf(list.keySet()));
        JsonObject listed = list.getAsJsonArray("gateways").get(0).getAsJsonObject();
        assertEquals(List.of("id", "smsc_id", "host", "port", "username", "system_type", "enq_interval",
                "src_autodetect", "source_ton", "source_npi", "dst_autodetect", "dest_ton", "dest_npi", "tx_binds",
                "rx_binds", "trx_binds", "window_size", "smpp_version", "is_gsm7", "is_secure", "enabled", "updated",
                "created", "queue_count"), List.copyOf(listed.keySet()));
        assertEquals(7, listed.get("queue_count").getAsLong());
        assertEquals("", listed.get("system_type").getAsString());
        JsonObject connections = list.getAsJsonObject("connections");
        assertEquals(List.of("BIND_TX", "BIND_RX", "BIND_TRX"), List.copyOf(connections.keySet()));
        assertEquals(0, connections.getAsJsonArray("BIND_TX").size());
        JsonObject connection = connections.getAsJsonArray("BIND_TRX").get(0).getAsJsonObject();
        assertEquals(JsonParser.parseString("""
                {"gateway_id": %d, "bindType": "BIND_TRX", "status": "BOUND_TRX",
                 "connectionId": "d41d1f18-f22d-4a29-9403-f064871ad8c0", "localAddr": "192.168.1.2:54128",
                 "remoteAddr": "12.34.56.78:29900", "inflightCount": 2, "queueCount": 3, "connected": 1721935159,
                 "instance": "%s", "instanceHost": "%s", "lastError": "", "nextAttempt": 0}
                """.formatted(id, TestLive.SELF.id(), TestLive.SELF.host())), connection);
        assertEquals(List.of("gateway_id", "bindType", "status", "connectionId", "localAddr", "remoteAddr",
                "inflightCount", "queueCount", "connected", "instance", "instanceHost", "lastError", "nextAttempt"),
                List.copyOf(connection.keySet()), "the manual's members in its order, then ours");
    }

    @Test
    void theListsShowTheConnectionsOfOtherInstancesWithTheInstanceThatHoldsEach() {
        long id = createManualGateway().get("id").getAsLong();
        LiveInstance other = new LiveInstance("9b8a7c6d-0000-4000-8000-00000000000b", "gw-host-b");
        gateway.live.gatewayConnections.add(new LiveConnection(id, BindType.TRANSMITTER, SessionState.BOUND_TX,
                "ours", "10.0.0.1:40000", "12.34.56.78:2775", 0, 0, 1L, ""));
        gateway.live.otherInstancesGatewayConnections.add(new HeldConnection(other, new LiveConnection(id,
                BindType.TRANSMITTER, SessionState.BOUND_TX, "theirs", "10.0.0.2:40000", "12.34.56.78:2775", 1, 0,
                2L, "")));
        gateway.live.otherInstancesGatewayConnections.add(new HeldConnection(other, new LiveConnection(id + 1,
                BindType.RECEIVER, SessionState.DIAL, "another-gateway", "", "", 0, 0, 3L, "")));

        JsonArray listed = object(Http.get(url)).getAsJsonObject("connections").getAsJsonArray("BIND_TX");
        JsonArray ofOne = object(Http.get(url + "/" + id)).getAsJsonObject("connections").getAsJsonArray("BIND_TX");

        for (JsonArray tx : List.of(listed, ofOne)) {
            assertEquals(2, tx.size(), tx.toString());
            JsonObject ours = tx.get(0).getAsJsonObject();
            JsonObject theirs = tx.get(1).getAsJsonObject();
            assertEquals("ours", ours.get("connectionId").getAsString());
            assertEquals(TestLive.SELF.id(), ours.get("instance").getAsString());
            assertEquals("theirs", theirs.get("connectionId").getAsString());
            assertEquals(other.id(), theirs.get("instance").getAsString());
            assertEquals("gw-host-b", theirs.get("instanceHost").getAsString());
            assertEquals("10.0.0.2:40000", theirs.get("localAddr").getAsString());
            assertEquals(1, theirs.get("inflightCount").getAsInt());
        }
        assertEquals("another-gateway", object(Http.get(url)).getAsJsonObject("connections")
                .getAsJsonArray("BIND_RX").get(0).getAsJsonObject().get("connectionId").getAsString());
        assertEquals(0, object(Http.get(url + "/" + id)).getAsJsonObject("connections").getAsJsonArray("BIND_RX")
                .size(), "another gateway's connection is not among this one's");
    }

    @Test
    void aBindThatIsDownSaysWhyAndWhenItTriesAgain() {
        long id = createManualGateway().get("id").getAsLong();
        gateway.live.gatewayConnections.add(new LiveConnection(id, BindType.TRANSMITTER, SessionState.CLOSED, "a",
                "", "", 0, 0, 1_721_935_100L, "", "bind refused: ESME_RINVPASWD", 1_721_935_130L));

        JsonObject connection = object(Http.get(url + "/" + id)).getAsJsonObject("connections")
                .getAsJsonArray("BIND_TX").get(0).getAsJsonObject();

        assertEquals("bind refused: ESME_RINVPASWD", connection.get("lastError").getAsString());
        assertEquals(1_721_935_130L, connection.get("nextAttempt").getAsLong());
        assertEquals("CLOSED", connection.get("status").getAsString());
    }

    @Test
    void getOneGatewayShowsItsOwnConnections() {
        long id = createManualGateway().get("id").getAsLong();
        gateway.live.gatewayConnections.add(new LiveConnection(id, BindType.TRANSMITTER, SessionState.DIAL, "a",
                "", "", 0, 0, 1L, ""));
        gateway.live.gatewayConnections.add(new LiveConnection(id + 1, BindType.TRANSMITTER, SessionState.DIAL, "b",
                "", "", 0, 0, 1L, ""));
        JsonObject one = object(Http.get(url + "/" + id));
        assertEquals("mysmsc-id-example", one.get("smsc_id").getAsString());
        JsonArray tx = one.getAsJsonObject("connections").getAsJsonArray("BIND_TX");
        assertEquals(1, tx.size());
        assertEquals("DIAL", tx.get(0).getAsJsonObject().get("status").getAsString());
    }

    @Test
    void manualsCommaVersionIsStoredAsDotted() {
        HttpResponse<String> created = Http.post(url, with("smpp_version", "3,4").toString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("3.4", object(created).get("smpp_version").getAsString());
    }

    @Test
    void windowSizeIsAcceptedAndShown() {
        HttpResponse<String> created = Http.post(url, with("window_size", 50).toString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(50, object(created).get("window_size").getAsInt());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "smsc_id, 101",
            "host, 101",
            "port, 0",
            "port, 65536",
            "port, 70000",
            "username, 17",
            "password, 10",
            "system_type, 14",
            "enq_interval, 121",
            "enq_interval, 0",
            "source_ton, 7",
            "source_npi, 19",
            "dest_ton, 7",
            "dest_npi, 19",
            "tx_binds, 11",
            "rx_binds, 11",
            "trx_binds, 11",
            "tx_binds, -1",
            "window_size, 1001",
            "window_size, 0",
    })
    void everyLimitIsEnforcedWithAMessageForThatField(String field, int value) {
        boolean text = List.of("smsc_id", "host", "username", "password", "system_type").contains(field);
        JsonObject body = text ? with(field, "x".repeat(value)) : with(field, value);
        HttpResponse<String> refused = Http.post(url, body.toString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(List.of(field), List.copyOf(fields(refused).keySet()), refused.body());
        assertTrue(object(refused).get("error").getAsString().contains(field));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "smsc_id, 100",
            "host, 100",
            "username, 16",
            "password, 9",
            "system_type, 13",
    })
    void textsAtTheirLimitAreAccepted(String field, int length) {
        HttpResponse<String> created = Http.post(url, with(field, "x".repeat(length)).toString());
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void unknownSmppVersionIsRefused() {
        HttpResponse<String> refused = Http.post(url, with("smpp_version", "4.0").toString());
        assertEquals(400, refused.statusCode());
        assertTrue(fields(refused).has("smpp_version"));
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        HttpResponse<String> refused = Http.post(url, "{}");
        assertEquals(400, refused.statusCode());
        assertEquals(List.of("port", "enq_interval", "src_autodetect", "dst_autodetect", "tx_binds", "rx_binds",
                "trx_binds", "is_gsm7", "is_secure", "enabled", "smsc_id", "host", "username", "smpp_version")
                .stream().sorted().toList(), fields(refused).keySet().stream().sorted().toList());
        fields(refused).entrySet().forEach(entry -> assertEquals("required", entry.getValue().getAsString()));
    }

    @Test
    void wrongTypesAreNamedWithTheirType() {
        JsonObject body = with("port", "not a number");
        body.addProperty("enabled", "maybe");
        body.add("host", new JsonArray());
        HttpResponse<String> refused = Http.post(url, body.toString());
        assertEquals(400, refused.statusCode());
        JsonObject fields = fields(refused);
        assertEquals("must be a whole number", fields.get("port").getAsString());
        assertEquals("must be true or false", fields.get("enabled").getAsString());
        assertEquals("must be a string", fields.get("host").getAsString());
        assertEquals(3, fields.size(), refused.body());
    }

    @Test
    void numericStringsAndZeroOneBooleansAreAccepted() {
        JsonObject body = with("port", "2775");
        body.addProperty("is_gsm7", 1);
        body.addProperty("is_secure", 0);
        HttpResponse<String> created = Http.post(url, body.toString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(2775, object(created).get("port").getAsInt());
        assertTrue(object(created).get("is_gsm7").getAsBoolean());
    }

    @Test
    void duplicateSmscIdIs409() {
        createManualGateway();
        HttpResponse<String> duplicate = Http.post(url, MANUAL_GATEWAY);
        assertEquals(409, duplicate.statusCode());
        assertEquals("already exists", fields(duplicate).get("smsc_id").getAsString());
    }

    @Test
    void putWithIdInTheBodyAsTheManualSaysReplacesTheSentFields() {
        JsonObject saved = createManualGateway();
        JsonObject change = new JsonObject();
        change.addProperty("id", saved.get("id").getAsLong());
        change.addProperty("host", "smpp2.mygateway.com");
        change.addProperty("trx_binds", 3);
        HttpResponse<String> updated = Http.put(url, change.toString());
        assertEquals(200, updated.statusCode(), updated.body());
        JsonObject after = object(updated);
        assertEquals("smpp2.mygateway.com", after.get("host").getAsString());
        assertEquals(3, after.get("trx_binds").getAsInt());
        assertEquals(2775, after.get("port").getAsInt(), "fields left out keep their values");
        assertEquals("mypassw", gateway.database.gateways().find(saved.get("id").getAsLong()).orElseThrow()
                .password(), "the password, never shown, is kept");
        assertEquals("rebind", after.getAsJsonObject("live").get("action").getAsString());
    }

    @Test
    void putTheWholeRecordAsCreatedWorksToo() {
        long id = createManualGateway().get("id").getAsLong();
        JsonObject body = with("port", 2776);
        body.addProperty("id", id);
        HttpResponse<String> updated = Http.put(url, body.toString());
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(2776, object(updated).get("port").getAsInt());
    }

    @Test
    void putWithIdInThePath() {
        long id = createManualGateway().get("id").getAsLong();
        HttpResponse<String> updated = Http.put(url + "/" + id, "{\"enabled\": false}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertFalse(object(updated).get("enabled").getAsBoolean());
        assertEquals("unbind", object(updated).getAsJsonObject("live").get("action").getAsString());
        assertEquals("gatewaySaved mysmsc-id-example enabled=false", gateway.live.controlCalls.get(1));
    }

    @Test
    void putValidatesLikePost() {
        long id = createManualGateway().get("id").getAsLong();
        HttpResponse<String> refused = Http.put(url + "/" + id, "{\"port\": 65536, \"enq_interval\": 500}");
        assertEquals(400, refused.statusCode());
        assertEquals(List.of("port", "enq_interval"), List.copyOf(fields(refused).keySet()));
    }

    @Test
    void putWithoutIdIs400AndWithAnUnknownIdIs404() {
        HttpResponse<String> noId = Http.put(url, "{\"port\": 2775}");
        assertEquals(400, noId.statusCode());
        assertEquals("required", fields(noId).get("id").getAsString());
        assertEquals(404, Http.put(url, "{\"id\": 999, \"port\": 2775}").statusCode());
        assertEquals(404, Http.put(url + "/999", "{\"port\": 2775}").statusCode());
    }

    @Test
    void putWhoseBodyIdDiffersFromThePathIs400() {
        long id = createManualGateway().get("id").getAsLong();
        HttpResponse<String> refused = Http.put(url + "/" + id, "{\"id\": " + (id + 1) + "}");
        assertEquals(400, refused.statusCode());
        assertTrue(fields(refused).has("id"));
    }

    @Test
    void putToAnotherGatewaysSmscIdIs409() {
        createManualGateway();
        HttpResponse<String> second = Http.post(url, with("smsc_id", "second").toString());
        long secondId = object(second).get("id").getAsLong();
        HttpResponse<String> clash = Http.put(url + "/" + secondId, "{\"smsc_id\": \"mysmsc-id-example\"}");
        assertEquals(409, clash.statusCode());
    }

    @Test
    void deleteRemovesTheGatewayAndUnbindsIt() {
        long id = createManualGateway().get("id").getAsLong();
        HttpResponse<String> deleted = Http.delete(url + "/" + id);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals("unbind", object(deleted).getAsJsonObject("live").get("action").getAsString());
        assertEquals("gatewayDeleted mysmsc-id-example", gateway.live.controlCalls.get(1));
        assertEquals(404, Http.get(url + "/" + id).statusCode());
        assertEquals(0, object(Http.get(url)).getAsJsonArray("gateways").size());
        assertEquals(404, Http.delete(url + "/" + id).statusCode());
    }

    @Test
    void unknownOrNonNumericIdsAre404() {
        assertEquals(404, Http.get(url + "/12345").statusCode());
        assertEquals(404, Http.delete(url + "/abc").statusCode());
        HttpResponse<String> missing = Http.get(url + "/0");
        assertEquals(404, missing.statusCode());
        assertTrue(object(missing).has("error"));
    }

    @Test
    void aRuntimeThatFailsLeavesTheChangeSavedAndSaysSo() {
        gateway.live.controlAnswer = () -> CompletableFuture.failedFuture(new IllegalStateException("pool stopped"));
        JsonObject saved = createManualGateway();
        JsonObject live = saved.getAsJsonObject("live");
        assertEquals("pending", live.get("action").getAsString());
        assertTrue(live.get("message").getAsString().contains("pool stopped"));
        assertEquals(1, object(Http.get(url)).getAsJsonArray("gateways").size());
    }

    @Test
    void aRuntimeThatDoesNotAnswerInTimeMakesTheChangePending() {
        gateway.live.controlAnswer = CompletableFuture::new;
        JsonObject saved = createManualGateway();
        assertEquals("pending", saved.getAsJsonObject("live").get("action").getAsString());
    }

    @Test
    void theRuntimesAnswerIsPassedOn() {
        gateway.live.controlAnswer = () -> CompletableFuture.completedFuture(
                new LiveChange(LiveChange.Action.BIND, 1, "binding 1 transceiver"));
        JsonObject live = createManualGateway().getAsJsonObject("live");
        assertEquals("bind", live.get("action").getAsString());
        assertEquals(1, live.get("connections").getAsInt());
        assertEquals("binding 1 transceiver", live.get("message").getAsString());
    }

    @Test
    void bodiesThatAreNotJsonObjectsAre400() {
        assertEquals(400, Http.post(url, "not json").statusCode());
        assertEquals(400, Http.post(url, "[1, 2]").statusCode());
        assertEquals(400, Http.post(url, "").statusCode());
        HttpResponse<String> broken = Http.post(url, "{\"port\": ");
        assertEquals(400, broken.statusCode());
        assertTrue(object(broken).has("fields"));
    }

    @Test
    void aBodyThatIsNotJsonIsExplainedInTheCallersTermsNotTheParsers() {
        HttpResponse<String> truncated = Http.post(url, "{\"port\": ");
        HttpResponse<String> garbage = Http.post(url, "smsc_id=x&port=1");

        assertEquals(400, truncated.statusCode());
        assertEquals("the body is not JSON: the text ends before the JSON does at line 1, column 10",
                object(truncated).get("error").getAsString());
        assertEquals(400, garbage.statusCode());
        String said = object(garbage).get("error").getAsString();
        assertTrue(said.startsWith("the body is not JSON: unexpected text"), said);
        assertFalse(said.contains("JsonReader") || said.contains("setStrictness") || said.contains("Exception"), said);
    }

    @Test
    void anOverLargeBodyIsRefusedWith413() {
        JsonObject body = with("system_type", "x".repeat(100_000));
        HttpResponse<String> refused = Http.post(url, body.toString());
        assertEquals(413, refused.statusCode());
        assertEquals(0, object(Http.get(url)).getAsJsonArray("gateways").size());
    }

    @Test
    void anOverLargeChunkedBodyWithNoLengthIsRefusedToo() {
        byte[] body = with("system_type", "x".repeat(100_000)).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> refused = Http.send(Http.withToken(url).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());
        assertEquals(413, refused.statusCode());
        assertEquals(0, object(Http.get(url)).getAsJsonArray("gateways").size());
    }

    @Test
    void aTrailingSlashNamesTheSameResource() {
        createManualGateway();
        assertEquals(200, Http.get(url + "/").statusCode());
    }

    @Test
    void otherMethodsAre405() {
        HttpResponse<String> patch = Http.send(Http.withToken(url).method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, patch.statusCode());
        assertTrue(object(patch).has("error"));
    }
}
