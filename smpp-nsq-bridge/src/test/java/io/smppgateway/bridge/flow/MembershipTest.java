package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.cluster.Instance;
import io.smppgateway.store.gateway.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gateway instances on one MariaDB database and the same NSQ topics, two and three of them, find
 * each other in the database with nothing configured, and take an instance that stops
 * heart-beating (here: cut off from the database while the others reach it) as gone once its last
 * heartbeat is 10 s old. Every other instance then stops listing it, its ESME binds stop counting
 * against their clients' caps, and the others open its share of the SMSC binds while it closes
 * it, so that the SMSC never sees more than the gateway's binds; when it answers again it rejoins
 * and the binds are dealt again.
 *
 * <p>Points 1, 4 and 8 of the cluster's behaviours (the map is in {@link TestCluster}); the 10 s
 * rule itself, with explicit times, is smpp-persistence's {@code ClusterStoreTest}.
 */
class MembershipTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector esmeConnector = new SmppConnector();
    private final TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
    private final TestBus topics = closing(new TestBus(TestBus.Kind.NSQ));
    private final SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
    private final TestCluster cluster = closing(new TestCluster(database, topics));

    @AfterEach
    void stop() throws Exception {
        esmeConnector.close();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void anInstanceThatStopsHeartBeatingIsTakenAsGoneByEveryOtherWithItsEsmeBindsAndItsSmscShare(int instances) {
        List<GatewayEngine> others = cluster.start(instances - 1);
        CutOffStores storesOfSilent = new CutOffStores(cluster.nextStores());
        GatewayEngine silent = cluster.start(storesOfSilent);
        List<GatewayEngine> engines = cluster.instances();
        Set<String> everyInstance = ids(engines);
        Await.until("every instance lists every instance as live", () -> engines.stream()
                .allMatch(engine -> liveIds(engine).equals(everyInstance)));
        Gateway gateway = database.database().gateways().create(Gateway.builder().smscId("fenced").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(instances).smppVersion("3.4").gsm7(true)
                .secure(false).enabled(true).build());
        others.get(0).gatewaySaved(gateway).join();
        Await.until("one SMSC bind on each instance", () -> engines.stream().allMatch(e -> bound(e) == 1));
        Client client = database.database().clients().create(Client.builder().username("esme-of-silent")
                .password("secret").binds(1).enabled(true).build());
        TestEsme.bind(esmeConnector, silent.esmeServer().port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4,
                client.username());
        for (GatewayEngine other : others) {
            assertRefusedOverTheCap(other, client.username());
        }

        long silentSince = System.nanoTime();
        storesOfSilent.cut(true);

        Set<String> rest = ids(others);
        for (GatewayEngine other : others) {
            Await.until("the silent instance taken as gone by every other", () -> liveIds(other).equals(rest));
        }
        System.out.printf("an instance cut off from the database was taken as gone by the %d other(s) %d ms after"
                + " it was cut off%n", others.size(), (System.nanoTime() - silentSince) / 1_000_000);
        Await.until("its ESME bind no longer counted", () -> database.database().cluster().bindsOf(client.id()) == 0);
        TestEsme.bind(esmeConnector, others.get(others.size() - 1).esmeServer().port(), BindType.TRANSCEIVER,
                InterfaceVersion.SMPP_3_4, client.username());
        assertEquals(1, database.database().cluster().bindsOf(client.id()), "the new bind counts");
        Await.until("the others hold every SMSC bind, the silent instance none", () ->
                others.stream().mapToLong(MembershipTest::bound).sum() == instances && bound(silent) == 0);
        Await.until(instances + " binds at the SMSC", () -> boundAtSmsc() == instances);

        storesOfSilent.cut(false);

        Await.until("every instance lists every instance as live again", () -> engines.stream()
                .allMatch(engine -> liveIds(engine).equals(everyInstance)));
        Await.until("one SMSC bind on each again", () -> engines.stream().allMatch(e -> bound(e) == 1));
        Await.until(instances + " binds at the SMSC", () -> boundAtSmsc() == instances);
    }

    private void assertRefusedOverTheCap(GatewayEngine engine, String systemId) {
        CompletionException refused = assertThrows(CompletionException.class, () -> TestEsme.bind(esmeConnector,
                engine.esmeServer().port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, systemId));
        BindRefusedException bind = assertInstanceOf(BindRefusedException.class, refused.getCause());
        assertEquals(CommandStatus.ESME_RBINDFAIL.value(), bind.commandStatus(), "a bind over the cap");
    }

    private static Set<String> ids(List<GatewayEngine> engines) {
        return engines.stream().map(GatewayEngine::instanceId).collect(Collectors.toSet());
    }

    private static Set<String> liveIds(GatewayEngine engine) {
        return engine.liveInstances().stream().map(Instance::id).collect(Collectors.toSet());
    }

    private static long bound(GatewayEngine engine) {
        return engine.smscPool().get("fenced").map(client -> client.connections().stream()
                .filter(connection -> connection.status().startsWith("BOUND")).count()).orElse(0L);
    }

    private long boundAtSmsc() {
        return smsc.sessions().stream().filter(session -> session.state().isBound()).count();
    }
}
