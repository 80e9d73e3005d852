package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.cluster.ConnectionSide;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import io.smppgateway.store.cluster.InstanceConnection;
import io.smppgateway.store.gateway.Gateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gateway instances on one MariaDB database, two and three of them: each lists, besides its own
 * connections, those of every other as the other published them with its heartbeat, and no longer
 * once the other is gone. Point 3 of the cluster's behaviours (the map is in {@link TestCluster}).
 */
class ConnectionsOfEveryInstanceTest {

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
    void eachInstanceListsEveryOthersEsmeAndSmscBindsUntilOneStops(int instances) {
        SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
        List<GatewayEngine> engines = cluster.start(instances);
        GatewayEngine newest = engines.get(instances - 1);
        Client client = database.database().clients().create(Client.builder().username("esme-everywhere")
                .password("secret").binds(instances).enabled(true).build());
        Gateway gateway = database.database().gateways().create(gateway("seen-by-all", smsc.port(), "pw"));
        // each instance has a bus of its own, so each binds the gateway in full: one bind each
        newest.gatewaySaved(gateway).join();
        for (GatewayEngine engine : engines) {
            TestEsme.bind(esmeConnector, engine.esmeServer().port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4,
                    "esme-everywhere");
        }

        for (GatewayEngine holder : engines) {
            ConnectionSnapshot esme = Await.until("the ESME's bind in its instance's own connections",
                    () -> bound(holder.connections(), ConnectionSide.ESME, client.id()).orElse(null));
            ConnectionSnapshot toSmsc = Await.until("the bind to the SMSC in its instance's own connections",
                    () -> bound(holder.connections(), ConnectionSide.SMSC, gateway.id()).orElse(null));
            for (GatewayEngine other : engines) {
                if (other == holder) {
                    continue;
                }
                InstanceConnection esmeSeen = awaitListed(other, esme);
                assertEquals(holder.instanceId(), esmeSeen.instanceId());
                assertEquals(holder.instanceHost(), esmeSeen.instanceHost());
                assertEquals(esme.remoteAddr(), esmeSeen.connection().remoteAddr());
                assertEquals("BIND_TRX", esmeSeen.connection().bindType().label());
                assertEquals(holder.instanceId(), awaitListed(other, toSmsc).instanceId());
            }
        }
        for (GatewayEngine engine : engines) {
            assertTrue(engine.connectionsOfOtherInstances().stream()
                    .noneMatch(c -> c.instanceId().equals(engine.instanceId())),
                    "an instance's own connections come from its memory, not from the database");
        }

        GatewayEngine stopped = engines.get(0);
        stopped.stop();

        List<GatewayEngine> left = engines.subList(1, instances);
        for (GatewayEngine engine : left) {
            Await.until("the stopped instance's connections gone from every list", () -> engine
                    .connectionsOfOtherInstances().stream().noneMatch(c -> c.instanceId().equals(stopped.instanceId())));
            assertTrue(bound(engine.connections(), ConnectionSide.SMSC, gateway.id()).isPresent(), "its own bind stays");
            for (GatewayEngine other : left) {
                if (other != engine) {
                    assertTrue(engine.connectionsOfOtherInstances().stream()
                            .anyMatch(c -> c.instanceId().equals(other.instanceId())),
                            "the connections of the instances still running are still listed");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void whyAnotherInstancesBindIsDownIsListedWithIt(int instances) {
        SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()
                .withCredentials(Map.of("gw", "right"))));
        List<GatewayEngine> engines = cluster.start(instances);
        Gateway gateway = database.database().gateways().create(gateway("refused", smsc.port(), "wrong"));
        engines.get(0).gatewaySaved(gateway).join();

        for (GatewayEngine holder : engines) {
            for (GatewayEngine other : engines) {
                if (other == holder) {
                    continue;
                }
                InstanceConnection refused = Await.until("a refused bind, with why, listed by every other instance",
                        () -> other.connectionsOfOtherInstances().stream()
                                .filter(c -> c.instanceId().equals(holder.instanceId())
                                        && c.connection().ownerId() == gateway.id()
                                        && !c.connection().lastError().isEmpty()).findFirst().orElse(null));
                assertTrue(refused.connection().lastError().startsWith("bind refused: ESME_RINVPASWD"),
                        refused.connection().lastError());
            }
        }
    }

    private static InstanceConnection awaitListed(GatewayEngine lister, ConnectionSnapshot connection) {
        return Await.until("connection " + connection.connectionId() + " listed by another instance", () -> lister
                .connectionsOfOtherInstances().stream()
                .filter(c -> c.connection().connectionId().equals(connection.connectionId())).findFirst().orElse(null));
    }

    private static Gateway gateway(String smscId, int port, String password) {
        return Gateway.builder().smscId(smscId).host("127.0.0.1").port(port).username("gw").password(password)
                .enqInterval(30).srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1)
                .smppVersion("3.4").gsm7(true).secure(false).enabled(true).build();
    }

    private static Optional<ConnectionSnapshot> bound(List<ConnectionSnapshot> connections, ConnectionSide side,
                                                      long ownerId) {
        return connections.stream().filter(c -> c.side() == side && c.ownerId() == ownerId
                && c.status().isBound()).findFirst();
    }
}
