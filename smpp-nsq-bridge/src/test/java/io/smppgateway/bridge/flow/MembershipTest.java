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
import io.smppgateway.store.client.Client;
import io.smppgateway.store.cluster.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gateway instances on one MariaDB database, two and three of them, find each other there with
 * nothing configured, and take an instance that stops heart-beating as gone once its last
 * heartbeat is 10 s old: every other one stops listing it, and its ESME binds stop counting against
 * their clients' caps. Point 1 of the cluster's behaviours (the map is in {@link TestCluster}); the
 * 10 s rule itself, with explicit times, is smpp-persistence's {@code ClusterStoreTest}.
 */
class MembershipTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector esmeConnector = new SmppConnector();
    private final TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
    private final TestCluster cluster = closing(new TestCluster(database, null));

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
    void instancesFindEachOtherAndTakeOneThatStopsHeartBeatingAsGoneWithItsEsmeBinds(int instances) {
        List<GatewayEngine> others = cluster.start(instances - 1);
        CutOffStores storesOfSilent = new CutOffStores(cluster.nextStores());
        GatewayEngine silent = cluster.start(storesOfSilent);
        Set<String> everyInstance = cluster.instances().stream().map(GatewayEngine::instanceId)
                .collect(Collectors.toSet());
        Await.until("every instance lists every instance as live", () -> cluster.instances().stream()
                .allMatch(engine -> liveIds(engine).equals(everyInstance)));
        Client client = database.database().clients().create(Client.builder().username("esme-of-silent")
                .password("secret").binds(1).enabled(true).build());
        TestEsme.bind(esmeConnector, silent.esmeServer().port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4,
                client.username());
        for (GatewayEngine other : others) {
            assertRefusedOverTheCap(other, client.username());
        }

        long silentSince = System.nanoTime();
        storesOfSilent.cut(true);

        Set<String> rest = others.stream().map(GatewayEngine::instanceId).collect(Collectors.toSet());
        for (GatewayEngine other : others) {
            Await.until("the silent instance taken as gone by every other", () -> liveIds(other).equals(rest));
        }
        System.out.printf("an instance cut off from the database was taken as gone by the %d other(s) %d ms after"
                + " it was cut off%n", others.size(), (System.nanoTime() - silentSince) / 1_000_000);
        Await.until("its ESME bind no longer counted", () -> database.database().cluster().bindsOf(client.id()) == 0);
        TestEsme.bind(esmeConnector, others.get(others.size() - 1).esmeServer().port(), BindType.TRANSCEIVER,
                InterfaceVersion.SMPP_3_4, client.username());
        assertEquals(1, database.database().cluster().bindsOf(client.id()), "the new bind counts");
    }

    private void assertRefusedOverTheCap(GatewayEngine engine, String systemId) {
        CompletionException refused = assertThrows(CompletionException.class, () -> TestEsme.bind(esmeConnector,
                engine.esmeServer().port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, systemId));
        BindRefusedException bind = assertInstanceOf(BindRefusedException.class, refused.getCause());
        assertEquals(CommandStatus.ESME_RBINDFAIL.value(), bind.commandStatus(), "a bind over the cap");
    }

    private static Set<String> liveIds(GatewayEngine engine) {
        return engine.liveInstances().stream().map(Instance::id).collect(Collectors.toSet());
    }
}
