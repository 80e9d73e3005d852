package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.server.EsmeAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SMS_IN is on the bus before the ESME has its submit_sm_resp: with the publish held, the response
 * cannot come; with the publish refused, the ESME is told to send again (ESME_RMSGQFUL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundOrderingTest {

    private Harness harness;
    private HeldMessageBus held;

    @BeforeAll
    void start() {
        harness = new Harness(TestBus.Kind.IN_PROCESS, TestDatabase.Kind.EMBEDDED, Clock.systemUTC(), bus -> {
            held = new HeldMessageBus(bus);
            return held;
        });
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    private static SubmitSm submit(String text) {
        return SubmitSm.builder().source(5, 0, "Mysender").destination(1, 1, "390991234567")
                .shortMessage(text.getBytes(StandardCharsets.US_ASCII)).build();
    }

    @Test
    void theResponseWaitsForThePublish() {
        EsmeAccount account = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4)) {
            CompletableFuture<SubmitSmResp> response = esme.session().send(submit("held"));
            HeldMessageBus.HeldPublish publish = held.next();
            assertFalse(response.isDone(), "the ESME must not have its response before SMS_IN is published");
            assertTrue(harness.smsIn.isEmpty());
            publish.release().run();
            SubmitSmResp answer = response.join();
            assertEquals(0, answer.commandStatus());
            assertTrue(publish.body().contains(answer.messageId()));
            harness.awaitSmsIn(answer.messageId());
        }
    }

    @Test
    void smsInIsWrittenAndPublishedOnTheFlowsOwnThreadsNotTheStoresOrTheSessions() {
        EsmeAccount account = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4)) {
            CompletableFuture<SubmitSmResp> response = esme.session().send(submit("whose thread"));
            HeldMessageBus.HeldPublish publish = held.next();
            publish.release().run();
            assertEquals(0, response.join().commandStatus());
            assertTrue(publish.thread().startsWith("inbound-flow"), "published from " + publish.thread());
        }
    }

    @Test
    void aBoundEsmeThatSendsOnlyBadSubmitsWritesAFewLinesAMinuteNotOnePerSubmit() throws Exception {
        EsmeAccount account = harness.newClient();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4)) {
            for (int i = 0; i < 50; i++) {
                // UDHI set, but the text holds no user data header
                SubmitSm bad = SubmitSm.builder().source(5, 0, "Mysender").destination(1, 1, "390991234567")
                        .esmClass(0x40).shortMessage(new byte[] {9}).build();
                assertEquals(CommandStatus.ESME_RINVESMCLASS.value(), esme.session().send(bad).join().commandStatus());
            }
        } finally {
            System.setErr(original);
        }
        long lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("refused with ESME_RINVESMCLASS")).count();
        assertTrue(lines >= 1 && lines <= 5, lines + " lines for 50 refused submits");
    }

    @Test
    void aRefusedPublishAnswersQueueFullSoThatTheEsmeSendsAgain() {
        EsmeAccount account = harness.newClient();
        try (TestEsme esme = harness.bind(account, BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4)) {
            // our ESME session would pause and send it again by itself; here the test wants to see the answer
            esme.session().retryThrottled(false);
            CompletableFuture<SubmitSmResp> response = esme.session().send(submit("refused"));
            held.next().fail().run();
            assertEquals(CommandStatus.ESME_RMSGQFUL.value(), response.join().commandStatus());
            assertEquals(1, harness.inbound.stats().get("queue_full"));
        }
    }
}
