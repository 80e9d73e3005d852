package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.cluster.Instance;
import io.smppgateway.store.gateway.Gateway;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gateway instances on one MariaDB database and the same NSQ topics, two and three of them, share
 * each SMSC account's binds: the SMSC sees the gateway's bind counts in total, an SMS_OUT taken by
 * an instance that holds no transmitting bind is handed to the one that does and sent once,
 * receipts arriving on another instance's bind are correlated there, once, and an instance that
 * leaves or crashed has its binds taken by the others (one cut off from the database: in
 * {@link MembershipTest}). Points 4, 5, 8 and 9 of the cluster's behaviours (the map is in
 * {@link TestCluster}).
 */
class SharedSmscBindsTest {

    private static final int MESSAGES = 40;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
    private final TestBus topics = closing(new TestBus(TestBus.Kind.NSQ));
    private final SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
    private final List<JsonObject> dlrIn = new CopyOnWriteArrayList<>();
    private final TestCluster cluster = closing(new TestCluster(database, topics));

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

    private Gateway addGateway(GatewayEngine through, String smscId, int tx, int rx, int trx) {
        Gateway gateway = cluster.storesOf(through).gateways().create(Gateway.builder().smscId(smscId)
                .host("127.0.0.1").port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(tx).rxBinds(rx).trxBinds(trx).smppVersion("3.4").gsm7(true)
                .secure(false).enabled(true).build());
        through.gatewaySaved(gateway).join();
        return gateway;
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void theSmscSeesTheGatewaysBindsOnceInTotalSpreadOverTheInstances(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        addGateway(engines.get(0), "spread", 0, 0, instances);

        Await.until(instances + " binds at the SMSC", () -> boundAtSmsc() == instances);
        Await.until("one bind on each instance", () -> engines.stream().allMatch(e -> bound(e, "spread") == 1));
        sleepThroughSyncRounds();
        assertEquals(instances, boundAtSmsc(), "no instance opened another's share too");
        assertEquals(instances, smsc.counters().bindsAccepted());
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void everyInstanceHandsItsSmsOutToTheOneHoldingTheOnlyTransmitterWhichSendsItOnce(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        addGateway(engines.get(0), "single", 0, 0, 1);
        Await.until("the one bind up", () -> engines.stream().mapToLong(e -> bound(e, "single")).sum() == 1);
        sleepThroughSyncRounds();
        assertEquals(1, boundAtSmsc());

        List<String> msgIds = publishSmsOut("single", MESSAGES);

        Await.until("every SMS_OUT sent", () -> sentIds().containsAll(msgIds));
        Await.until("every receipt correlated", () -> finalIds().containsAll(msgIds));
        assertEquals(MESSAGES, smsc.counters().submitsAccepted(), "each submitted once, over the one bind");
        assertEquals(MESSAGES, sentIds().size(), "one sent per message: " + sentIds().size());
        GatewayEngine holder = engines.stream().filter(e -> bound(e, "single") == 1).findFirst().orElseThrow();
        assertEquals(new HashSet<>(msgIds), publishedBy(holder, "sent"), "the holder of the bind sent them all");
        assertEquals(1, boundAtSmsc());
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void receiptsArrivingAtTheInstancesThatDidNotSubmitAreCorrelatedThereOnce(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        addGateway(engines.get(0), "split", 1, instances - 1, 0);
        Await.until("the transmitter on one instance, a receiver on each other", () ->
                engines.stream().allMatch(e -> bound(e, "split") == 1)
                        && engines.stream().filter(e -> holds(e, "split", "BOUND_TX")).count() == 1);
        GatewayEngine transmitter = engines.stream().filter(e -> holds(e, "split", "BOUND_TX")).findFirst()
                .orElseThrow();

        List<String> msgIds = publishSmsOut("split", MESSAGES);

        Await.until("every final status", () -> finalIds().containsAll(msgIds));
        sleepThroughSyncRounds();
        Map<String, Long> finals = dlrIn.stream().filter(event -> !"sent".equals(status(event)))
                .collect(Collectors.groupingBy(event -> event.get("msg_id").getAsString(), Collectors.counting()));
        assertTrue(finals.values().stream().allMatch(count -> count == 1), "one final DLR_IN each: " + finals);
        assertEquals(MESSAGES, smsc.counters().submitsAccepted());
        assertEquals(new HashSet<>(msgIds), publishedBy(transmitter, "sent"));
        assertEquals(Set.of(), finalsPublishedBy(transmitter), "no receipt can arrive on a transmitter");
        for (GatewayEngine receiver : engines) {
            if (receiver != transmitter) {
                // the SMSC deals receipts round the receiving binds: each one's instance correlates some
                assertTrue(!finalsPublishedBy(receiver).isEmpty(), "receipts correlated by each receiving instance");
            }
        }
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void anInstanceThatLeavesHandsItsBindsToTheOthers(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        addGateway(engines.get(0), "handover", 0, 0, instances);
        Await.until("one bind on each instance", () -> engines.stream().allMatch(e -> bound(e, "handover") == 1));

        assertTrue(engines.get(0).stop(), "the first instance stopped cleanly");

        List<GatewayEngine> left = engines.subList(1, instances);
        Await.until("the instances left hold every bind, each at least its own", () ->
                left.stream().mapToLong(e -> bound(e, "handover")).sum() == instances
                        && left.stream().allMatch(e -> bound(e, "handover") >= 1));
        Await.until(instances + " binds at the SMSC, all of the instances left", () -> boundAtSmsc() == instances);
        List<String> msgIds = publishSmsOut("handover", 10);
        Await.until("SMS_OUT sent by the instances left", () -> sentIds().containsAll(msgIds));
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void aRunThatReplacesACrashedOneTakesItAsGoneAtOnceAndDealsTheBindsWithoutIt(int instances) {
        List<GatewayEngine> running = cluster.start(instances - 1);
        String crashed = UUID.randomUUID().toString();
        database.database().cluster().heartbeat(crashed, "this-host", System.currentTimeMillis());
        addGateway(running.get(0), "after-crash", 0, 0, instances);

        GatewayEngine restarted = cluster.start(cluster.nextStores(), options -> options.replacedInstance(crashed));

        List<String> live = restarted.liveInstances().stream().map(Instance::id).toList();
        assertTrue(!live.contains(crashed), "the crashed run is gone at once: " + live);
        assertTrue(live.contains(restarted.instanceId()), "the restarted run is live: " + live);
        Await.until("the binds over the live instances, one each", () ->
                cluster.instances().stream().allMatch(e -> bound(e, "after-crash") == 1));
        Await.until(instances + " binds at the SMSC", () -> boundAtSmsc() == instances);
    }

    /** The msg_ids of the DLR_IN events with this status that an instance published. */
    private Set<String> publishedBy(GatewayEngine engine, String status) {
        return cluster.dlrInOf(engine).stream().filter(e -> e.status().equals(status)).map(e -> e.msgId())
                .collect(Collectors.toSet());
    }

    private Set<String> finalsPublishedBy(GatewayEngine engine) {
        return cluster.dlrInOf(engine).stream().filter(e -> !e.status().equals("sent")).map(e -> e.msgId())
                .collect(Collectors.toSet());
    }

    private static boolean holds(GatewayEngine engine, String smscId, String status) {
        return engine.smscPool().get(smscId).map(client -> client.connections().stream()
                .anyMatch(connection -> connection.status().equals(status))).orElse(false);
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

    private Set<String> sentIds() {
        return dlrIn.stream().filter(event -> "sent".equals(status(event)))
                .map(event -> event.get("msg_id").getAsString()).collect(Collectors.toSet());
    }

    private Set<String> finalIds() {
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
