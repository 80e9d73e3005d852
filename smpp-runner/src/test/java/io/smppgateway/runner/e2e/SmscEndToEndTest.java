package io.smppgateway.runner.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.daemon.GatewayDaemon;
import io.smppgateway.runner.e2e.CloudhopperSmsc.Outcome;
import io.smppgateway.runner.e2e.CloudhopperSmsc.Submission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our SMPP client side against an SMSC that is not ours (cloudhopper-smpp's DefaultSmppServer),
 * the way a user runs it: the daemon on MariaDB and nsqd, the gateway added through the REST API,
 * the application publishing the manual's SMS_OUT bodies to nsqd and reading DLR_IN from it. The
 * SMSC answers with hex ids and sends its receipts with the same ids in decimal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmscEndToEndTest {

    private static final String SMSC_ID = "mysmsc-id-example";
    /** The SMSC reports messages to this receiver undelivered, with err:013. */
    private static final String UNREACHABLE = "390990000013";
    private static final long STARTED = System.currentTimeMillis();

    private PrivateGatewayConf conf;
    private CloudhopperSmsc smsc;
    private GatewayDaemon daemon;
    private NsqMessageBus application;
    private NsqProducer producer;
    private DlrInRecorder dlrIn;

    @BeforeAll
    void startGatewayAndSmsc(@TempDir Path home) throws Exception {
        conf = PrivateGatewayConf.onTestNsqd("e2e");
        TestServices.createDatabase(conf.database());
        smsc = CloudhopperSmsc.start("gw", "pw", receiver -> receiver.equals(UNREACHABLE)
                ? Outcome.undelivered(13) : Outcome.delivered());
        GatewaySettings settings = conf.settings(home);
        daemon = GatewayDaemon.start(settings);
        application = new NsqMessageBus(conf.applicationBus());
        dlrIn = DlrInRecorder.start(application);
        String[] nsqd = TestServices.nsqdTcp().split(":");
        producer = NsqProducer.start(NsqProducerConfig.defaults(
                List.of(new NsqAddress(nsqd[0], Integer.parseInt(nsqd[1])))));

        new GatewayRestApi(conf.restBase(), conf.apiToken()).createGateway("""
                {"smsc_id": "%s", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                 "system_type": "", "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true,
                 "tx_binds": 0, "rx_binds": 0, "trx_binds": 1, "window_size": 10, "smpp_version": "3.4",
                 "is_gsm7": true, "is_secure": false, "enabled": true}""".formatted(SMSC_ID, smsc.port()));
        Awaiting.until(smsc::hasReceiverBound, () -> "the gateway did not bind to the cloudhopper SMSC");
    }

    @AfterAll
    void stop() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (dlrIn != null) {
            dlrIn.close();
        }
        if (application != null) {
            application.close();
        }
        if (daemon != null) {
            daemon.stop();
        }
        if (smsc != null) {
            smsc.close();
        }
        if (conf != null) {
            TestServices.dropDatabase(conf.database());
        }
    }

    @Test
    void theManualsSmsOutIsReportedSentThenDeliveredAlthoughTheReceiptGivesItsIdInDecimal() throws Exception {
        String msgId = "074b8a96-f983-4b0b-8079-4d4c8502ff02";
        publish("""
                {
                "smsc_id":"mysmsc-id-example",
                "msg_id":"074b8a96-f983-4b0b-8079-4d4c8502ff02",
                "sender":"Mysender",
                "receiver":"390991234567",
                "message":"I am test SMS message"
                }""");

        JsonObject delivered = dlrIn.awaitFinal(msgId);
        JsonObject sent = dlrIn.await(msgId, "sent");

        Submission submit = onlySubmitOf("I am test SMS message");
        assertEquals("390991234567", submit.receiver());
        assertEquals("Mysender", submit.sender());
        assertEquals(5, submit.senderTon(), "an alphanumeric sender goes out as TON 5");
        assertEquals(0, submit.dataCoding());
        assertNotEquals(submit.responseId(), submit.receiptId(), "the receipt must name the message another way");
        assertEquals(Long.parseLong(submit.responseId(), 16), Long.parseLong(submit.receiptId()));
        assertSent(sent, msgId, submit.responseId(), 1, 1);
        assertFinal(delivered, "delivered", msgId, submit.responseId(), 1, 1, null);
        assertTimesFollowEachOther(sent, delivered);
        // The manual promises no order between the two events (a receipt may overtake the bookkeeping of its submit).
        assertEquals(List.of("delivered", "sent"), dlrIn.statuses().get(msgId).stream().sorted().toList());
    }

    @Test
    void theManualsMultipartSmsOutGoesOutAsConcatenatedPartsEachReportedOnItsOwn() throws Exception {
        // The manual's two bodies; its first msg_id is the single example's, so both get their own here.
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String text1 = "Contrary to popular belief, Lorem Ipsum is not simply random text. It has roots in a piece of"
                + " classical Latin literature from 45 BC, making it over 2000 ";
        String text2 = "years old. Richard McClintock, a Latin professor at Hampden-Sydney College in Virginia, looked"
                + " up one of the more obscure Latin words";
        String part = """
                {
                "smsc_id":"mysmsc-id-example",
                "msg_id":"%s",
                "sender":"Mysender",
                "receiver":"390991234567",
                "message":"%s",
                "data_coding": 0,
                "part_number": %d,
                "total_parts": 2,
                "reference": 123
                }""";
        // As the manual's Python example does: one MPUB with both parts.
        producer.publishBatch(conf.topic(Topic.SMS_OUT), List.of(
                part.formatted(first, text1, 1).getBytes(StandardCharsets.UTF_8),
                part.formatted(second, text2, 2).getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);

        JsonObject firstFinal = dlrIn.awaitFinal(first);
        JsonObject secondFinal = dlrIn.awaitFinal(second);

        Submission submit1 = onlySubmitOf(text1);
        Submission submit2 = onlySubmitOf(text2);
        for (Submission submit : List.of(submit1, submit2)) {
            assertEquals(0x40, submit.esmClass() & 0x40, "UDHI set");
            assertEquals(0, submit.dataCoding());
        }
        // Concatenation element with an 8-bit reference: 05 00 03, reference 123 (7b), 2 parts, part n.
        assertEquals("0500037b0201", HexFormat.of().formatHex(submit1.udh()));
        assertEquals("0500037b0202", HexFormat.of().formatHex(submit2.udh()));
        assertSent(dlrIn.await(first, "sent"), first, submit1.responseId(), 2, 1);
        assertSent(dlrIn.await(second, "sent"), second, submit2.responseId(), 2, 2);
        assertFinal(firstFinal, "delivered", first, submit1.responseId(), 2, 1, null);
        assertFinal(secondFinal, "delivered", second, submit2.responseId(), 2, 2, null);
        assertTimesFollowEachOther(dlrIn.await(first, "sent"), firstFinal);
        assertTimesFollowEachOther(dlrIn.await(second, "sent"), secondFinal);
    }

    @Test
    void aMessageTheSmscCannotDeliverIsReportedUndeliveredWithTheReceiptsError() throws Exception {
        String msgId = UUID.randomUUID().toString();
        publish("""
                {"smsc_id":"mysmsc-id-example", "msg_id":"%s", "sender":"Mysender", "receiver":"%s",
                 "message":"Nobody will read this"}""".formatted(msgId, UNREACHABLE));

        JsonObject undelivered = dlrIn.awaitFinal(msgId);

        Submission submit = onlySubmitOf("Nobody will read this");
        JsonObject sent = dlrIn.await(msgId, "sent");
        assertSent(sent, msgId, submit.responseId(), 1, 1);
        assertFinal(undelivered, "undelivered", msgId, submit.responseId(), 1, 1, 13);
        assertTimesFollowEachOther(sent, undelivered);
    }

    @Test
    void anSmsOutForAnUnknownSmscIsRejectedWithAnErrorCodeAndNotSent() throws Exception {
        String msgId = UUID.randomUUID().toString();
        publish("""
                {"smsc_id":"no-such-smsc", "msg_id":"%s", "sender":"Mysender", "receiver":"390991234567",
                 "message":"Goes nowhere"}""".formatted(msgId));

        JsonObject rejected = dlrIn.awaitFinal(msgId);

        assertRejected(rejected, msgId, "no-such-smsc", 69);
        assertEquals(List.of("rejected"), dlrIn.statuses().get(msgId));
        assertFalse(smsc.submitsByText().containsKey("Goes nowhere"));
    }

    @Test
    void anSmsOutOverTheManualsLengthIsRejectedWithAnErrorCodeAndNotSent() throws Exception {
        String msgId = UUID.randomUUID().toString();
        String tooLong = "x".repeat(161); // 160 is the most for GSM 7-bit
        publish("""
                {"smsc_id":"mysmsc-id-example", "msg_id":"%s", "sender":"Mysender", "receiver":"390991234567",
                 "message":"%s"}""".formatted(msgId, tooLong));

        JsonObject rejected = dlrIn.awaitFinal(msgId);

        assertRejected(rejected, msgId, SMSC_ID, 1); // ESME_RINVMSGLEN
        assertEquals(List.of("rejected"), dlrIn.statuses().get(msgId));
        assertFalse(smsc.submitsByText().containsKey(tooLong));
    }

    private void publish(String body) throws Exception {
        producer.publish(conf.topic(Topic.SMS_OUT), body.getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
    }

    private Submission onlySubmitOf(String text) {
        List<Submission> found = smsc.submissions().stream().filter(s -> s.text().equals(text)).toList();
        assertEquals(1, found.size(), "submit_sm with the text '" + text + "' at the SMSC: " + found);
        return found.get(0);
    }

    private static void assertSent(JsonObject event, String msgId, String gatewayMsgId, int totalParts, int partNumber) {
        assertEquals(Set.of("smsc_id", "msg_id", "gateway_msg_id", "total_parts", "part_number", "data_coding",
                "status", "acpt_time", "sent_time", "smsc_time"), event.keySet(), event.toString());
        assertAll(event.toString(),
                () -> assertEquals(SMSC_ID, event.get("smsc_id").getAsString()),
                () -> assertEquals(msgId, event.get("msg_id").getAsString()),
                () -> assertEquals(gatewayMsgId, event.get("gateway_msg_id").getAsString()),
                () -> assertEquals(totalParts, event.get("total_parts").getAsInt()),
                () -> assertEquals(partNumber, event.get("part_number").getAsInt()),
                () -> assertEquals(0, event.get("data_coding").getAsInt()),
                () -> assertEquals("sent", event.get("status").getAsString()));
    }

    /** A final status from the SMSC's receipt: the manual's fields, every time set. */
    private static void assertFinal(JsonObject event, String status, String msgId, String gatewayMsgId, int totalParts,
                                    int partNumber, Integer errCode) {
        Set<String> fields = new java.util.HashSet<>(Set.of("smsc_id", "msg_id", "gateway_msg_id", "total_parts",
                "part_number", "data_coding", "status", "acpt_time", "sent_time", "smsc_time", "dlr_time"));
        if (errCode != null) {
            fields.add("err_code");
        }
        assertEquals(fields, event.keySet(), event.toString());
        assertAll(event.toString(),
                () -> assertEquals(SMSC_ID, event.get("smsc_id").getAsString()),
                () -> assertEquals(msgId, event.get("msg_id").getAsString()),
                () -> assertEquals(gatewayMsgId, event.get("gateway_msg_id").getAsString(),
                        "the id the SMSC answered with, although its receipt gave it in decimal"),
                () -> assertEquals(totalParts, event.get("total_parts").getAsInt()),
                () -> assertEquals(partNumber, event.get("part_number").getAsInt()),
                () -> assertEquals(0, event.get("data_coding").getAsInt()),
                () -> assertEquals(status, event.get("status").getAsString()),
                () -> {
                    if (errCode != null) {
                        assertEquals(errCode.intValue(), event.get("err_code").getAsInt());
                    }
                });
    }

    /**
     * acpt_time <= sent_time <= smsc_time, and sent_time <= dlr_time (the receipt follows the submit_sm
     * that caused it), all since the test began; the same in both events.
     */
    private static void assertTimesFollowEachOther(JsonObject sent, JsonObject settled) {
        long now = System.currentTimeMillis();
        long acpt = settled.get("acpt_time").getAsLong();
        long sentTime = settled.get("sent_time").getAsLong();
        long smscTime = settled.get("smsc_time").getAsLong();
        long dlrTime = settled.get("dlr_time").getAsLong();
        String all = sent + " then " + settled;
        assertTrue(STARTED <= acpt && acpt <= sentTime && sentTime <= smscTime && smscTime <= now, all);
        assertTrue(sentTime <= dlrTime && dlrTime <= now, all);
        assertEquals(sent.get("acpt_time"), settled.get("acpt_time"), all);
        assertEquals(sent.get("sent_time"), settled.get("sent_time"), all);
        assertEquals(sent.get("smsc_time"), settled.get("smsc_time"), all);
    }

    /** Our own rejection: never sent, so no gateway_msg_id, sent_time or smsc_time; an err_code saying why. */
    private static void assertRejected(JsonObject event, String msgId, String smscId, int errCode) {
        assertEquals(Set.of("smsc_id", "msg_id", "total_parts", "part_number", "data_coding", "status", "err_code",
                "acpt_time", "dlr_time"), event.keySet(), event.toString());
        long now = System.currentTimeMillis();
        assertAll(event.toString(),
                () -> assertEquals(smscId, event.get("smsc_id").getAsString()),
                () -> assertEquals(msgId, event.get("msg_id").getAsString()),
                () -> assertEquals(1, event.get("total_parts").getAsInt()),
                () -> assertEquals(1, event.get("part_number").getAsInt()),
                () -> assertEquals("rejected", event.get("status").getAsString()),
                () -> assertEquals(errCode, event.get("err_code").getAsInt()),
                () -> assertTrue(STARTED <= event.get("acpt_time").getAsLong()
                        && event.get("acpt_time").getAsLong() <= event.get("dlr_time").getAsLong()
                        && event.get("dlr_time").getAsLong() <= now));
    }
}
