package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.GatewayStores;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gateway instances on one MariaDB database, two and three of them: a change made through one
 * instance (its store and its engine, as its REST API does) takes effect on every other, which
 * only reads the database; and a client's {@code binds} is its cap across all of them.
 * Points 2 and 3 of the cluster's behaviours (the map is in {@link TestCluster}).
 */
class SharedConfigurationTest {

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
    void aGatewayAddedThenDisabledThroughOneInstanceIsBoundThenUnboundByEveryOther(int instances) {
        SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
        List<GatewayEngine> engines = cluster.start(instances);
        GatewayEngine a = engines.get(0);

        Gateway added = cluster.storesOf(a).gateways().create(gateway("shared", smsc.port()));
        a.gatewaySaved(added).join();

        Await.until("a bind from each instance", () -> boundSessions(smsc) == instances
                && engines.stream().allMatch(engine -> bound(engine, "shared") == 1));
        // A few sync rounds later, no instance has bound again: the change is applied once on each.
        long bindsThen = smsc.counters().bindsAccepted();
        sleepThroughSyncRounds();
        assertEquals(instances, bindsThen);
        assertEquals(bindsThen, smsc.counters().bindsAccepted());

        a.gatewaySaved(cluster.storesOf(a).gateways().update(added.toBuilder().enabled(false).build())).join();

        Await.until("no bind left on any instance", () -> boundSessions(smsc) == 0
                && engines.stream().allMatch(engine -> bound(engine, "shared") == 0));
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void aGatewayEditedThenDeletedThroughTheNewestInstanceIsReboundThenUnboundByEveryOther(int instances) {
        SmscSimulator before = closing(SmscSimulator.start(SimulatorConfig.defaults()));
        SmscSimulator after = closing(SmscSimulator.start(SimulatorConfig.defaults()));
        List<GatewayEngine> engines = cluster.start(instances);
        GatewayEngine newest = engines.get(instances - 1);
        GatewayStores storesOfNewest = cluster.storesOf(newest);
        Gateway added = storesOfNewest.gateways().create(gateway("moved", before.port()));
        newest.gatewaySaved(added).join();
        Await.until("a bind from each instance to the first SMSC", () -> boundSessions(before) == instances
                && engines.stream().allMatch(engine -> bound(engine, "moved") == 1));

        newest.gatewaySaved(storesOfNewest.gateways().update(added.toBuilder().port(after.port()).build())).join();

        Await.until("every instance rebound to the edited address", () -> boundSessions(after) == instances
                && boundSessions(before) == 0 && engines.stream().allMatch(engine -> bound(engine, "moved") == 1));
        assertEquals(instances, after.counters().bindsAccepted(), "one rebind on each instance");

        storesOfNewest.gateways().delete(added.id());
        newest.gatewayDeleted(added).join();

        Await.until("no bind left on any instance", () -> boundSessions(after) == 0
                && engines.stream().allMatch(engine -> bound(engine, "moved") == 0));
        assertEquals(instances, after.counters().bindsAccepted(), "no instance bound the deleted gateway again");
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void anEsmeBoundToAnyInstanceIsUnboundWhenItsClientIsDisabledOrDeletedThroughOne(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        GatewayEngine a = engines.get(0);
        GatewayStores storesOfA = cluster.storesOf(a);
        Client disabled = storesOfA.clients().create(client("esme-disabled", instances));
        Client deleted = storesOfA.clients().create(client("esme-deleted", instances));
        List<TestEsme> ofDisabled = bindOnEach(engines, disabled.username());
        List<TestEsme> ofDeleted = bindOnEach(engines, deleted.username());

        a.clientChanged(storesOfA.clients().update(disabled.toBuilder().enabled(false).build()), false).join();

        Await.until("the disabled client's binds closed on every instance", () -> ofDisabled.stream()
                .noneMatch(esme -> esme.session().state().isBound()));
        assertTrue(ofDeleted.stream().allMatch(esme -> esme.session().state().isBound()), "the other client's stay");

        storesOfA.clients().delete(deleted.id());
        a.clientChanged(deleted, true).join();

        Await.until("the deleted client's binds closed on every instance", () -> ofDeleted.stream()
                .noneMatch(esme -> esme.session().state().isBound()));
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void aClientsBindsAreItsCapAcrossEveryInstance(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        database.database().clients().create(client("esme-capped", instances));
        List<TestEsme> oneOnEach = bindOnEach(engines, "esme-capped");

        for (GatewayEngine engine : engines) {
            assertEquals(CommandStatus.ESME_RBINDFAIL.value(), refusedBind(engine.esmeServer().port(), "esme-capped"),
                    "a bind over the cap, on an instance that holds one");
        }
        oneOnEach.get(instances - 1).session().close();
        Await.until("the closed bind released", () ->
                database.database().cluster().bindsOf(clientId("esme-capped")) == instances - 1);
        TestEsme.bind(esmeConnector, engines.get(0).esmeServer().port(), BindType.TRANSCEIVER,
                InterfaceVersion.SMPP_3_4, "esme-capped");
        assertEquals(instances, database.database().cluster().bindsOf(clientId("esme-capped")));
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void bindsArrivingAtEveryInstanceAtOnceNeverExceedTheCap(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        int cap = 2;
        database.database().clients().create(client("esme-racing", cap));
        List<CompletableFuture<ChannelSession>> attempts = new ArrayList<>();
        // Two binds to each instance, all sent before any is answered.
        for (int round = 0; round < 2; round++) {
            for (GatewayEngine engine : engines) {
                attempts.add(bindAttempt(engine.esmeServer().port(), "esme-racing"));
            }
        }

        int accepted = 0;
        for (CompletableFuture<ChannelSession> attempt : attempts) {
            try {
                attempt.join();
                accepted++;
            } catch (CompletionException refused) {
                assertTrue(refused.getCause() instanceof BindRefusedException bind
                        && bind.commandStatus() == CommandStatus.ESME_RBINDFAIL.value(), refused.toString());
            }
        }

        assertEquals(cap, accepted, "binds accepted of " + attempts.size() + " over " + instances + " instances");
        assertEquals(cap, database.database().cluster().bindsOf(clientId("esme-racing")));
    }

    private List<TestEsme> bindOnEach(List<GatewayEngine> engines, String systemId) {
        List<TestEsme> esmes = new ArrayList<>();
        for (GatewayEngine engine : engines) {
            TestEsme esme = TestEsme.bind(esmeConnector, engine.esmeServer().port(), BindType.TRANSCEIVER,
                    InterfaceVersion.SMPP_3_4, systemId);
            assertTrue(esme.session().state().isBound());
            esmes.add(esme);
        }
        return esmes;
    }

    private static Client client(String username, int binds) {
        return Client.builder().username(username).password("secret").binds(binds).enabled(true).build();
    }

    private static Gateway gateway(String smscId, int port) {
        return Gateway.builder().smscId(smscId).host("127.0.0.1").port(port).username("gw").password("pw")
                .enqInterval(30).srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1)
                .smppVersion("3.4").gsm7(true).secure(false).enabled(true).build();
    }

    private long clientId(String username) {
        return database.database().clients().findByUsername(username).orElseThrow().id();
    }

    private CompletableFuture<ChannelSession> bindAttempt(int port, String systemId) {
        return esmeConnector.connectAndBind("127.0.0.1", port, null, Duration.ofSeconds(5), SessionConfig.defaults(),
                BindRequest.of(BindType.TRANSCEIVER, 1, systemId, "secret", "", InterfaceVersion.SMPP_3_4,
                        Address.EMPTY), (session, request) -> null, PduListener.NONE);
    }

    /** The command_status of a bind the server refused. */
    private int refusedBind(int port, String systemId) {
        try {
            bindAttempt(port, systemId).join();
        } catch (CompletionException refused) {
            if (refused.getCause() instanceof BindRefusedException bind) {
                return bind.commandStatus();
            }
            throw refused;
        }
        throw new AssertionError("the bind was accepted");
    }

    private static void sleepThroughSyncRounds() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long bound(GatewayEngine engine, String smscId) {
        return engine.smscPool().get(smscId).map(client -> client.connections().stream()
                .filter(connection -> connection.status().startsWith("BOUND")).count()).orElse(0L);
    }

    private static long boundSessions(SmscSimulator smsc) {
        return smsc.sessions().stream().filter(session -> session.state().isBound()).count();
    }
}
