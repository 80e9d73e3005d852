package io.smppgateway.runner.daemon;

import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.flow.CorrelationFlow;
import io.smppgateway.bridge.flow.ExpiryFlow;
import io.smppgateway.bridge.flow.FlowConfig;
import io.smppgateway.bridge.flow.InboundFlow;
import io.smppgateway.bridge.flow.OutboundFlow;
import io.smppgateway.bridge.flow.PoolSmscGateways;
import io.smppgateway.bridge.flow.ReceiptFlow;
import io.smppgateway.http.AdminHttpServer;
import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.HttpConfig;
import io.smppgateway.http.logs.LogFolders;
import io.smppgateway.persistence.Database;
import io.smppgateway.persistence.gateway.Gateway;
import io.smppgateway.runner.config.BusChoice;
import io.smppgateway.runner.config.DatabaseChoice;
import io.smppgateway.runner.config.FileAccess;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.pdulog.PduLogWriter;
import io.smppgateway.runner.pdulog.PeerResolver;
import io.smppgateway.smpp.client.GatewayClient;
import io.smppgateway.smpp.client.GatewayConfig;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.log.LogFileLayout;
import io.smppgateway.smpp.log.PduLogFormat;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.server.BoundEsme;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the database, the message bus, the SMPP server ESMEs bind to, the client
 * pool bound to the SMSCs, the four message flows between them and the application, and the PDU
 * logs. {@link #start} opens them in dependency order; {@link #stop} (the SIGTERM path) closes
 * them in reverse within {@link #STOP_BUDGET}, the REST API and admin panel first:
 * <ol>
 *   <li>stop taking new work: no more SMS_OUT or DLR_OUT is consumed, without waiting;</li>
 *   <li>let submits the SMSCs were sent get their answers (bounded), so that their DLR_IN
 *       {@code sent} is published and they are not sent twice after a restart; submits still
 *       queued (an SMSC down) are not waited for;</li>
 *   <li>unbind every ESME and every SMSC session, all in parallel; queued submits fail;</li>
 *   <li>hand back what is held: every SMS_OUT taken and not sent is requeued at once (NSQ REQ 0),
 *       so that nsqd redelivers it to the next consumer without waiting for its msg_timeout;</li>
 *   <li>close the flows, the PDU logs (what is queued is written), the bus and the database
 *       (queued writes are committed).</li>
 * </ol>
 */
public final class GatewayDaemon implements AutoCloseable {

    /** Stopping may take this long, so that the process exits within the manual's 10 seconds. */
    public static final Duration STOP_BUDGET = Duration.ofSeconds(9);

    private static final Logger log = LoggerFactory.getLogger(GatewayDaemon.class);
    private static final Duration SESSION_UNBIND_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration OUTBOUND_DRAIN = Duration.ofSeconds(2);

    private final GatewaySettings settings;
    private final Lifecycle lifecycle = new Lifecycle(STOP_BUDGET);
    private final Map<String, Boolean> gsm7BySmsc = new ConcurrentHashMap<>();
    private final PoolSmscGateways smscGateways;
    private final TrafficCounters smscTraffic = new TrafficCounters();
    private final TrafficCounters esmeTraffic = new TrafficCounters();
    private final DlrInTally dlrInStatuses = new DlrInTally();
    private final ResponseTimes esmeSubmits = ResponseTimes.submits("esme_submit", PduDirection.RECEIVED);
    private final ResponseTimes smscSubmits = ResponseTimes.submits("smsc_submit", PduDirection.SENT);
    private final ResponseTimes smscReceipts = new ResponseTimes("smsc_receipt", PduDirection.RECEIVED,
            EnumSet.of(CommandId.DELIVER_SM, CommandId.DATA_SM));
    private Database database;
    private MessageBus bus;
    private PduLogWriter pduLogs;
    private SmppServer server;
    private GatewayPool pool;
    private OutboundFlow outbound;
    private AdminHttpServer http;

    private GatewayDaemon(GatewaySettings settings) {
        this.settings = settings;
        this.smscGateways = new PoolSmscGateways(Duration.ofSeconds(2), SESSION_UNBIND_TIMEOUT, settings.clientCa());
    }

    /**
     * Starts everything; when a part cannot start, what did start is stopped again and the
     * exception says which part failed.
     *
     * @param settings with the HTTP secrets completed
     */
    public static GatewayDaemon start(GatewaySettings settings) {
        GatewayDaemon daemon = new GatewayDaemon(settings);
        try {
            daemon.open();
            return daemon;
        } catch (Exception e) {
            // Exception, not RuntimeException: Netty's bind rethrows the checked BindException unchecked
            daemon.lifecycle.stop();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.toString(), e);
        }
    }

    private void open() {
        createFolders();
        database = lifecycle.add("database", openDatabase(settings.database()));
        bus = lifecycle.add("message bus", openBus(settings.bus()));
        ThreadPoolExecutor storeCalls = storeExecutor();
        lifecycle.add("store calls", storeCalls::shutdownNow);
        pduLogs = lifecycle.add("PDU logs", PduLogWriter.withDefaults(LogFileLayout::file,
                settings.pduLogMaxFileBytes()));

        FlowConfig flowConfig = FlowConfig.defaults().withChannel(channel(settings.bus()));
        ConsumerGate consumers = new ConsumerGate(bus);
        InboundFlow inbound = new InboundFlow(database.inbound(), bus, flowConfig);
        CorrelationFlow correlation = new CorrelationFlow(bus, database.outbound(), flowConfig, dlrInStatuses);
        lifecycle.addTogether(new Lifecycle.Part("inbound flow", inbound),
                new Lifecycle.Part("correlation flow", correlation));

        AtomicReference<ReceiptFlow> receipts = new AtomicReference<>();
        try {
            server = SmppServer.start(serverConfig(), new StoreEsmeAccounts(database.clients(), storeCalls), inbound,
                    serverPduListener(), bound -> {
                        ReceiptFlow flow = receipts.get();
                        if (flow != null) {
                            flow.onBind(bound.account().id());
                        }
                    });
        } catch (Exception e) {
            throw PortInUse.orElse(e, "SMPP", smppPorts());
        }
        SmppConnector connector = new SmppConnector();
        pool = new GatewayPool(connector, smscGateways::inboundFor, this::clientPduListener);
        smscGateways.attach(pool);

        ReceiptFlow receiptFlow = new ReceiptFlow(consumers, database.inbound(), database.pendingReceipts(),
                server.sessions(), flowConfig);
        receipts.set(receiptFlow);
        outbound = new OutboundFlow(consumers, database.outbound(), smscGateways, flowConfig, dlrInStatuses);
        ExpiryFlow expiry = new ExpiryFlow(bus, database.outbound(), flowConfig, dlrInStatuses);
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

        startGateways();
        correlation.start(smscGateways);
        receiptFlow.start();
        expiry.start();
        outbound.start();

        HttpBackend backend = new HttpBackend(database.gateways(), database.clients(),
                new LiveSessions(pool, smscGateways, server, database.pendingReceipts()), new LiveChanges(this, server),
                new LogFolders(settings.clientLogs(), settings.serverLogs()),
                new HealthChecks(database, bus, pool, smscGateways, storeCalls),
                new GatewayMetrics(new GatewayMetrics.Counters(smscTraffic, esmeTraffic, dlrInStatuses, esmeSubmits,
                        smscSubmits, smscReceipts), pool, smscGateways, pduLogs, database));
        HttpConfig httpConfig = HttpConfig.of(settings.http().apiToken(), settings.http().adminUsername(),
                settings.http().adminPassword()).withAddress("0.0.0.0", settings.http().port())
                .withTrustedProxies(settings.http().trustedProxies());
        if (settings.http().isTls()) {
            httpConfig = httpConfig.withTls(settings.http().tlsCertificate(), settings.http().tlsKey());
        }
        AdminHttpServer started;
        try {
            started = AdminHttpServer.start(httpConfig, backend);
        } catch (Exception e) {
            throw PortInUse.orElse(e, "HTTP", Map.of("HTTP_PORT", settings.http().port()));
        }
        http = lifecycle.add("HTTP server", started);
    }

    /** The PDU log folders for the log shipper's group ({@code 0750}), the data folder for this user only ({@code 0700}). */
    private void createFolders() {
        createFolder(settings.serverLogs(), FileAccess.PDU_LOGS);
        createFolder(settings.clientLogs(), FileAccess.PDU_LOGS);
        createFolder(settings.dataFolder(), FileAccess.DATA);
    }

    private static void createFolder(Path folder, FileAccess access) {
        try {
            access.createFolders(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Database openDatabase(DatabaseChoice choice) {
        Database database;
        if (choice instanceof DatabaseChoice.Mysql mysql) {
            database = Database.mysql(mysql.config());
        } else {
            Path path = ((DatabaseChoice.Embedded) choice).path();
            createFolder(path.toAbsolutePath().getParent(), FileAccess.DATA);
            database = Database.embedded(path);
            restrictEmbeddedFiles(path);
        }
        log.info("database: {}", database.description());
        return database;
    }

    /**
     * The embedded database's files ({@code smpp.mv.db} and its companions) hold the ESME and SMSC
     * passwords: this user only, also when an older version created them readable by everyone.
     */
    private static void restrictEmbeddedFiles(Path path) {
        Path absolute = path.toAbsolutePath();
        String prefix = absolute.getFileName() + ".";
        try (var files = Files.list(absolute.getParent())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(prefix) && Files.isRegularFile(file)) {
                    FileAccess.DATA.restrictFile(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the database files in " + absolute.getParent()
                    + " private: " + e.getMessage(), e);
        }
    }

    private static MessageBus openBus(BusChoice choice) {
        if (choice instanceof BusChoice.Nsq nsq) {
            Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
            nsq.endpoints().forEach((topic, endpoint) -> topics.put(topic,
                    new NsqTopicConfig(endpoint.host(), endpoint.port(), endpoint.topic())));
            log.info("message bus: NSQ, channel {}, max in flight {}: {}", nsq.channel(), nsq.maxInFlight(), topics);
            NsqBusConfig defaults = NsqBusConfig.of(topics);
            return new NsqMessageBus(defaults.withConsumers(nsq.maxInFlight(), defaults.handlerThreads(),
                    defaults.maxAttempts()));
        }
        log.info("message bus: in-process (messages stay inside this process; set the NSQ_* keys to reach"
                + " your application through NSQ)");
        return new InProcessMessageBus();
    }

    private static String channel(BusChoice choice) {
        return choice instanceof BusChoice.Nsq nsq ? nsq.channel() : FlowConfig.defaults().channel();
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

    private SmppServerConfig serverConfig() {
        SmppServerConfig config = SmppServerConfig.defaults()
                .withAddress("0.0.0.0", settings.smpp().port())
                .withConnections(settings.smpp().connections())
                .withSession(SessionConfig.defaults().withUnbindTimeout(SESSION_UNBIND_TIMEOUT));
        if (settings.smpp().tls()) {
            config = config.withTls(settings.smpp().tlsPort(), settings.smpp().certificate(),
                    settings.smpp().privateKey());
        }
        return config;
    }

    private Map<String, Integer> smppPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("SMPP_PORT", settings.smpp().port());
        if (settings.smpp().tls()) {
            ports.put("SMPP_SSL_PORT", settings.smpp().tlsPort());
        }
        return ports;
    }

    /** The ESMEs' PDU log and traffic counts. */
    private PduListener serverPduListener() {
        PduListener logs = pduLogs.listener(settings.serverLogs(),
                PeerResolver.boundEsmes(() -> server == null ? null : server.sessions()), new PduLogFormat(true));
        return (session, direction, pdu, octets) -> {
            logs.onPdu(session, direction, pdu, octets);
            BoundEsme esme = server == null ? null : server.sessions().ofSession(session.id());
            if (esme != null) {
                esmeTraffic.count(Long.toString(esme.account().id()), direction, pdu);
                esmeSubmits.onPdu(esme.account().systemId(), session, direction, pdu);
            }
        };
    }

    private PduListener clientPduListener(String smscId) {
        PduListener logs = pduLogs.listener(settings.clientLogs(), PeerResolver.fixed(smscId),
                new PduLogFormat(gsm7BySmsc.getOrDefault(smscId, true)));
        return (session, direction, pdu, octets) -> {
            logs.onPdu(session, direction, pdu, octets);
            smscTraffic.count(smscId, direction, pdu);
            smscSubmits.onPdu(smscId, session, direction, pdu);
            smscReceipts.onPdu(smscId, session, direction, pdu);
        };
    }

    private void startGateways() {
        int enabled = 0;
        for (Gateway gateway : database.gateways().list()) {
            gatewaySaved(gateway);
            enabled += gateway.enabled() ? 1 : 0;
        }
        log.info("SMPP client: {} enabled gateway(s) binding", enabled);
    }

    /**
     * A gateway was created or edited: run it with its new settings (rebinding when the connection
     * settings changed), or stop it when disabled. An edit that renamed its smsc_id stops the old name.
     */
    CompletableFuture<Void> gatewaySaved(Gateway gateway) {
        gsm7BySmsc.put(gateway.smscId(), gateway.gsm7());
        return smscGateways.saved(gateway);
    }

    /** A gateway was deleted: unbind it and forget it (SMS_OUT naming it is then rejected as unknown). */
    CompletableFuture<Void> gatewayDeleted(Gateway gateway) {
        return smscGateways.deleted(gateway.smscId());
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

    public GatewaySettings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public MessageBus bus() {
        return bus;
    }

    public SmppServer smppServer() {
        return server;
    }

    public GatewayPool gateways() {
        return pool;
    }

    public PduLogWriter pduLogs() {
        return pduLogs;
    }

    public AdminHttpServer httpServer() {
        return http;
    }

    /**
     * Stops everything in reverse order within {@link #STOP_BUDGET}.
     *
     * @return whether everything stopped cleanly and in time
     */
    public boolean stop() {
        log.info("stopping: no new work is taken; unbinding every ESME and SMSC");
        long started = System.nanoTime();
        boolean clean = lifecycle.stop();
        log.info("stopped{} in {} ms", clean ? "" : " (not everything cleanly)",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return clean;
    }

    @Override
    public void close() {
        stop();
    }
}
