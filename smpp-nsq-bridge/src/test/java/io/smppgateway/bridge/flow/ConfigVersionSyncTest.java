package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.persistence.Database;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.store.client.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Instances read the gateways and clients only when the stored configuration's version moved, or
 * at their full read: a change made through a store reaches the others by the version, long before
 * any full read; a change written into the tables by hand (which does not move the version) waits
 * for each instance's next full read.
 */
class ConfigVersionSyncTest {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration NEVER_IN_THIS_TEST = Duration.ofMinutes(10);

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

    private GatewayEngine engine(Database stores, Duration fullRead) {
        EngineOptions options = EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0))
                .configPollInterval(POLL)
                .configFullReadInterval(fullRead)
                .build();
        return closing(GatewayEngine.start(options, stores, closing(new InProcessMessageBus())));
    }

    private TestEsme bind(GatewayEngine engine, String systemId) {
        return TestEsme.bind(esmeConnector, engine.esmeServer().port(), BindType.TRANSCEIVER,
                InterfaceVersion.SMPP_3_4, systemId);
    }

    @Test
    void aClientDisabledThroughOneInstanceIsUnboundOnTheOtherByTheVersionWithoutAFullRead() {
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
        GatewayEngine a = engine(database.database(), NEVER_IN_THIS_TEST);
        GatewayEngine b = engine(closing(database.anotherInstance()), NEVER_IN_THIS_TEST);
        Client client = database.database().clients().create(Client.builder().username("esme-versioned")
                .password("secret").binds(2).enabled(true).build());
        TestEsme onB = bind(b, "esme-versioned");

        a.clientChanged(database.database().clients().update(client.toBuilder().enabled(false).build()), false).join();

        Await.until("the ESME's bind on the other instance closed", () -> onB.session().state().isBound() ? null : true);
    }

    @Test
    void aClientDisabledByHandInTheTableIsUnboundAtEachInstancesFullReadOnly() {
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
        GatewayEngine fullReadsOften = engine(database.database(), Duration.ofSeconds(2));
        GatewayEngine fullReadsNever = engine(closing(database.anotherInstance()), NEVER_IN_THIS_TEST);
        database.database().clients().create(Client.builder().username("esme-by-hand").password("secret")
                .binds(2).enabled(true).build());
        TestEsme onOften = bind(fullReadsOften, "esme-by-hand");
        TestEsme onNever = bind(fullReadsNever, "esme-by-hand");

        database.executeByHand("UPDATE clients SET enabled = 0 WHERE username = 'esme-by-hand'");

        Await.until("the bind on the instance whose full read came closed",
                () -> onOften.session().state().isBound() ? null : true);
        // it waited for that instance's full read, while the other polled the version every 200 ms
        assertTrue(onNever.session().state().isBound(), "the instance that only follows the version left it bound");
    }
}
