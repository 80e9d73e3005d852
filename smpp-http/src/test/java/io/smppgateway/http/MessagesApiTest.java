package io.smppgateway.http;

import static io.smppgateway.http.Http.fields;
import static io.smppgateway.http.Http.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.store.outbound.TrackedSegment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/messages} over the real stores and PDU log files: what POST hands to the bus (the
 * gateway's own SMS_OUT checks and the DLR_IN events are the runner's, see smpp-runner's
 * GatewayDaemonTest), and the timeline GET reads back.
 */
class MessagesApiTest {

    @TempDir
    static Path folder;
    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        gateway.reset();
        gateway.database.gateways().create(Gateway.builder().smscId("sim").host("127.0.0.1").port(2775)
                .username("gw").password("pw").enqInterval(30).srcAutodetect(true).dstAutodetect(true).txBinds(0)
                .rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true).secure(false).enabled(true).build());
    }

    @Test
    void aMessageIsPublishedAsTheManualsSmsOutWithTheGivenMsgId() {
        HttpResponse<String> sent = Http.post(gateway.base + "/api/messages", """
                {"smsc_id": "sim", "msg_id": "m-given", "sender": "MySender", "receiver": "380991234567",
                 "message": "Hello"}""");

        assertEquals(202, sent.statusCode(), sent.body());
        assertEquals("m-given", object(sent).get("msg_id").getAsString());
        assertEquals("/api/messages/m-given", sent.headers().firstValue("Location").orElseThrow());
        assertEquals(1, gateway.live.published.size());
        JsonObject body = JsonParser.parseString(gateway.live.published.get(0)).getAsJsonObject();
        assertEquals("m-given", body.get("msg_id").getAsString());
        assertEquals("sim", body.get("smsc_id").getAsString());
        assertEquals("Hello", body.get("message").getAsString());
    }

    @Test
    void aMessageWithoutMsgIdGetsAGeneratedOne() {
        HttpResponse<String> sent = Http.post(gateway.base + "/api/messages", """
                {"smsc_id": "sim", "sender": "MySender", "receiver": "380991234567", "message": "Hello"}""");

        assertEquals(202, sent.statusCode(), sent.body());
        String msgId = object(sent).get("msg_id").getAsString();
        UUID.fromString(msgId);
        assertEquals(msgId, JsonParser.parseString(gateway.live.published.get(0)).getAsJsonObject()
                .get("msg_id").getAsString());
        HttpResponse<String> timeline = Http.get(gateway.base + "/api/messages/" + msgId);
        assertEquals(200, timeline.statusCode(), "known at once, before any segment is stored: " + timeline.body());
        assertEquals("published", object(timeline).getAsJsonArray("timeline").get(0).getAsJsonObject()
                .get("event").getAsString());
    }

    @Test
    void anUnknownGatewayAndFieldsOutsideSmsOutAreFieldErrorsAndNothingIsPublished() {
        HttpResponse<String> refused = Http.post(gateway.base + "/api/messages", """
                {"smsc_id": "nope", "sender": "MySender", "receiver": "380991234567", "message": "Hello",
                 "registered_delivery": 1}""");

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("no gateway with this smsc_id", fields(refused).get("smsc_id").getAsString());
        assertTrue(fields(refused).has("registered_delivery"), refused.body());
        assertTrue(gateway.live.published.isEmpty());
    }

    @Test
    void whatTheGatewayRefusesComesBackAsFieldErrors() {
        gateway.live.smsOutRefusal = Map.of("receiver", "must be a phone number");

        HttpResponse<String> refused = Http.post(gateway.base + "/api/messages", """
                {"smsc_id": "sim", "sender": "MySender", "receiver": "abc", "message": "Hello"}""");

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("must be a phone number", fields(refused).get("receiver").getAsString());
        assertTrue(object(refused).get("error").getAsString().startsWith("invalid message"), refused.body());
    }

    @Test
    void aBusThatDoesNotTakeTheMessageIs503ToTryAgain() {
        gateway.live.busFailure = new IllegalStateException("nsqd refused: E_PUB_FAILED");

        HttpResponse<String> refused = Http.post(gateway.base + "/api/messages", """
                {"smsc_id": "sim", "sender": "MySender", "receiver": "380991234567", "message": "Hello"}""");

        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
        assertTrue(object(refused).get("error").getAsString().contains("E_PUB_FAILED"), refused.body());
    }

    @Test
    void aBodyThatIsNoJsonObjectIs400() {
        assertEquals(400, Http.post(gateway.base + "/api/messages", "[1, 2]").statusCode());
        assertEquals(400, Http.post(gateway.base + "/api/messages", "{").statusCode());
    }

    @Test
    void theApiTokenIsRequired() {
        assertEquals(401, Http.send(Http.request(gateway.base + "/api/messages/m-1").GET().build()).statusCode());
        assertEquals(401, Http.send(Http.request(gateway.base + "/api/messages")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode());
    }

    @Test
    void anUnknownMsgIdIs404() {
        HttpResponse<String> missing = Http.get(gateway.base + "/api/messages/" + UUID.randomUUID());

        assertEquals(404, missing.statusCode(), missing.body());
        assertTrue(object(missing).has("error"));
    }

    @Test
    void theTimelineOfASentAndDeliveredMessageHasEveryStepAndItsPduLogEntries() {
        String msgId = "m-" + UUID.randomUUID();
        long accepted = 1_721_980_552_913L;
        TrackedSegment sent = TrackedSegment.accepted(msgId, "sim").acceptedAt(accepted)
                .status(MessageStatus.SENT, 0).gatewayMsgId("655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15")
                .sentAt(accepted + 20, accepted + 40).build();
        assertTrue(gateway.database.outbound().record(sent).join());
        assertTrue(gateway.database.outbound().markFinal(msgId, 1, MessageStatus.DELIVERED, 0, accepted + 9_000)
                .join());
        String other = SampleLogs.MANUAL_ENTRIES.replace("655a1b96", "00000000").replace("sequence_number\": 8",
                "sequence_number\": 9");
        SampleLogs.write(gateway.gatewayLogs, LocalDate.now(), "sim", other + SampleLogs.MANUAL_ENTRIES);

        HttpResponse<String> found = Http.get(gateway.base + "/api/messages/" + msgId);

        assertEquals(200, found.statusCode(), found.body());
        JsonObject timeline = object(found);
        JsonObject segment = timeline.getAsJsonArray("segments").get(0).getAsJsonObject();
        assertEquals("delivered", segment.get("status").getAsString());
        assertEquals(accepted, segment.get("acpt_time").getAsLong());
        assertEquals("2024-07-26T07:55:52.913Z", segment.get("acpt_time_iso").getAsString());
        assertEquals("2024-07-26T07:56:01.913Z", segment.get("dlr_time_iso").getAsString());
        List<String> events = new ArrayList<>();
        for (var event : timeline.getAsJsonArray("timeline")) {
            events.add(event.getAsJsonObject().get("event").getAsString());
            assertEquals("sim", event.getAsJsonObject().get("smsc_id").getAsString());
        }
        assertEquals(List.of("accepted", "submitted", "sent", "delivered"), events);
        JsonArray entries = timeline.getAsJsonObject("pdu_log").getAsJsonArray("entries");
        assertEquals(2, entries.size(), "the submit_sm_resp with the SMSC's id and the submit_sm it answers: "
                + entries);
        assertTrue(entries.get(0).getAsJsonObject().get("text").getAsString().contains("SUBMIT_SM:\n"));
        assertTrue(entries.get(0).getAsJsonObject().get("text").getAsString().contains("\"sequence_number\": 8"));
        assertTrue(entries.get(1).getAsJsonObject().get("text").getAsString().contains("655a1b96a6c9"));
        assertEquals(LocalDate.now() + "sim.log", entries.get(1).getAsJsonObject().get("file").getAsString());
        assertTrue(timeline.getAsJsonObject("pdu_log").get("complete").getAsBoolean());
    }

    @Test
    void aMessageIsFoundByTheSmscsIdOnItsGatewayOrOnAny() {
        String msgId = "m-" + UUID.randomUUID();
        assertTrue(gateway.database.outbound().record(TrackedSegment.accepted(msgId, "sim").acceptedAt(1_000)
                .status(MessageStatus.SENT, 0).gatewayMsgId("3ADE68B1").sentAt(2_000, 3_000).build()).join());

        for (String query : List.of("gateway_msg_id=3ADE68B1&smsc_id=sim", "gateway_msg_id=3ADE68B1")) {
            HttpResponse<String> found = Http.get(gateway.base + "/api/messages?" + query);
            assertEquals(200, found.statusCode(), found.body());
            JsonArray messages = Http.json(found).getAsJsonArray();
            assertEquals(1, messages.size(), query + ": " + found.body());
            assertEquals(msgId, messages.get(0).getAsJsonObject().get("msg_id").getAsString());
        }
        assertEquals(0, Http.json(Http.get(gateway.base + "/api/messages?gateway_msg_id=3ADE68B1&smsc_id=other"))
                .getAsJsonArray().size());
        HttpResponse<String> noId = Http.get(gateway.base + "/api/messages?smsc_id=sim");
        assertEquals(400, noId.statusCode());
        assertTrue(fields(noId).has("gateway_msg_id"));
    }

    @Test
    void anIdIssuedToAnEsmeShowsTheClientAndItsSubmitSmResp() {
        String msgId = UUID.randomUUID().toString();
        gateway.database.inbound().record(IssuedMessage.issued(msgId, 7).submittedAt(1_721_980_552_913L)
                .source("MySender", 5, 0).destination("380991234567", 1, 1).registeredDelivery(1)
                .textStart("Have a nice day!").build()).join();
        SampleLogs.write(gateway.clientLogs, LocalDate.now(), "7",
                SampleLogs.MANUAL_ENTRIES.replace("655a1b96a6c90b528d62397caec3c15d5d7dddccacaf9aae6feed22c0b9f9b15",
                        msgId));

        HttpResponse<String> found = Http.get(gateway.base + "/api/messages/" + msgId);

        assertEquals(200, found.statusCode(), found.body());
        JsonObject timeline = object(found);
        assertEquals(7, timeline.getAsJsonObject("issued").get("client_id").getAsLong());
        assertEquals("received", timeline.getAsJsonArray("timeline").get(0).getAsJsonObject().get("event")
                .getAsString());
        assertEquals(0, timeline.getAsJsonArray("segments").size());
        assertEquals(2, timeline.getAsJsonObject("pdu_log").getAsJsonArray("entries").size(), found.body());
        assertFalse(timeline.getAsJsonObject("pdu_log").getAsJsonArray("entries").get(1).getAsJsonObject()
                .get("file").getAsString().isEmpty());
    }
}
