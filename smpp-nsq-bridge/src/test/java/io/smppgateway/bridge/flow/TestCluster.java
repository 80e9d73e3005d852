package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.bridge.message.DlrIn;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.store.GatewayStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Gateway instances as a cluster runs them: each a {@link GatewayEngine} with a connection pool of
 * its own on one MariaDB database and, given topics, a bus of its own on the same NSQ topics (the
 * SMSC binds are then shared out); without topics each instance has an in-process bus of its own,
 * so that every instance binds every gateway in full. ESMEs bind on port 0 of 127.0.0.1, and the
 * configuration is read for other instances' changes every 200 ms. Each instance's DLR_IN events
 * are kept apart, so that a test can say which instance published what.
 *
 * <p>Closing stops the instances, newest first, then closes the pools and buses it opened; the
 * database and the topics are the test's to close after.
 *
 * <p>What makes many instances one gateway (issue #14's points), and the tests that prove it, each
 * with 2 and with 3 instances on the real MariaDB and nsqd unless it says otherwise:
 * <ol>
 *   <li>membership: {@link MembershipTest} (found with nothing configured; one that stops
 *       heart-beating taken as gone by every other); the 10 s rule with explicit times in
 *       smpp-persistence's {@code ClusterStoreTest};</li>
 *   <li>configuration: {@link SharedConfigurationTest} (gateways added, edited, disabled and deleted,
 *       clients disabled and deleted through one instance, applied on every other);</li>
 *   <li>ESMEs: the cap across instances, and binds sent to every instance at once, in
 *       {@link SharedConfigurationTest} (same-moment reservations in the store in
 *       {@code ClusterStoreTest}); every instance's connections in
 *       {@link ConnectionsOfEveryInstanceTest}, and through the REST API of two daemons in
 *       smpp-runner's {@code ConnectionsOfEveryInstanceApiTest} (2 instances);</li>
 *   <li>SMSC binds in total, spread, reopened by the others, SMS_OUT handed to the holder of the
 *       transmitter and sent once: {@link SharedSmscBindsTest}, {@link MembershipTest} (the binds of
 *       an instance taken as gone); the deal's arithmetic for up to ten instances in
 *       {@link BindShareTest};</li>
 *   <li>receipts from SMSCs arriving on any instance's bind, correlated there once:
 *       {@link SharedSmscBindsTest};</li>
 *   <li>receipts to ESMEs, wherever they are bound, once: {@link SharedReceiptsTest};</li>
 *   <li>timers and sweeps done once and by every instance (expiry, retention purges; the waiting
 *       receipts' drain in {@link SharedReceiptsTest}): {@link SharedSweepsTest};</li>
 *   <li>failure: an instance cut off in {@link MembershipTest}, a crashed run replaced in
 *       {@link SharedSmscBindsTest}; kill -9 under load of one of two daemon processes in smpp-runner's
 *       {@code ClusterKillIT} (2 instances);</li>
 *   <li>rolling operations: instances starting at once on an empty database in smpp-persistence's
 *       {@code SimultaneousStartTest}; an instance that stops hands its SMSC binds over in
 *       {@link SharedSmscBindsTest}; the rows a release before {@code live_connections} leaves, in
 *       {@code ClusterStoreTest};</li>
 *   <li>NSQ topologies: an nsqd beside every instance and one nsqlookupd in
 *       {@link NsqdBesideEveryInstanceTest}; the daemon's keys for it, with one daemon, two nsqd and
 *       nsqlookupd, in smpp-runner's {@code LookupdTopologyTest};</li>
 *   <li>the embedded default stays one instance: every instance after the first on one embedded
 *       file refused, in smpp-persistence's {@code EmbeddedServesOneInstanceTest}; the daemon's one
 *       line for it and its mode line in smpp-runner's {@code GatewayStartFailureIT} (2 instances).</li>
 * </ol>
 */
final class TestCluster implements AutoCloseable {

    static final Duration CONFIG_POLL = Duration.ofMillis(200);

    private final TestDatabase database;
    private final TestBus topics;
    private final List<GatewayEngine> instances = new ArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Map<GatewayEngine, GatewayStores> storesOf = new IdentityHashMap<>();
    private final Map<GatewayEngine, List<DlrIn>> dlrInOf = new IdentityHashMap<>();
    private int poolsHandedOut;

    /** @param topics the NSQ topics every instance shares, or null for an in-process bus per instance */
    TestCluster(TestDatabase database, TestBus topics) {
        this.database = database;
        this.topics = topics;
    }

    /**
     * The stores the next instance runs on: the test database's own pool for the first, another pool
     * on the same database for each one after (closed with this cluster).
     */
    GatewayStores nextStores() {
        if (poolsHandedOut++ == 0) {
            return database.database();
        }
        return opening(database.anotherInstance());
    }

    /** Starts {@code count} instances, in order. */
    List<GatewayEngine> start(int count) {
        List<GatewayEngine> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(start());
        }
        return started;
    }

    GatewayEngine start() {
        return start(nextStores(), UnaryOperator.identity());
    }

    GatewayEngine start(GatewayStores stores) {
        return start(stores, UnaryOperator.identity());
    }

    /** @param options what this instance changes in the cluster's options */
    GatewayEngine start(GatewayStores stores, UnaryOperator<EngineOptions.Builder> options) {
        MessageBus bus = instances.isEmpty() && topics != null ? topics.bus()
                : topics != null ? topics.anotherInstance() : opening(new InProcessMessageBus());
        return start(stores, bus, options);
    }

    /** On a bus the test opened for this instance (and closes after this cluster). */
    GatewayEngine start(GatewayStores stores, MessageBus bus, UnaryOperator<EngineOptions.Builder> options) {
        List<DlrIn> heard = new CopyOnWriteArrayList<>();
        EngineOptions built = options.apply(EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0))
                .configPollInterval(CONFIG_POLL)
                .dlrIn(heard::add)).build();
        GatewayEngine engine = GatewayEngine.start(built, stores, bus);
        instances.add(engine);
        storesOf.put(engine, stores);
        dlrInOf.put(engine, heard);
        return engine;
    }

    /** The stores an instance runs on: what its REST API changes the configuration through. */
    GatewayStores storesOf(GatewayEngine instance) {
        return storesOf.get(instance);
    }

    /** The DLR_IN events this instance published, in order. */
    List<DlrIn> dlrInOf(GatewayEngine instance) {
        return List.copyOf(dlrInOf.get(instance));
    }

    /** Every instance started, oldest first (stopped ones too). */
    List<GatewayEngine> instances() {
        return List.copyOf(instances);
    }

    private <T extends AutoCloseable> T opening(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).stop();
        }
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }
}
