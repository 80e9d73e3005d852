package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.store.GatewayStores;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances on one MariaDB database and the same NSQ topics share each SMSC account's
 * binds: the SMSC sees the gateway's bind counts in total, an SMS_OUT taken by the instance that
 * holds no transmitting bind is handed to the one that does and sent once, receipts arriving on
 * the other instance's bind are correlated, and an instance that leaves hands its binds over.
 */
class SharedSmscBindsTest {

    private static final int MESSAGES = 40;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
    private final TestBus topics = closing(new TestBus(TestBus.Kind.NSQ));
    private final SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
    private final List<JsonObject> dlrIn = new CopyOnWriteArrayList<>();
    private final GatewayEngine a = engine(database.database(), topics.bus());
    private final GatewayEngine b = engine(closing(database.anotherInstance()), topics.anotherInstance());

    SharedSmscBindsTest() {
        closing(topics.bus().consume(Topic.DLR_IN, "app", delivery -> {
            dlrIn.add(JsonParser.parseString(delivery.body()).getAsJsonObject());
            delivery.finish();
        }));
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private GatewayEngine engine(GatewayStores stores, MessageBus bus) {
        EngineOptions options = EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0))
                .configPollInterval(Duration.ofMillis(200))
                .build();
        return closing(GatewayEngine.start(options, stores, bus));
    }

    private Gateway addGateway(String smscId, int tx, int rx, int trx) {
        Gateway gateway = database.database().gateways().create(Gateway.builder().smscId(smscId).host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(tx).rxBinds(rx).trxBinds(trx).smppVersion("3.4").gsm7(true)
                .secure(false).enabled(true).build());
        a.gatewaySaved(gateway).join();
        return gateway;
    }

    @Test
    void theSmscSeesTheGatewaysBindsOnceInTotalSpreadOverTheInstances() {
        addGateway("spread", 0, 0, 2);

        Await.until("two binds at the SMSC", () -> boundAtSmsc() == 2);
        Await.until("one bind on each instance", () -> bound(a, "spread") == 1 && bound(b, "spread") == 1);
        sleepThroughSyncRounds();
        assertEquals(2, boundAtSmsc(), "no instance opened the other's share too");
        assertEquals(2, smsc.counters().bindsAccepted());
    }

    @Test
    void anSmsOutTakenByTheInstanceWithoutATransmitterIsSentOnceByTheOther() {
        addGateway("single", 0, 0, 1);
        Await.until("the one bind up", () -> bound(a, "single") + bound(b, "single") == 1);
        sleepThroughSyncRounds();
        assertEquals(1, boundAtSmsc());

        List<String> msgIds = publishSmsOut("single", MESSAGES);

        Await.until("every SMS_OUT sent", () -> sentIds().containsAll(msgIds));
        Await.until("every receipt correlated", () -> finalIds().containsAll(msgIds));
        assertEquals(MESSAGES, smsc.counters().submitsAccepted(), "each submitted once, over the one bind");
        assertEquals(MESSAGES, sentIds().size(), "one sent per message: " + sentIds().size());
        assertEquals(1, boundAtSmsc());
    }

    @Test
    void receiptsArrivingAtTheInstanceThatDidNotSubmitAreCorrelatedOnce() {
        addGateway("split", 1, 1, 0);
        Await.until("the transmitter on one instance, the receiver on the other", () ->
                bound(a, "split") == 1 && bound(b, "split") == 1);

        List<String> msgIds = publishSmsOut("split", MESSAGES);

        Await.until("every final status", () -> finalIds().containsAll(msgIds));
        sleepThroughSyncRounds();
        Map<String, Long> finals = dlrIn.stream().filter(event -> !"sent".equals(status(event)))
                .collect(Collectors.groupingBy(event -> event.get("msg_id").getAsString(), Collectors.counting()));
        assertTrue(finals.values().stream().allMatch(count -> count == 1), "one final DLR_IN each: " + finals);
        assertEquals(MESSAGES, smsc.counters().submitsAccepted());
    }

    @Test
    void anInstanceThatLeavesHandsItsBindsToTheOther() {
        addGateway("handover", 0, 0, 2);
        Await.until("one bind on each instance", () -> bound(a, "handover") == 1 && bound(b, "handover") == 1);

        assertTrue(a.stop(), "instance A stopped cleanly");

        Await.until("instance B holds both binds", () -> bound(b, "handover") == 2);
        Await.until("two binds at the SMSC, both B's", () -> boundAtSmsc() == 2);
        List<String> msgIds = publishSmsOut("handover", 10);
        Await.until("SMS_OUT sent by the instance left", () -> sentIds().containsAll(msgIds));
    }

    @Test
    void anInstanceCutOffFromTheDatabaseLetsGoOfItsBindsWhichTheOtherTakes() {
        CutOffStores storesOfC = new CutOffStores(closing(database.anotherInstance()));
        GatewayEngine c = engine(storesOfC, topics.anotherInstance());
        addGateway("fenced", 0, 0, 3);
        Await.until("one bind on each of three instances", () ->
                bound(a, "fenced") == 1 && bound(b, "fenced") == 1 && bound(c, "fenced") == 1);

        storesOfC.cut(true);

        Await.until("A and B hold the three binds, the cut-off instance none", () ->
                bound(a, "fenced") + bound(b, "fenced") == 3 && bound(c, "fenced") == 0);
        Await.until("three binds at the SMSC", () -> boundAtSmsc() == 3);

        storesOfC.cut(false);

        Await.until("one bind on each again", () ->
                bound(a, "fenced") == 1 && bound(b, "fenced") == 1 && bound(c, "fenced") == 1);
        Await.until("three binds at the SMSC", () -> boundAtSmsc() == 3);
    }

    @Test
    void withThreeInstancesAndOneTransmitterEveryInstanceHandsItsSmsOutToTheOneHoldingIt() {
        GatewayEngine c = engine(closing(database.anotherInstance()), topics.anotherInstance());
        addGateway("one-of-three", 0, 0, 1);
        Await.until("the one bind up", () ->
                bound(a, "one-of-three") + bound(b, "one-of-three") + bound(c, "one-of-three") == 1);

        List<String> msgIds = publishSmsOut("one-of-three", MESSAGES);

        Await.until("every SMS_OUT sent", () -> sentIds().containsAll(msgIds));
        assertEquals(MESSAGES, smsc.counters().submitsAccepted(), "each submitted once, over the one bind");
        assertEquals(1, boundAtSmsc());
    }

    @Test
    void aRunThatReplacesACrashedOneTakesItAsGoneAtOnceAndDealsTheBindsWithoutIt() {
        String crashed = UUID.randomUUID().toString();
        database.database().cluster().heartbeat(crashed, "this-host", System.currentTimeMillis());
        addGateway("after-crash", 0, 0, 3);

        GatewayEngine restarted = closing(GatewayEngine.start(EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0))
                .configPollInterval(Duration.ofMillis(200)).replacedInstance(crashed).build(),
                closing(database.anotherInstance()), topics.anotherInstance()));

        assertTrue(!restarted.liveInstances().contains(crashed), "the crashed run is gone at once");
        Await.until("the three binds over the three live instances", () -> bound(a, "after-crash") == 1
                && bound(b, "after-crash") == 1 && bound(restarted, "after-crash") == 1);
        Await.until("three binds at the SMSC", () -> boundAtSmsc() == 3);
    }

    private List<String> publishSmsOut(String smscId, int count) {
        List<String> msgIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String msgId = UUID.randomUUID().toString();
            msgIds.add(msgId);
            JsonObject json = new JsonObject();
            json.addProperty("smsc_id", smscId);
            json.addProperty("msg_id", msgId);
            json.addProperty("sender", "Mysender");
            json.addProperty("receiver", "380991234567");
            json.addProperty("message", "shared binds " + i);
            // both instances consume SMS_OUT on one channel: nsqd hands each message to one of them
            topics.bus().publish(Topic.SMS_OUT, json.toString()).join();
        }
        return msgIds;
    }

    private static String status(JsonObject event) {
        return event.get("status").getAsString();
    }

    private java.util.Set<String> sentIds() {
        return dlrIn.stream().filter(event -> "sent".equals(status(event)))
                .map(event -> event.get("msg_id").getAsString()).collect(Collectors.toSet());
    }

    private java.util.Set<String> finalIds() {
        return dlrIn.stream().filter(event -> !"sent".equals(status(event)))
                .map(event -> event.get("msg_id").getAsString()).collect(Collectors.toSet());
    }

    private static long bound(GatewayEngine engine, String smscId) {
        return engine.smscPool().get(smscId).map(client -> client.connections().stream()
                .filter(connection -> connection.status().startsWith("BOUND")).count()).orElse(0L);
    }

    private long boundAtSmsc() {
        return smsc.sessions().stream().filter(session -> session.state().isBound()).count();
    }

    private static void sleepThroughSyncRounds() {
        try {
            Thread.sleep(2_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
