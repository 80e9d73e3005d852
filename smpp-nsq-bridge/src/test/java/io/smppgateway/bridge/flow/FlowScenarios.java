package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.message.SmsOutBatch;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitMultiResp;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.server.EsmeAccount;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every flow end to end over real sockets, a real database and a real bus; the subclasses pick
 * which bus and which database, and run the same scenarios. Each test uses its own msg_ids,
 * receivers and ESME accounts, so the scenarios share one harness per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FlowScenarios {

    /** The manual's "Example JSON for sending SMS" (SMS_OUT), exactly. */
    static final String MANUAL_SMS_OUT = """
            {
            "smsc_id":"mysmsc-id-example",
            "msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02",
            "sender":"Mysender",
            "receiver":"390991234567",
            "message":"I am test SMS message"
            }""";

    /** The manual's multipart SMS_OUT example, its two messages. */
    static final String MANUAL_PART_1 = """
            {
            "smsc_id":"mysmsc-id-example",
            "msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02-p",
            "sender":"Mysender",
            "receiver":"390991234568",
            "message":"Contrary to popular belief, Lorem Ipsum is not simply random text. It has roots in a piece of classical Latin literature from 45 BC, making it over 2000 ",
            "data_coding": 0,
            "part_number": 1,
            "total_parts": 2,
            "reference": 123
            }""";
    static final String MANUAL_PART_2 = """
            {
            "smsc_id":"mysmsc-id-example",
            "msg_id":"3c02d014-512a-40ff-ad10-525308235cd7",
            "sender":"Mysender",
            "receiver":"390991234568",
            "message":"years old. Richard McClintock, a Latin professor at Hampden-Sydney College in Virginia, looked up one of the more obscure Latin words",
            "data_coding": 0,
            "part_number": 2,
            "total_parts": 2,
            "reference": 123
            }""";

    /** The manual's "Example JSON for sending Multipart SMS", exactly: one JSON array of the two parts. */
    static final String MANUAL_MULTIPART = """
            [{
            "smsc_id":"mysmsc-id-example",
            "msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02",
            "sender":"Mysender",
            "receiver":"390991234567",
            "message":"Contrary to popular belief, Lorem Ipsum is not simply random text. It has roots in a piece of classical Latin literature from 45 BC, making it over 2000 ",
            "data_coding": 0,
            "part_number": 1,
            "total_parts": 2,
            "reference": 123
            },
            {
            "smsc_id":"mysmsc-id-example",
            "msg_id":"3c02d014-512a-40ff-ad10-525308235cd7",
            "sender":"Mysender",
            "receiver":"390991234567",
            "message":"years old. Richard McClintock, a Latin professor at Hampden-Sydney College in Virginia, looked up one of the more obscure Latin words",
            "data_coding": 0,
            "part_number": 2,
            "total_parts": 2,
            "reference": 123
            }]""";

    static final List<String> SENT_KEYS = List.of("smsc_id", "msg_id", "gateway_msg_id", "total_parts", "part_number",
            "data_coding", "status", "acpt_time", "sent_time", "smsc_time");
    static final List<String> SMS_IN_KEYS = List.of("client_id", "msg_id", "sender", "receiver", "service_type",
            "src_ton", "src_npi", "dst_ton", "dst_npi", "message", "data_coding", "reference", "total_parts",
            "part_number", "smsc_time");

    Harness harness;
    private int receivers;

    abstract TestBus.Kind busKind();

    abstract TestDatabase.Kind databaseKind();

    @BeforeAll
    void start() {
        harness = new Harness(busKind(), databaseKind());
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A receiver number no other test uses, so that the SMSC's submits can be told apart. */
    String newReceiver() {
        return String.format("4479%08d", ++receivers);
    }

    static String smsOut(String msgId, String receiver, String message) {
        JsonObject json = new JsonObject();
        json.addProperty("smsc_id", Harness.SMSC_ID);
        json.addProperty("msg_id", msgId);
        json.addProperty("sender", "Mysender");
        json.addProperty("receiver", receiver);
        json.addProperty("message", message);
        return json.toString();
    }

    static List<String> keys(JsonObject json) {
        return new ArrayList<>(json.keySet());
    }

    static DeliverSm receiptText(String text) {
        return DeliverSm.builder().esmClass(EsmClass.DELIVERY_RECEIPT)
                .shortMessage(text.getBytes(StandardCharsets.US_ASCII)).build();
    }

    // ---- SMS_OUT -> SMSC -> DLR_IN ----

    @Test
    void manualSmsOutIsSentThenDeliveredByADecimalReceiptOfAHexId() {
        harness.publish(Topic.SMS_OUT, MANUAL_SMS_OUT);
        String msgId = "074b8a96-f983-4b0b-8079-4d4c8502ff02";
        JsonObject sent = harness.awaitDlrIn(msgId, "sent");
        assertEquals(SENT_KEYS, keys(sent));
        assertEquals(Harness.SMSC_ID, sent.get("smsc_id").getAsString());
        assertEquals(0, sent.get("data_coding").getAsInt());
        assertEquals(1, sent.get("total_parts").getAsInt());
        assertTrue(sent.get("acpt_time").getAsLong() <= sent.get("sent_time").getAsLong());
        assertTrue(sent.get("sent_time").getAsLong() <= sent.get("smsc_time").getAsLong());

        SubmitSm submit = harness.smsc.submitsTo("390991234567").get(0);
        assertEquals(new Address(5, 0, "Mysender"), submit.source());
        assertEquals(new Address(1, 1, "390991234567"), submit.destination());
        assertEquals(0, submit.dataCoding());
        assertEquals(0, submit.esmClass());
        assertEquals(1, submit.registeredDelivery());
        assertArrayEquals("I am test SMS message".getBytes(StandardCharsets.US_ASCII),
                submit.shortMessage().toByteArray());

        String hexId = sent.get("gateway_msg_id").getAsString();
        String decimalId = new BigInteger(hexId, 16).toString();
        DeliverSmResp answer = harness.smsc.deliver(receiptText("id:" + decimalId
                + " sub:001 dlvrd:001 submit date:2407261015 done date:2407261016 stat:DELIVRD err:000 text:I am test"))
                .join();
        assertEquals(0, answer.commandStatus());
        JsonObject delivered = harness.awaitDlrIn(msgId, "delivered");
        List<String> finalKeys = new ArrayList<>(SENT_KEYS);
        finalKeys.add("dlr_time");
        assertEquals(finalKeys, keys(delivered));
        assertEquals(hexId, delivered.get("gateway_msg_id").getAsString());
        assertTrue(delivered.get("dlr_time").getAsLong() >= sent.get("smsc_time").getAsLong());
        Await.until("the DLR_IN listener hears both events",
                () -> harness.heardStatusesFor(msgId).size() >= 2);
        assertEquals(List.of("sent", "delivered"), harness.heardStatusesFor(msgId),
                "the DLR_IN listener hears each published event once");
    }

    @Test
    void manualMultipartGoesWithAConcatenationHeaderPerPart() {
        harness.publish(Topic.SMS_OUT, MANUAL_PART_1);
        harness.publish(Topic.SMS_OUT, MANUAL_PART_2);
        JsonObject first = harness.awaitDlrIn("074b8a96-f983-4b0b-8079-4d4c8502ff02-p", "sent");
        JsonObject second = harness.awaitDlrIn("3c02d014-512a-40ff-ad10-525308235cd7", "sent");
        assertEquals(1, first.get("part_number").getAsInt());
        assertEquals(2, second.get("part_number").getAsInt());
        assertEquals(2, second.get("total_parts").getAsInt());
        List<SubmitSm> submits = harness.smsc.submitsTo("390991234568");
        assertEquals(2, submits.size());
        for (SubmitSm submit : submits) {
            assertEquals(EsmClass.UDHI, submit.esmClass());
            byte[] octets = submit.shortMessage().toByteArray();
            int partNumber = octets[5];
            assertArrayEquals(new byte[] {5, 0, 3, 123, 2, (byte) partNumber}, java.util.Arrays.copyOf(octets, 6));
            String text = new String(octets, 6, octets.length - 6, StandardCharsets.US_ASCII);
            assertTrue(partNumber == 1 ? text.startsWith("Contrary to popular belief") : text.startsWith("years old."));
        }
    }

    @Test
    void theManualsMultipartArrayIsABatchWhosePartsAreEachSentAndReported() {
        // The manual's text; only its ids and receiver are made fresh, since other scenarios share the harness.
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String receiver = newReceiver();
        String batch = MANUAL_MULTIPART.replace("074b8a96-f983-4b0b-8079-4d4c8502ff02", first)
                .replace("3c02d014-512a-40ff-ad10-525308235cd7", second).replace("390991234567", receiver);

        harness.publish(Topic.SMS_OUT, batch);

        JsonObject sentFirst = harness.awaitDlrIn(first, "sent");
        JsonObject sentSecond = harness.awaitDlrIn(second, "sent");
        assertEquals(SENT_KEYS, keys(sentFirst));
        assertEquals(1, sentFirst.get("part_number").getAsInt());
        assertEquals(2, sentSecond.get("part_number").getAsInt());
        assertEquals(2, sentSecond.get("total_parts").getAsInt());
        List<SubmitSm> submits = harness.smsc.submitsTo(receiver);
        assertEquals(2, submits.size());
        for (SubmitSm submit : submits) {
            byte[] octets = submit.shortMessage().toByteArray();
            assertArrayEquals(new byte[] {5, 0, 3, 123, 2}, java.util.Arrays.copyOf(octets, 5),
                    "each part carries the batch's reference in its concatenation header");
        }
        assertFalse(harness.bus.deadLetters(Topic.SMS_OUT).contains(batch));
    }

    @Test
    void aBadElementOfABatchIsRejectedOrDeadLetteredByItselfAndTheOthersAreSent() {
        String good = UUID.randomUUID().toString();
        String badFields = UUID.randomUUID().toString();
        String receiver = newReceiver();
        String batch = "[" + smsOut(good, receiver, "fine") + ", {\"smsc_id\":\"" + Harness.SMSC_ID
                + "\",\"msg_id\":\"" + badFields + "\",\"receiver\":\"" + receiver + "\",\"message\":\"x\"},"
                + " 42, [\"nested\"]]";

        harness.publish(Topic.SMS_OUT, batch);

        harness.awaitDlrIn(good, "sent");
        assertEquals(10, harness.awaitDlrIn(badFields, "rejected").get("err_code").getAsInt(),
                "the element without a sender is rejected with ESME_RINVSRCADR");
        Await.until("the elements that are not objects are dead letters",
                () -> harness.bus.deadLetters(Topic.SMS_OUT).containsAll(List.of("42", "[\"nested\"]")));
        assertEquals(1, harness.smsc.submitsTo(receiver).size());
        assertFalse(harness.bus.deadLetters(Topic.SMS_OUT).contains(batch), "the batch itself is not lost");
    }

    @Test
    void aBatchThatCannotBeSplitIsADeadLetterWhole() {
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(SmsOutBatch.MAX_ELEMENTS + 1, "{}"))
                + "]";
        List<String> bodies = List.of("[]", "[{\"msg_id\":\"a\"", tooMany);
        for (String body : bodies) {
            harness.publish(Topic.SMS_OUT, body);
        }
        for (String body : bodies) {
            Await.until("dead letter " + body.substring(0, Math.min(body.length(), 20)),
                    () -> harness.bus.deadLetters(Topic.SMS_OUT).contains(body));
        }
    }

    @Test
    void receiptTlvsWinOverTheTextAndMatchWithLeadingZerosAndCase() {
        String receiver = newReceiver();
        String msgId = UUID.randomUUID().toString();
        harness.smsc.rule(receiver, (session, submit) -> TestSmsc.ok(submit, "ABCDEF12"));
        harness.publish(Topic.SMS_OUT, smsOut(msgId, receiver, "hello"));
        harness.awaitDlrIn(msgId, "sent");
        DeliverSm receipt = DeliverSm.builder().esmClass(EsmClass.DELIVERY_RECEIPT)
                .shortMessage("id:999 stat:DELIVRD err:034".getBytes(StandardCharsets.US_ASCII))
                .tlv(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, "00abcdef12"))
                .tlv(Tlv.ofInt(TlvTag.MESSAGE_STATE, 5))
                .build();
        assertEquals(0, harness.smsc.deliver(receipt).join().commandStatus());
        JsonObject undelivered = harness.awaitDlrIn(msgId, "undelivered");
        assertEquals(34, undelivered.get("err_code").getAsInt());
        assertEquals("ABCDEF12", undelivered.get("gateway_msg_id").getAsString());
    }

    @Test
    void aDecimalIdFromTheSmscMatchesAHexReceiptInUcs2() {
        String receiver = newReceiver();
        String msgId = UUID.randomUUID().toString();
        harness.smsc.rule(receiver, (session, submit) -> TestSmsc.ok(submit, "123456789"));
        harness.publish(Topic.SMS_OUT, smsOut(msgId, receiver, "hello"));
        harness.awaitDlrIn(msgId, "sent");
        byte[] ucs2 = "id:75BCD15 sub:001 dlvrd:000 stat:REJECTD err:011".getBytes(StandardCharsets.UTF_16BE);
        DeliverSm receipt = DeliverSm.builder().esmClass(EsmClass.DELIVERY_RECEIPT).dataCoding(8)
                .shortMessage(ucs2).build();
        assertEquals(0, harness.smsc.deliver(receipt).join().commandStatus());
        assertEquals(11, harness.awaitDlrIn(msgId, "rejected").get("err_code").getAsInt());
    }

    @Test
    void anIntermediateReceiptWaitsAndARepeatedFinalOnePublishesOnce() {
        String receiver = newReceiver();
        String msgId = UUID.randomUUID().toString();
        harness.smsc.rule(receiver, (session, submit) -> TestSmsc.ok(submit, "feed01"));
        harness.publish(Topic.SMS_OUT, smsOut(msgId, receiver, "hello"));
        harness.awaitDlrIn(msgId, "sent");
        long intermediate = harness.correlation.stats().get("intermediate");
        assertEquals(0, harness.smsc.deliver(receiptText("id:feed01 stat:ENROUTE err:000")).join().commandStatus());
        assertEquals(intermediate + 1, harness.correlation.stats().get("intermediate"));
        long repeated = harness.correlation.stats().get("repeated");
        assertEquals(0, harness.smsc.deliver(receiptText("id:FEED01 stat:DELIVRD err:000")).join().commandStatus());
        assertEquals(0, harness.smsc.deliver(receiptText("id:feed01 stat:UNDELIV err:001")).join().commandStatus());
        assertEquals(repeated + 1, harness.correlation.stats().get("repeated"));
        harness.awaitDlrIn(msgId, "delivered");
        assertEquals(List.of("sent", "delivered"),
                harness.dlrInFor(msgId).stream().map(e -> e.get("status").getAsString()).toList());
    }

    @Test
    void receiptsForUnknownIdsAndMoMessagesAreAnsweredOkAndCounted() {
        long unknown = harness.correlation.stats().get("unknown_id");
        long noId = harness.correlation.stats().get("no_id");
        long mo = harness.correlation.stats().get("mo_ignored");
        assertEquals(0, harness.smsc.deliver(receiptText("id:77777777777 stat:DELIVRD")).join().commandStatus());
        assertEquals(0, harness.smsc.deliver(receiptText("stat:DELIVRD err:000")).join().commandStatus());
        DeliverSm moMessage = DeliverSm.builder().source(1, 1, "447911111111").destination(1, 1, "12345")
                .shortMessage("hi there".getBytes(StandardCharsets.US_ASCII)).build();
        assertEquals(0, harness.smsc.deliver(moMessage).join().commandStatus());
        assertEquals(unknown + 1, harness.correlation.stats().get("unknown_id"));
        assertEquals(noId + 1, harness.correlation.stats().get("no_id"));
        assertEquals(mo + 1, harness.correlation.stats().get("mo_ignored"));
    }

    @Test
    void anSmscErrorIsRejectedWithItsCommandStatus() {
        String receiver = newReceiver();
        String msgId = UUID.randomUUID().toString();
        harness.smsc.rule(receiver, (session, submit) -> TestSmsc.status(submit, CommandStatus.ESME_RINVDSTADR));
        harness.publish(Topic.SMS_OUT, smsOut(msgId, receiver, "hello"));
        JsonObject rejected = harness.awaitDlrIn(msgId, "rejected");
        assertEquals(CommandStatus.ESME_RINVDSTADR.value(), rejected.get("err_code").getAsInt());
        assertTrue(rejected.has("dlr_time"));
        assertFalse(rejected.has("gateway_msg_id"));
        Await.until("the DLR_IN listener hears the rejection", () -> !harness.heardStatusesFor(msgId).isEmpty());
        assertEquals(List.of("rejected"), harness.heardStatusesFor(msgId));
    }

    @Test
    void aSubmitLostWithItsSessionIsSentAgainAndTrackedOnce() {
        String receiver = newReceiver();
        String msgId = UUID.randomUUID().toString();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        harness.smsc.rule(receiver, (session, submit) -> {
            if (calls.incrementAndGet() == 1) {
                session.close();
                return new CompletableFuture<>();
            }
            return TestSmsc.ok(submit, "beef42");
        });
        long resubmitted = harness.outbound.stats().get("resubmitted");
        harness.publish(Topic.SMS_OUT, smsOut(msgId, receiver, "hello"));
        assertEquals("beef42", harness.awaitDlrIn(msgId, "sent").get("gateway_msg_id").getAsString());
        assertEquals(2, harness.smsc.submitsTo(receiver).size());
        assertEquals(resubmitted + 1, harness.outbound.stats().get("resubmitted"));
        assertEquals(1, harness.dlrInFor(msgId).size());
    }

    @Test
    void aDuplicateSmsOutIsSentOnceAndItsEventRepeated() {
        String receiver = newReceiver();
        String msgId = UUID.randomUUID().toString();
        String body = smsOut(msgId, receiver, "only once");
        harness.publish(Topic.SMS_OUT, body);
        harness.awaitDlrIn(msgId, "sent");
        long duplicates = harness.outbound.stats().get("duplicate");
        harness.publish(Topic.SMS_OUT, body);
        Await.until("the duplicate is seen", () -> harness.outbound.stats().get("duplicate") > duplicates);
        Await.until("the sent event is repeated", () -> harness.dlrInFor(msgId).size() == 2);
        assertEquals(1, harness.smsc.submitsTo(receiver).size());
        assertEquals(harness.dlrInFor(msgId).get(0).get("gateway_msg_id"), harness.dlrInFor(msgId).get(1).get("gateway_msg_id"));
    }

    @Test
    void smsOutThatCannotBeReadIsDeadLettered() {
        List<String> bodies = List.of("not json at all", "1", "{\"smsc_id\":\"" + Harness.SMSC_ID + "\"}",
                "{\"msg_id\":\"" + "x".repeat(256) + "\",\"smsc_id\":\"a\"}", "{\"msg_id\":42}");
        for (String body : bodies) {
            harness.publish(Topic.SMS_OUT, body);
        }
        for (String body : bodies) {
            Await.until("dead letter " + body, () -> harness.bus.deadLetters(Topic.SMS_OUT).contains(body));
        }
    }

    @Test
    void smsOutWithBadFieldsIsRejectedWithAReason() {
        String longGsm = "a".repeat(161);
        record Case(String msgId, String body, int errCode, String smscId) {
        }
        List<Case> cases = new ArrayList<>();
        String id;
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"mysmsc-id-example\",\"msg_id\":\"" + id
                + "\",\"sender\":\"S\",\"receiver\":390991234567,\"message\":\"x\"}", 11, Harness.SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"mysmsc-id-example\",\"msg_id\":\"" + id
                + "\",\"receiver\":\"390991234567\",\"message\":\"x\"}", 10, Harness.SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"mysmsc-id-example\",\"msg_id\":\"" + id + "\",\"sender\":\""
                + "S".repeat(26) + "\",\"receiver\":\"390991234567\",\"message\":\"x\"}", 10, Harness.SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, smsOut(id, "390991234567", longGsm), 1, Harness.SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, smsOut(id, "390991234567", "ж".repeat(71)), 1, Harness.SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"mysmsc-id-example\",\"msg_id\":\"" + id + "\",\"sender\":\"S\","
                + "\"receiver\":\"390991234567\",\"message\":\"x\",\"data_coding\":9}", 260, Harness.SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"mysmsc-id-example\",\"msg_id\":\"" + id + "\",\"sender\":\"S\","
                + "\"receiver\":\"390991234567\",\"message\":\"Жук\",\"data_coding\":0}", 260, Harness.SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"mysmsc-id-example\",\"msg_id\":\"" + id + "\",\"sender\":\"S\","
                + "\"receiver\":\"390991234567\",\"message\":\"" + "b".repeat(154)
                + "\",\"part_number\":1,\"total_parts\":2,\"reference\":5}", 1, Harness.SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"nowhere\",\"msg_id\":\"" + id + "\",\"sender\":\"S\","
                + "\"receiver\":\"390991234567\",\"message\":\"x\"}", 69, "nowhere"));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"" + Harness.DISABLED_SMSC_ID + "\",\"msg_id\":\"" + id
                + "\",\"sender\":\"S\",\"receiver\":\"390991234567\",\"message\":\"x\"}", 69, Harness.DISABLED_SMSC_ID));
        id = UUID.randomUUID().toString();
        cases.add(new Case(id, "{\"smsc_id\":\"mysmsc-id-example\",\"msg_id\":\"" + id + "\",\"sender\":\"S\","
                + "\"receiver\":\"390991234567\",\"message\":\"x\",\"part_number\":\"two\",\"total_parts\":3}", 69,
                Harness.SMSC_ID));
        int submitsBefore = harness.smsc.submitsTo("390991234567").size();
        for (Case c : cases) {
            harness.publish(Topic.SMS_OUT, c.body());
        }
        for (Case c : cases) {
            JsonObject rejected = harness.awaitDlrIn(c.msgId(), "rejected");
            assertEquals(c.errCode(), rejected.get("err_code").getAsInt(), c.body());
            assertEquals(c.smscId(), rejected.get("smsc_id").getAsString(), c.body());
        }
        assertEquals(submitsBefore, harness.smsc.submitsTo("390991234567").size(), "nothing rejected was submitted");
    }

    // ---- ESME -> SMS_IN ----

    @Test
    void manualSmsInIsPublishedWithTheIdTheEsmeGets() {
        EsmeAccount account = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4)) {
            SubmitSm submit = SubmitSm.builder().source(5, 0, "Mysender").destination(1, 1, "390991234567")
                    .shortMessage("I am test SMS message".getBytes(StandardCharsets.US_ASCII)).build();
            SubmitSmResp response = esme.session().send(submit).join();
            assertEquals(0, response.commandStatus());
            String msgId = response.messageId();
            assertEquals(msgId, UUID.fromString(msgId).toString());
            JsonObject event = harness.awaitSmsIn(msgId).get(0);
            assertEquals(SMS_IN_KEYS, keys(event));
            JsonObject expected = JsonParser.parseString("""
                    {"client_id":1234,"msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02","sender":"Mysender",
                    "receiver":"390991234567","service_type":"","src_ton":5,"src_npi":0,"dst_ton":1,"dst_npi":1,
                    "message":"I am test SMS message","data_coding":0,"reference":0,"total_parts":1,"part_number":1,
                    "smsc_time":1721980552913}""").getAsJsonObject();
            expected.addProperty("client_id", account.id());
            expected.addProperty("msg_id", msgId);
            expected.add("smsc_time", event.get("smsc_time"));
            assertEquals(expected, event);
        }
    }

    @Test
    void smsInSegmentsCarryTheirPartFromTheUdhOrTheSarTlvs() {
        EsmeAccount account = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4)) {
            byte[] udhPart = HexFormat.of().parseHex("0500032A0201" + HexFormat.of().formatHex(
                    "Привет".getBytes(StandardCharsets.UTF_16BE)));
            SubmitSm first = SubmitSm.builder().source(1, 1, "447700900001").destination(1, 1, "447700900002")
                    .esmClass(EsmClass.UDHI).dataCoding(8).shortMessage(udhPart).build();
            SubmitSm sar = SubmitSm.builder().source(1, 1, "447700900001").destination(1, 1, "447700900002")
                    .shortMessage("second".getBytes(StandardCharsets.US_ASCII))
                    .tlv(Tlv.ofInt(TlvTag.SAR_MSG_REF_NUM, 300)).tlv(Tlv.ofInt(TlvTag.SAR_TOTAL_SEGMENTS, 3))
                    .tlv(Tlv.ofInt(TlvTag.SAR_SEGMENT_SEQNUM, 2)).build();
            JsonObject udhEvent = harness.awaitSmsIn(esme.session().send(first).join().messageId()).get(0);
            assertEquals("Привет", udhEvent.get("message").getAsString());
            assertEquals(8, udhEvent.get("data_coding").getAsInt());
            assertEquals(List.of(42, 2, 1), List.of(udhEvent.get("reference").getAsInt(),
                    udhEvent.get("total_parts").getAsInt(), udhEvent.get("part_number").getAsInt()));
            JsonObject sarEvent = harness.awaitSmsIn(esme.session().send(sar).join().messageId()).get(0);
            assertEquals("second", sarEvent.get("message").getAsString());
            assertEquals(List.of(300, 3, 2), List.of(sarEvent.get("reference").getAsInt(),
                    sarEvent.get("total_parts").getAsInt(), sarEvent.get("part_number").getAsInt()));
        }
    }

    @Test
    void dataSmAndSubmitMultiArePublishedToo() {
        EsmeAccount account = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_5_0)) {
            DataSm data = new DataSm(1, "", new Address(5, 0, "Shop"), new Address(1, 1, "447700900003"), 0, 1, 0,
                    Tlvs.of(Tlv.ofOctets(TlvTag.MESSAGE_PAYLOAD, Octets.of("payload text".getBytes(StandardCharsets.US_ASCII)))));
            String dataId = esme.session().send(data).join().messageId();
            assertEquals("payload text", harness.awaitSmsIn(dataId).get(0).get("message").getAsString());

            SubmitMulti multi = new SubmitMulti(1, "", new Address(5, 0, "Shop"),
                    List.of(new DestinationAddress.Sme(new Address(1, 1, "447700900004")),
                            new DestinationAddress.Sme(new Address(1, 1, "447700900005"))),
                    0, 0, 0, "", "", 1, 0, 0, 0, Octets.of("to both".getBytes(StandardCharsets.US_ASCII)), Tlvs.EMPTY);
            SubmitMultiResp response = esme.session().send(multi).join();
            assertEquals(0, response.commandStatus());
            Await.until("two SMS_IN events", () -> harness.smsInFor(response.messageId()).size() == 2);
            assertEquals(List.of("447700900004", "447700900005"), harness.smsInFor(response.messageId()).stream()
                    .map(e -> e.get("receiver").getAsString()).sorted().toList());

            SubmitMulti toList = new SubmitMulti(1, "", new Address(5, 0, "Shop"),
                    List.of(new DestinationAddress.DistributionList("friends")),
                    0, 0, 0, "", "", 1, 0, 0, 0, Octets.of("x".getBytes(StandardCharsets.US_ASCII)), Tlvs.EMPTY);
            assertEquals(CommandStatus.ESME_RCNTSUBDL.value(), esme.session().send(toList).join().commandStatus());
        }
    }

    // ---- DLR_OUT -> ESME ----

    private String submitFrom(TestEsme esme, String text) {
        SubmitSm submit = SubmitSm.builder().source(1, 1, "447700900010").destination(1, 1, "447700900011")
                .registeredDelivery(1).shortMessage(text.getBytes(StandardCharsets.US_ASCII)).build();
        SubmitSmResp response = esme.session().send(submit).join();
        assertEquals(0, response.commandStatus());
        return response.messageId();
    }

    static String dlrOut(long clientId, String msgId, String status, int errCode) {
        return "{\"client_id\":" + clientId + ",\"msg_id\":\"" + msgId + "\",\"status\":\"" + status
                + "\",\"err_code\":" + errCode + "}";
    }

    @Test
    void manualDlrOutBecomesAStandardReceiptWithTlvs() {
        EsmeAccount account = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4)) {
            String msgId = submitFrom(esme, "Hello world, this is a long text");
            harness.publish(Topic.DLR_OUT, """
                    {
                    "client_id":%d,
                    "msg_id":"%s",
                    "status":"delivered",
                    "err_code":0
                    }""".formatted(account.id(), msgId));
            DeliverSm receipt = Await.until("the receipt", () -> esme.received().stream().findFirst().orElse(null));
            assertEquals(EsmClass.DELIVERY_RECEIPT, receipt.esmClass());
            assertEquals(new Address(1, 1, "447700900011"), receipt.source());
            assertEquals(new Address(1, 1, "447700900010"), receipt.destination());
            String text = new String(receipt.shortMessage().toByteArray(), StandardCharsets.US_ASCII);
            assertTrue(text.matches("id:" + msgId + " sub:001 dlvrd:001 submit date:\\d{10} done date:\\d{10}"
                    + " stat:DELIVRD err:000 text:Hello world, this is"), text);
            assertEquals(msgId, receipt.tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow());
            assertEquals(2L, receipt.tlvs().intValue(TlvTag.MESSAGE_STATE).orElseThrow());
        }
    }

    @Test
    void aVersion33EsmeGetsTheReceiptWithoutTlvs() {
        EsmeAccount account = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_3)) {
            String msgId = submitFrom(esme, "old school");
            harness.publish(Topic.DLR_OUT, dlrOut(account.id(), msgId, "undelivered", 5));
            DeliverSm receipt = Await.until("the receipt", () -> esme.received().stream().findFirst().orElse(null));
            assertTrue(receipt.tlvs().isEmpty());
            String text = new String(receipt.shortMessage().toByteArray(), StandardCharsets.US_ASCII);
            assertTrue(text.contains("stat:UNDELIV err:005"), text);
        }
    }

    @Test
    void receiptsBeforeAReceiverBindsWaitAndArriveInOrder() {
        EsmeAccount account = harness.newClient();
        List<String> msgIds = new ArrayList<>();
        try (TestEsme transmitter = harness.bind(account, BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4)) {
            for (int i = 0; i < 3; i++) {
                msgIds.add(submitFrom(transmitter, "message " + i));
            }
            // NSQ does not order a topic's messages; the order kept is the order in which receipts were queued
            for (String msgId : msgIds) {
                long queued = harness.receipts.stats().get("queued");
                harness.publish(Topic.DLR_OUT, dlrOut(account.id(), msgId, "delivered", 0));
                Await.until("the receipt for " + msgId + " queued", () -> harness.receipts.stats().get("queued") > queued);
            }
            try (TestEsme receiver = harness.bind(account, BindType.RECEIVER, InterfaceVersion.SMPP_3_4)) {
                Await.until("3 receipts delivered", () -> receiver.received().size() == 3);
                assertEquals(msgIds, receiver.received().stream()
                        .map(r -> r.tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow()).toList());
                Await.until("the waiting receipts removed",
                        () -> harness.database.database().pendingReceipts().count(account.id()).join() == 0);
            }
        }
    }

    @Test
    void dlrOutThatCannotBeUsedIsDeadLetteredOrDropped() {
        EsmeAccount account = harness.newClient();
        EsmeAccount other = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4)) {
            String msgId = submitFrom(esme, "hello");
            List<String> dead = List.of("{not json", "{\"client_id\":1,\"status\":\"delivered\"}", "\"just a string\"");
            for (String body : dead) {
                harness.publish(Topic.DLR_OUT, body);
            }
            long invalid = harness.receipts.stats().get("invalid");
            long unknownMsg = harness.receipts.stats().get("unknown_msg_id");
            long unknownClient = harness.receipts.stats().get("unknown_client");
            harness.publish(Topic.DLR_OUT, dlrOut(account.id(), msgId, "sent", 0));
            harness.publish(Topic.DLR_OUT, dlrOut(account.id(), msgId, "delivered", 300));
            harness.publish(Topic.DLR_OUT, "{\"client_id\":\"abc\",\"msg_id\":\"" + msgId + "\",\"status\":\"delivered\"}");
            harness.publish(Topic.DLR_OUT, dlrOut(account.id(), UUID.randomUUID().toString(), "delivered", 0));
            harness.publish(Topic.DLR_OUT, dlrOut(other.id(), msgId, "delivered", 0));
            for (String body : dead) {
                Await.until("dead letter " + body, () -> harness.bus.deadLetters(Topic.DLR_OUT).contains(body));
            }
            Await.until("3 invalid", () -> harness.receipts.stats().get("invalid") == invalid + 3);
            Await.until("1 unknown msg_id", () -> harness.receipts.stats().get("unknown_msg_id") == unknownMsg + 1);
            Await.until("1 unknown client", () -> harness.receipts.stats().get("unknown_client") == unknownClient + 1);
            assertTrue(esme.received().isEmpty());
        }
    }

    // ---- expiry ----

    @Test
    void aSentSegmentWithNoReceiptExpiresAfter24Hours() {
        String receiver = newReceiver();
        String msgId = UUID.randomUUID().toString();
        harness.publish(Topic.SMS_OUT, smsOut(msgId, receiver, "no receipt will come"));
        harness.awaitDlrIn(msgId, "sent");
        FlowConfig later = FlowConfig.defaults().withClock(java.time.Clock.offset(java.time.Clock.systemUTC(),
                java.time.Duration.ofHours(25)));
        List<io.smppgateway.bridge.message.DlrIn> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ExpiryFlow expiry = new ExpiryFlow(harness.appBus(), harness.database.database().outbound(), later,
                heard::add)) {
            assertTrue(expiry.scan().join() >= 1);
        }
        assertTrue(heard.stream().anyMatch(e -> e.msgId().equals(msgId) && e.status().equals("expired")),
                "the expiry flow's DLR_IN listener hears the expired event");
        JsonObject expired = harness.awaitDlrIn(msgId, "expired");
        assertEquals(0, expired.get("err_code").getAsInt());
        assertTrue(expired.get("dlr_time").getAsLong() > expired.get("smsc_time").getAsLong());
    }
}
