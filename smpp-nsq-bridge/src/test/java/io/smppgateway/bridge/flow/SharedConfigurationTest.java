package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.persistence.Database;
import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances on one MariaDB database: a change made through one instance (its store
 * and its engine, as its REST API does) takes effect on the other, which only reads the database.
 */
class SharedConfigurationTest {

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
    void aGatewayAddedThenDisabledThroughOneInstanceIsBoundThenUnboundByTheOther() {
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
        Database storesOfB = closing(database.anotherInstance());
        SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
        GatewayEngine a = engine(database.database());
        engine(storesOfB);

        Gateway added = database.database().gateways().create(Gateway.builder().smscId("shared").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true).secure(false)
                .enabled(true).build());
        a.gatewaySaved(added).join();

        Await.until("a bind from each instance", () -> boundSessions(smsc) == 2 ? true : null);
        // A few sync rounds later, neither instance has bound again: the change is applied once on each.
        long bindsThen = smsc.counters().bindsAccepted();
        sleepThroughSyncRounds();
        assertEquals(2, bindsThen);
        assertEquals(bindsThen, smsc.counters().bindsAccepted());

        a.gatewaySaved(database.database().gateways().update(added.toBuilder().enabled(false).build())).join();

        Await.until("no bind left on either instance", () -> boundSessions(smsc) == 0 ? true : null);
    }

    @Test
    void anEsmeBoundToOneInstanceIsUnboundWhenItsClientIsDisabledThroughTheOther() {
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
        Database storesOfB = closing(database.anotherInstance());
        GatewayEngine a = engine(database.database());
        GatewayEngine b = engine(storesOfB);
        Client client = database.database().clients().create(Client.builder().username("esme-shared")
                .password("secret").binds(2).enabled(true).build());
        TestEsme esme = TestEsme.bind(esmeConnector, b.esmeServer().port(), BindType.TRANSCEIVER,
                InterfaceVersion.SMPP_3_4, "esme-shared");
        assertTrue(esme.session().state().isBound());

        a.clientChanged(database.database().clients().update(client.toBuilder().enabled(false).build()), false).join();

        Await.until("the ESME's bind on the other instance closed", () -> esme.session().state().isBound() ? null : true);
    }

    @Test
    void aClientsBindsAreItsCapAcrossBothInstances() {
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
        Database storesOfB = closing(database.anotherInstance());
        GatewayEngine a = engine(database.database());
        GatewayEngine b = engine(storesOfB);
        database.database().clients().create(Client.builder().username("esme-capped").password("secret").binds(2)
                .enabled(true).build());

        TestEsme.bind(esmeConnector, a.esmeServer().port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4,
                "esme-capped");
        TestEsme onB = TestEsme.bind(esmeConnector, b.esmeServer().port(), BindType.TRANSCEIVER,
                InterfaceVersion.SMPP_3_4, "esme-capped");

        assertEquals(CommandStatus.ESME_RBINDFAIL.value(), refusedBind(a.esmeServer().port(), "esme-capped"),
                "a third bind, on the instance that holds one");
        onB.session().close();
        Await.until("the closed bind released", () ->
                database.database().cluster().bindsOf(clientId(database, "esme-capped")) == 1 ? true : null);
        TestEsme.bind(esmeConnector, a.esmeServer().port(), BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4,
                "esme-capped");
    }

    private static long clientId(TestDatabase database, String username) {
        return database.database().clients().findByUsername(username).orElseThrow().id();
    }

    /** The command_status of a bind the server refused. */
    private int refusedBind(int port, String systemId) {
        try {
            esmeConnector.connectAndBind("127.0.0.1", port, null, Duration.ofSeconds(5), SessionConfig.defaults(),
                    BindRequest.of(BindType.TRANSCEIVER, 1, systemId, "secret", "", InterfaceVersion.SMPP_3_4,
                            Address.EMPTY), (session, request) -> null, PduListener.NONE).join();
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

    private static long boundSessions(SmscSimulator smsc) {
        return smsc.sessions().stream().filter(session -> session.state().isBound()).count();
    }
}
