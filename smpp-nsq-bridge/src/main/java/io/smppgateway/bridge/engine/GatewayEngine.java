package io.smppgateway.bridge.engine;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.flow.CorrelationFlow;
import io.smppgateway.bridge.flow.ExpiryFlow;
import io.smppgateway.bridge.flow.InboundFlow;
import io.smppgateway.bridge.flow.OutboundFlow;
import io.smppgateway.bridge.flow.PoolSmscGateways;
import io.smppgateway.bridge.flow.BindShare;
import io.smppgateway.bridge.flow.ReceiptFlow;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.client.GatewayClient;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.log.FileModes;
import io.smppgateway.smpp.log.LogFileLayout;
import io.smppgateway.smpp.log.PduLogFormat;
import io.smppgateway.smpp.log.PduLogWriter;
import io.smppgateway.smpp.log.PeerResolver;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.store.GatewayStores;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import io.smppgateway.store.cluster.Instance;
import io.smppgateway.store.cluster.InstanceConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole gateway on the stores (smpp-persistence's {@code Database}) and a message bus the host opened: the SMPP server ESMEs bind
 * to, the client pool bound to every enabled stored gateway, and the four message flows between
 * them and the application; with {@link EngineOptions#pduLogs()}, the PDU log files of every ESME and
 * SMSC too. The host keeps the database and the bus, and closes them after {@link #stop()};
 * everything else is the engine's.
 *
 * <pre>{@code
 * try (Database database = Database.embedded(Path.of("data/smpp"));
 *      MessageBus bus = new InProcessMessageBus();
 *      GatewayEngine engine = GatewayEngine.start(EngineOptions.builder().build(), database, bus)) {
 *     bus.consume(Topic.SMS_IN, "app", delivery -> { ... });
 * }
 * }</pre>
 *
 * <p>Instances that share the database behave as one configuration: a gateway or client changed
 * through any instance's REST API is applied on every instance within
 * {@link EngineOptions#configPollInterval()} (see {@code ConfigSync}).
 *
 * <p>{@link #stop()} stops in the order that loses nothing:
 * <ol>
 *   <li>stop taking new work: no more SMS_OUT or DLR_OUT is consumed, without waiting;</li>
 *   <li>let submits the SMSCs were sent get their answers (bounded), so that their DLR_IN
 *       {@code sent} is published and they are not sent twice after a restart; submits still
 *       queued (an SMSC down) are not waited for;</li>
 *   <li>unbind every ESME and every SMSC session, all in parallel; queued submits fail;</li>
 *   <li>hand back what is held: every SMS_OUT taken and not sent is requeued at once (NSQ REQ 0),
 *       so that nsqd redelivers it to the next consumer without waiting for its msg_timeout;</li>
 *   <li>close the flows and the store calls;</li>
 *   <li>write the PDU log entries still queued (the unbinds among them), then close the log files.</li>
 * </ol>
 */
public final class GatewayEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayEngine.class);
    private static final Duration OUTBOUND_DRAIN = Duration.ofSeconds(2);
    private static final Duration REBIND_DRAIN = Duration.ofSeconds(2);

    private final EngineOptions options;
    private final GatewayStores stores;
    private final Lifecycle lifecycle;
    private final PoolSmscGateways smscGateways;
    private final ThreadPoolExecutor storeCalls = storeExecutor();
    private final String instanceId = UUID.randomUUID().toString();
    private final String instanceHost = InstanceHeartbeat.hostName();
    /** Volatile: the PDU log asks it for the bound ESMEs on the event loops. */
    private volatile SmppServer server;
    private PduLogWriter pduLogs;
    private GatewayPool pool;
    private OutboundFlow outbound;
    private ConfigSync configSync;
    private OwnConnections ownConnections;

    private GatewayEngine(EngineOptions options, GatewayStores stores) {
        this.options = options;
        this.stores = stores;
        this.lifecycle = new Lifecycle(options.stopBudget());
        this.smscGateways = new PoolSmscGateways(REBIND_DRAIN, EngineOptions.SESSION_UNBIND_TIMEOUT,
                options.smscTrustedCa());
    }

    /**
     * Starts the engine: the ESMEs' port listens and every enabled stored gateway starts binding.
     * When a part cannot start, what did start is stopped again and the exception says which part
     * failed (a port in use has a {@link java.net.BindException} among its causes).
     */
    public static GatewayEngine start(EngineOptions options, GatewayStores stores, MessageBus bus) {
        GatewayEngine engine = new GatewayEngine(options, stores);
        try {
            engine.open(bus);
            return engine;
        } catch (Exception e) {
            // Exception, not RuntimeException: Netty's bind rethrows the checked BindException unchecked
            engine.lifecycle.stop();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.toString(), e);
        }
    }

    private void open(MessageBus bus) {
        if (options.pduLogs() != null) {
            // stops last: what the stages before it log (every unbind) is written
            pduLogs = lifecycle.add("PDU logs (writing what is queued)", openPduLogs(options.pduLogs()));
        }
        lifecycle.add("store calls", storeCalls::shutdownNow);
        if (options.replacedInstance() != null && !options.replacedInstance().equals(instanceId)) {
            // this host's previous run, over (a crash leaves its row for 10 s): gone now, not in 10 s
            stores.cluster().leave(options.replacedInstance());
        }
        InstanceHeartbeat heartbeat = new InstanceHeartbeat(stores.cluster(), instanceId, instanceHost);
        heartbeat.start();
        lifecycle.add("instance heartbeat (leaving the cluster)", heartbeat);
        ConsumerGate consumers = new ConsumerGate(bus);
        InboundFlow inbound = new InboundFlow(stores.inbound(), bus, options.flows());
        CorrelationFlow correlation = new CorrelationFlow(bus, stores.outbound(), options.flows(), options.dlrIn());
        lifecycle.addTogether(new Lifecycle.Part("inbound flow", inbound),
                new Lifecycle.Part("correlation flow", correlation));

        AtomicReference<ReceiptFlow> receipts = new AtomicReference<>();
        server = SmppServer.start(options.esmeServer(), new StoreEsmeAccounts(stores.clients(), stores.cluster(), instanceId, storeCalls), inbound,
                esmePduListener(), bound -> {
                    ReceiptFlow flow = receipts.get();
                    if (flow != null) {
                        flow.onBind(bound.account().id());
                    }
                });
        SmppConnector connector = new SmppConnector();
        pool = new GatewayPool(connector, smscGateways::inboundFor, smscPduListeners());
        smscGateways.attach(pool);
        ownConnections = new OwnConnections(server, pool, smscGateways);
        heartbeat.publish(ownConnections);

        ReceiptFlow receiptFlow = new ReceiptFlow(consumers, stores.inbound(), stores.pendingReceipts(),
                server.sessions(), options.flows(), instanceId);
        receipts.set(receiptFlow);
        outbound = new OutboundFlow(consumers, stores.outbound(), smscGateways, options.flows(), options.dlrIn());
        ExpiryFlow expiry = new ExpiryFlow(bus, stores.outbound(), options.flows(), options.dlrIn());
        lifecycle.addTogether(new Lifecycle.Part("receipt flow", receiptFlow),
                new Lifecycle.Part("outbound flow", outbound), new Lifecycle.Part("expiry", expiry));
        // The flows close only once the sessions are gone: a submit the pool still queued is failed by
        // its stop, and the flow hands its SMS_OUT back before its consumer closes.
        lifecycle.add("SMS_OUT and DLR_OUT handed back", consumers::awaitHandedBack);
        lifecycle.addTogether(new Lifecycle.Part("SMPP server (unbinding every ESME)", server),
                new Lifecycle.Part("SMPP client (unbinding every SMSC)", () -> {
                    pool.close();
                    connector.close();
                }));
        lifecycle.add("submits in flight", this::awaitOutboundInFlight);
        lifecycle.add("SMS_OUT and DLR_OUT consumers", consumers::stopTaking);

        if (bus.reachesOtherInstances()) {
            // the instances on these topics share each SMSC account's binds (BindShare); one that joins
            // others opens its share once they closed theirs
            smscGateways.shareBinds(gateway -> heartbeat.joining() ? BindShare.NONE
                    : BindShare.of(gateway, heartbeat.liveNow(), instanceId));
            heartbeat.onMembershipChange(live -> smscGateways.reshare());
        }
        configSync = new ConfigSync(stores, smscGateways, server);
        lifecycle.add("configuration sync", configSync);
        configSync.start(options.configPollInterval(), options.configFullReadInterval());
        correlation.start(smscGateways);
        receiptFlow.start();
        expiry.start();
        outbound.start();
        // stops first: the others take over this instance's share of the SMSC binds while it unbinds
        lifecycle.add("leaving the cluster", heartbeat::leave);
    }

    /** Creates the PDU log folders ({@link FileModes#PDU_LOGS}), so that a path that cannot be one fails the start. */
    private static PduLogWriter openPduLogs(PduLogConfig config) {
        for (Path folder : List.of(config.esmeFolder(), config.smscFolder())) {
            try {
                FileModes.PDU_LOGS.createFolders(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the PDU log folder " + folder + ": " + e.getMessage(), e);
            }
        }
        return PduLogWriter.withDefaults(LogFileLayout::file, config.maxFileBytes());
    }

    /** An ESME's PDUs go to the log of the client it bound as (its entries wait for the bind), then to the host's listener. */
    private PduListener esmePduListener() {
        if (pduLogs == null) {
            return options.esmePdus();
        }
        PduListener log = pduLogs.listener(options.pduLogs().esmeFolder(),
                PeerResolver.boundEsmes(() -> {
                    SmppServer running = server;
                    return running == null ? null : running.sessions();
                }), new PduLogFormat(true));
        return log.andThen(options.esmePdus());
    }

    /** An SMSC's PDUs go to its smsc_id's log, decoded with its gateway's alphabet, then to the host's listener. */
    private Function<String, PduListener> smscPduListeners() {
        if (pduLogs == null) {
            return options.smscPdus();
        }
        Path folder = options.pduLogs().smscFolder();
        return smscId -> pduLogs.listener(folder, PeerResolver.fixed(smscId), new PduLogFormat(gsm7(smscId)))
                .andThen(options.smscPdus().apply(smscId));
    }

    /** Whether the SMSC's default alphabet is GSM 7-bit, as its stored gateway says; GSM 7-bit when not known. */
    private boolean gsm7(String smscId) {
        return smscGateways.stored(smscId).map(Gateway::gsm7).orElse(true);
    }

    /** Store calls off the event loops: a few threads, a bounded queue; a full queue refuses at once. */
    private static ThreadPoolExecutor storeExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), runnable -> {
            Thread thread = new Thread(runnable, "store-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * A gateway was created or edited: run it with its new settings (rebinding when the connection
     * settings changed), or stop it when disabled. An edit that renamed its smsc_id stops the old name.
     */
    public CompletableFuture<Void> gatewaySaved(Gateway gateway) {
        return configSync.gatewaySaved(gateway);
    }

    /** A gateway was deleted: unbind it and forget it (SMS_OUT naming it is then rejected as unknown). */
    public CompletableFuture<Void> gatewayDeleted(Gateway gateway) {
        return configSync.gatewayDeleted(gateway);
    }

    /**
     * An ESME client was edited, disabled or deleted through this instance: its binds here are
     * closed at once (it binds again under the new settings when it still may); other instances
     * close theirs when their configuration sync sees the change.
     */
    public CompletableFuture<Void> clientChanged(Client client, boolean deleted) {
        return configSync.clientChanged(client, deleted);
    }

    /**
     * Waits (bounded) for the submits an SMSC has been sent to be answered. Submits still queued in a
     * gateway (its SMSC down, its windows full) were never sent: nothing is waited for them, the
     * unbind fails them and their SMS_OUT goes back to the bus at once.
     */
    private void awaitOutboundInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + OUTBOUND_DRAIN.toNanos();
        while (sentUnanswered() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int left = sentUnanswered();
        if (left > 0) {
            log.warn("{} submits still unanswered; their SMS_OUT messages go back to the bus", left);
        }
    }

    private int sentUnanswered() {
        int queued = 0;
        for (GatewayClient client : pool.all()) {
            queued += client.queueCount();
        }
        return Math.max(0, outbound.submitting() - queued);
    }

    /** This instance's id among those sharing the database, new at every start. */
    public String instanceId() {
        return instanceId;
    }

    /** The name of the host this instance runs on, as {@code gateway_instances} records it. */
    public String instanceHost() {
        return instanceHost;
    }

    /**
     * This instance's connections at this moment, ESME binds and SMSC binds, from memory. For an
     * ESME's, {@code queueCount} is what waits on the session only (the client's receipts waiting
     * in the store are the host's to add, as they are for {@link #connectionsOfOtherInstances()}).
     */
    public List<ConnectionSnapshot> connections() {
        return ownConnections.now();
    }

    /**
     * The connections every other live instance on the database last published (at most one
     * heartbeat old); those of an instance taken as gone are left out. Reads the database.
     */
    public List<InstanceConnection> connectionsOfOtherInstances() {
        return stores.cluster().connectionsOfOthers(instanceId,
                System.currentTimeMillis() - InstanceHeartbeat.GONE_AFTER.toMillis());
    }

    /**
     * The instances the shared database lists as live (each heart-beat within the last 10 seconds),
     * this one included, oldest start first, with their host and times. A blocking store call.
     */
    public List<Instance> liveInstances() {
        return stores.cluster().liveInstances(System.currentTimeMillis() - InstanceHeartbeat.GONE_AFTER.toMillis());
    }

    /** The SMPP server ESMEs bind to: its sessions, its ports, its connection count. */
    public SmppServer esmeServer() {
        return server;
    }

    /** The running gateways towards the SMSCs, by smsc_id. */
    public GatewayPool smscPool() {
        return pool;
    }

    /** Every stored gateway's settings as last saved, disabled ones too. */
    public PoolSmscGateways smscGateways() {
        return smscGateways;
    }

    /**
     * The PDU log writer, when {@link EngineOptions#pduLogs()} names its folders: its counters
     * (queued, dropped, failed, over the file limit, written) are the host's to show.
     */
    public Optional<PduLogWriter> pduLogs() {
        return Optional.ofNullable(pduLogs);
    }

    /** The bounded executor the engine's synchronous store calls run on; its queue shows the load. */
    public Executor storeCalls() {
        return storeCalls;
    }

    /**
     * Stops in the order of the class comment within the options' stop budget.
     *
     * @return whether everything stopped cleanly and in time
     */
    public boolean stop() {
        return lifecycle.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
