package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import io.smppgateway.bridge.bus.BusHandler;
import io.smppgateway.bridge.bus.BusHealth;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a gateway killed mid-flow leaves behind, and what the restarted one makes of it: a receipt
 * whose final event was on its way to the bus (its status must not be stored yet, so that the
 * SMSC's resent receipt publishes it), a segment already final, and an SMS_OUT left unfinished
 * after its receipt's final event went out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryFlowTest {

    private Harness harness;
    private HeldFinals finals;
    private int receivers;

    @BeforeAll
    void start() {
        harness = new Harness(TestBus.Kind.IN_PROCESS, TestDatabase.Kind.EMBEDDED, Clock.systemUTC(), bus -> {
            finals = new HeldFinals(bus);
            return finals;
        });
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private String newReceiver() {
        return String.format("4478%08d", ++receivers);
    }

    private String sent(String receiver, String gatewayMsgId) {
        String msgId = UUID.randomUUID().toString();
        harness.smsc.rule(receiver, (session, submit) -> TestSmsc.ok(submit, gatewayMsgId));
        harness.publish(Topic.SMS_OUT, FlowScenarios.smsOut(msgId, receiver, "hello"));
        harness.awaitDlrIn(msgId, "sent");
        return msgId;
    }

    private MessageStatus stored(String msgId) {
        return harness.database.database().outbound().find(msgId, 1).join().orElseThrow().status();
    }

    private List<String> statuses(String msgId) {
        return harness.dlrInFor(msgId).stream().map(e -> e.get("status").getAsString()).toList();
    }

    @Test
    void aReceiptsStatusIsStoredOnlyOnceItsEventIsPublishedSoAKillInBetweenLosesNothing() {
        String msgId = sent(newReceiver(), "c0ffee01");
        finals.hold();
        CompletableFuture<DeliverSmResp> answer = harness.smsc.deliver(
                FlowScenarios.receiptText("id:c0ffee01 stat:UNDELIV err:005"));

        // The event is on its way to the bus and not out yet: a process killed now has stored nothing final,
        // and did not acknowledge the receipt, so the SMSC sends it again to the restarted gateway.
        HeldPublish first = finals.next();
        assertEquals(MessageStatus.SENT, stored(msgId));
        assertFalse(answer.isDone());
        first.fail().run();
        assertEquals(CommandStatus.ESME_RX_T_APPN.value(), answer.join().commandStatus());
        assertEquals(MessageStatus.SENT, stored(msgId));

        finals.release();
        assertEquals(0, harness.smsc.deliver(FlowScenarios.receiptText("id:c0ffee01 stat:UNDELIV err:005"))
                .join().commandStatus());
        JsonObject undelivered = harness.awaitDlrIn(msgId, "undelivered");
        assertEquals(5, undelivered.get("err_code").getAsInt());
        assertEquals("c0ffee01", undelivered.get("gateway_msg_id").getAsString());
        assertEquals(MessageStatus.UNDELIVERED, stored(msgId));
        assertEquals(List.of("sent", "undelivered"), statuses(msgId));
    }

    @Test
    void aReceiptForASegmentAlreadyFinalPublishesNothing() {
        String msgId = sent(newReceiver(), "c0ffee02");
        // Expired by a previous process's scan; the SMSC's receipt comes after all.
        assertEquals(true, harness.database.database().outbound()
                .markFinal(msgId, 1, MessageStatus.EXPIRED, 0, System.currentTimeMillis()).join());
        long repeated = harness.correlation.stats().get("repeated");

        assertEquals(0, harness.smsc.deliver(FlowScenarios.receiptText("id:c0ffee02 stat:DELIVRD err:000"))
                .join().commandStatus());

        assertEquals(repeated + 1, harness.correlation.stats().get("repeated"));
        assertEquals(List.of("sent"), statuses(msgId));
    }

    @Test
    void anSmsOutRedeliveredAfterItsReceiptsFinalEventRepeatsItsSentEventNotTheFinalOne() {
        String receiver = newReceiver();
        String msgId = sent(receiver, "c0ffee03");
        assertEquals(0, harness.smsc.deliver(FlowScenarios.receiptText("id:c0ffee03 stat:DELIVRD err:000"))
                .join().commandStatus());
        harness.awaitDlrIn(msgId, "delivered");
        long duplicates = harness.outbound.stats().get("duplicate");

        // The process died before finishing the SMS_OUT: NSQ hands it out again.
        harness.publish(Topic.SMS_OUT, FlowScenarios.smsOut(msgId, receiver, "hello"));

        Await.until("the duplicate is seen", () -> harness.outbound.stats().get("duplicate") > duplicates);
        Await.until("a third event", () -> harness.dlrInFor(msgId).size() == 3);
        assertEquals(List.of("sent", "delivered", "sent"), statuses(msgId));
        JsonObject again = harness.dlrInFor(msgId).get(2);
        assertEquals(harness.dlrInFor(msgId).get(0), again, "the same sent event");
        assertFalse(again.has("dlr_time"));
        assertEquals(1, harness.smsc.submitsTo(receiver).size());
    }

    /** One DLR_IN publish held back: publish it for real, or refuse it. */
    record HeldPublish(Runnable release, Runnable fail) {
    }

    /** A bus whose final DLR_IN publishes wait, while holding, until the test lets each go or refuses it. */
    static final class HeldFinals implements MessageBus {

        private final MessageBus inner;
        private final BlockingQueue<HeldPublish> held = new LinkedBlockingQueue<>();
        private volatile boolean holding;

        HeldFinals(MessageBus inner) {
            this.inner = inner;
        }

        void hold() {
            holding = true;
        }

        void release() {
            holding = false;
        }

        HeldPublish next() {
            return Await.until("a held DLR_IN publish", held::poll);
        }

        @Override
        public CompletableFuture<Void> publish(Topic topic, String body) {
            if (!holding || topic != Topic.DLR_IN || body.contains("\"status\":\"sent\"")) {
                return inner.publish(topic, body);
            }
            CompletableFuture<Void> result = new CompletableFuture<>();
            held.add(new HeldPublish(() -> inner.publish(topic, body).whenComplete((ok, failure) -> {
                if (failure == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(failure);
                }
            }), () -> result.completeExceptionally(new IllegalStateException("publish refused by the test"))));
            return result;
        }

        @Override
        public CompletableFuture<Void> publishDeadLetter(Topic topic, String body, String reason) {
            return inner.publishDeadLetter(topic, body, reason);
        }

        @Override
        public AutoCloseable consume(Topic topic, String channel, BusHandler handler) {
            return inner.consume(topic, channel, handler);
        }

        @Override
        public BusHealth health() {
            return inner.health();
        }

        @Override
        public boolean reachesOtherInstances() {
            return inner.reachesOtherInstances();
        }

        @Override
        public CompletableFuture<Void> handOff(String smscId, String body) {
            return inner.handOff(smscId, body);
        }

        @Override
        public AutoCloseable consumeHandOffs(String smscId, String channel,
                io.smppgateway.bridge.bus.BusHandler handler) {
            return inner.consumeHandOffs(smscId, channel, handler);
        }

        @Override
        public io.smppgateway.bridge.bus.ReceiptNotices receiptNotices() {
            return inner.receiptNotices();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
