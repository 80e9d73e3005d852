package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.GatewayStores;
import io.smppgateway.store.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An instance that joins running ones takes its share of an SMSC account's binds only after they
 * closed theirs, so the SMSC never sees more binds than the gateway's counts, which providers cap
 * per account (a bind over the cap is refused). The SMSC's bound sessions are sampled every 10 ms
 * from before the join until the binds are dealt over every instance.
 */
class JoiningInstanceBindsTest {

    private static final int BINDS = 3;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
    private final TestBus topics = closing(new TestBus(TestBus.Kind.NSQ));
    private final SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));

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

    @ParameterizedTest(name = "{0} instances joining one")
    @ValueSource(ints = {1, 2})
    void theSmscNeverSeesMoreBindsThanTheGatewaysCountsWhileInstancesJoin(int joining) throws Exception {
        GatewayEngine first = engine(database.database(), topics.bus());
        Gateway gateway = database.database().gateways().create(Gateway.builder().smscId("capped").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(BINDS).smppVersion("3.4").gsm7(true)
                .secure(false).enabled(true).build());
        first.gatewaySaved(gateway).join();
        Await.until("the first instance holds every bind", () -> bound(first) == BINDS);

        AtomicLong most = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                most.accumulateAndGet(boundAtSmsc(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bound-sessions-sampler");
        sampler.start();
        List<GatewayEngine> instances = new ArrayList<>(List.of(first));
        for (int i = 0; i < joining; i++) {
            instances.add(engine(closing(database.anotherInstance()), topics.anotherInstance()));
        }
        int expectedEach = BINDS / instances.size();
        Await.until("the binds dealt over every instance", () -> instances.stream()
                .allMatch(engine -> bound(engine) >= expectedEach) && boundAtSmsc() == BINDS ? true : null);
        Thread.sleep(1_000); // and a while after, when a late re-deal would open one more
        sampling.set(false);
        sampler.join();

        assertEquals(BINDS, boundAtSmsc());
        assertTrue(most.get() <= BINDS, "at most " + BINDS + " binds at the SMSC at any sample: " + most.get());
        assertEquals(BINDS, instances.stream().mapToLong(JoiningInstanceBindsTest::bound).sum());
    }

    private static long bound(GatewayEngine engine) {
        return engine.smscPool().get("capped").map(client -> client.connections().stream()
                .filter(connection -> connection.status().startsWith("BOUND")).count()).orElse(0L);
    }

    private long boundAtSmsc() {
        return smsc.sessions().stream().filter(session -> session.state().isBound()).count();
    }
}
