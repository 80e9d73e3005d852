package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.persistence.Database;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.cluster.ConnectionSide;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import io.smppgateway.store.cluster.InstanceConnection;
import io.smppgateway.store.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances on one MariaDB database: each lists, besides its own connections, those of
 * the other as the other published them with its heartbeat, and no longer once the other is gone.
 */
class ConnectionsOfEveryInstanceTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector esmeConnector = new SmppConnector();

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

    private GatewayEngine engine(Database stores) {
        EngineOptions options = EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0))
                .configPollInterval(Duration.ofMillis(200))
                .build();
        return closing(GatewayEngine.start(options, stores, closing(new InProcessMessageBus())));
    }

    @Test
    void eachInstanceListsTheOthersEsmeAndSmscBindsUntilTheOtherStops() {
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
        Database storesOfB = closing(database.anotherInstance());
        SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
        GatewayEngine a = engine(database.database());
        GatewayEngine b = engine(storesOfB);
        Client client = database.database().clients().create(Client.builder().username("esme-on-a")
                .password("secret").binds(1).enabled(true).build());
        Gateway gateway = database.database().gateways().create(Gateway.builder().smscId("seen-by-both")
                .host("127.0.0.1").port(smsc.port()).username("gw").password("pw").enqInterval(30)
                .srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4")
                .gsm7(true).secure(false).enabled(true).build());
        b.gatewaySaved(gateway).join();
        TestEsme.bind(esmeConnector, a.esmeServer().port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4,
                "esme-on-a");

        ConnectionSnapshot esmeOnA = Await.until("the ESME's bind in A's own connections",
                () -> bound(a.connections(), ConnectionSide.ESME, client.id()).orElse(null));
        InstanceConnection seenByB = Await.until("A's ESME bind listed by B", () -> b.connectionsOfOtherInstances()
                .stream().filter(c -> c.connection().connectionId().equals(esmeOnA.connectionId())).findFirst()
                .orElse(null));
        assertEquals(a.instanceId(), seenByB.instanceId());
        assertEquals(a.instanceHost(), seenByB.instanceHost());
        assertEquals(esmeOnA.remoteAddr(), seenByB.connection().remoteAddr());
        assertEquals("BIND_TRX", seenByB.connection().bindType().label());

        ConnectionSnapshot smscOfB = Await.until("B's bind to the SMSC in B's own connections",
                () -> bound(b.connections(), ConnectionSide.SMSC, gateway.id()).orElse(null));
        InstanceConnection seenByA = Await.until("B's SMSC bind listed by A", () -> a.connectionsOfOtherInstances()
                .stream().filter(c -> c.connection().connectionId().equals(smscOfB.connectionId())).findFirst()
                .orElse(null));
        assertEquals(b.instanceId(), seenByA.instanceId());
        assertTrue(b.connectionsOfOtherInstances().stream().noneMatch(c -> c.instanceId().equals(b.instanceId())),
                "an instance's own connections come from its memory, not from the database");

        a.stop();

        Await.until("A's connections gone from B's list", () -> b.connectionsOfOtherInstances().stream()
                .noneMatch(c -> c.instanceId().equals(a.instanceId())));
        assertTrue(bound(b.connections(), ConnectionSide.SMSC, gateway.id()).isPresent(), "B's own bind stays");
    }

    @Test
    void whyAnotherInstancesBindIsDownIsListedWithIt() {
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
        Database storesOfB = closing(database.anotherInstance());
        SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()
                .withCredentials(java.util.Map.of("gw", "right"))));
        GatewayEngine a = engine(database.database());
        GatewayEngine b = engine(storesOfB);
        Gateway gateway = database.database().gateways().create(Gateway.builder().smscId("refused")
                .host("127.0.0.1").port(smsc.port()).username("gw").password("wrong").enqInterval(30)
                .srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4")
                .gsm7(true).secure(false).enabled(true).build());
        a.gatewaySaved(gateway).join();

        InstanceConnection refusedOnA = Await.until("A's refused bind, with why, listed by B", () ->
                b.connectionsOfOtherInstances().stream().filter(c -> c.instanceId().equals(a.instanceId())
                        && c.connection().ownerId() == gateway.id()
                        && !c.connection().lastError().isEmpty()).findFirst().orElse(null));
        assertTrue(refusedOnA.connection().lastError().startsWith("bind refused: ESME_RINVPASWD"),
                refusedOnA.connection().lastError());
    }

    private static Optional<ConnectionSnapshot> bound(List<ConnectionSnapshot> connections, ConnectionSide side,
                                                      long ownerId) {
        return connections.stream().filter(c -> c.side() == side && c.ownerId() == ownerId
                && c.status().isBound()).findFirst();
    }
}
