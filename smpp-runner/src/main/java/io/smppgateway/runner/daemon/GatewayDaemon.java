package io.smppgateway.runner.daemon;

import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.bridge.engine.Lifecycle;
import io.smppgateway.bridge.engine.PduLogConfig;
import io.smppgateway.bridge.flow.FlowConfig;
import io.smppgateway.http.AdminHttpServer;
import io.smppgateway.http.HttpConfig;
import io.smppgateway.http.engine.AdminTelemetry;
import io.smppgateway.http.engine.EngineBackend;
import io.smppgateway.http.engine.PduLogQueue;
import io.smppgateway.http.logs.LogFolders;
import io.smppgateway.persistence.Database;
import io.smppgateway.runner.ProjectVersion;
import io.smppgateway.runner.config.BusChoice;
import io.smppgateway.runner.config.DatabaseChoice;
import io.smppgateway.runner.config.FileAccess;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.logging.KeptLog;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.smpp.log.FileModes;
import io.smppgateway.smpp.log.PduLogWriter;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.SessionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the database and the message bus {@code smpp.conf} chose, the
 * {@link GatewayEngine} on them writing the PDU logs into the folders {@code smpp.conf} names, and
 * the REST API and admin panel. {@link #start} opens them in dependency order; {@link #stop} (the
 * SIGTERM path) closes them in reverse within {@link #STOP_BUDGET}: the REST API and admin panel
 * first, then the engine (which hands back what it holds and writes the PDU log entries still
 * queued, see {@link GatewayEngine}), the bus and the database (queued writes are committed).
 */
public final class GatewayDaemon implements AutoCloseable {

    /** Stopping may take this long, so that the process exits within the manual's 10 seconds. */
    public static final Duration STOP_BUDGET = Duration.ofSeconds(9);

    private static final Logger log = LoggerFactory.getLogger(GatewayDaemon.class);

    private final GatewaySettings settings;
    private final Lifecycle lifecycle = new Lifecycle(STOP_BUDGET);
    private KeptLog recentLog;
    private AdminTelemetry telemetry;
    private Database database;
    private MessageBus bus;
    private volatile GatewayEngine engine;
    private AdminHttpServer http;

    private GatewayDaemon(GatewaySettings settings) {
        this.settings = settings;
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
        recentLog = lifecycle.add("recent log", KeptLog.attach());
        createFolders();
        database = lifecycle.add("database", openDatabase(settings.database()));
        bus = lifecycle.add("message bus", openBus(settings.bus()));
        telemetry = new AdminTelemetry(bus);
        InstanceIdFile lastRun = new InstanceIdFile(settings.dataFolder());
        try {
            engine = lifecycle.add("gateway engine", GatewayEngine.start(engineOptions(lastRun.previous()), database,
                    bus));
        } catch (RuntimeException e) {
            throw PortInUse.orElse(e, "SMPP", smppPorts());
        }
        lastRun.record(engine.instanceId());
        PduLogWriter pduLogs = pduLogs();
        EngineBackend backend = lifecycle.add("traffic history", EngineBackend.builder(engine, database, telemetry)
                .logFolders(new LogFolders(settings.clientLogs(), settings.serverLogs()))
                .daemonLog(recentLog)
                .pduLogQueue(() -> new PduLogQueue.Stats(pduLogs.queued(), pduLogs.capacity(), pduLogs.dropped(),
                        pduLogs.failed(), pduLogs.overLimit()))
                .buildVersion(ProjectVersion.version())
                .start());
        HttpConfig httpConfig = HttpConfig.of(settings.http().apiToken(), settings.http().adminUsername(),
                settings.http().adminPassword()).withAddress("0.0.0.0", settings.http().port())
                .withTrustedProxies(settings.http().trustedProxies())
                .withMetricsAddress(settings.http().metricsAddress());
        if (settings.http().isTls()) {
            httpConfig = httpConfig.withTls(settings.http().tlsCertificate(), settings.http().tlsKey());
        }
        AdminHttpServer started;
        try {
            started = AdminHttpServer.start(httpConfig, backend.httpBackend());
        } catch (Exception e) {
            throw PortInUse.orElse(e, "HTTP", httpPorts());
        }
        http = lifecycle.add("HTTP server", started);
    }

    private EngineOptions engineOptions(String previousInstance) {
        return EngineOptions.builder()
                .replacedInstance(previousInstance)
                .esmeServer(serverConfig())
                .flows(FlowConfig.defaults().withChannel(channel(settings.bus())))
                .smscTrustedCa(settings.clientCa())
                .pduLogs(PduLogConfig.of(settings.serverLogs(), settings.clientLogs())
                        .withMaxFileBytes(settings.pduLogMaxFileBytes()))
                .esmePdus(telemetry.esmePdus())
                .smscPdus(telemetry::smscPdus)
                .dlrIn(telemetry.dlrIn())
                .stopBudget(STOP_BUDGET.minusSeconds(1))
                .build();
    }

    /** The PDU log folders for the log shipper's group ({@code 0750}), the data folder for this user only ({@code 0700}). */
    private void createFolders() {
        createFolder(settings.serverLogs(), FileModes.PDU_LOGS);
        createFolder(settings.clientLogs(), FileModes.PDU_LOGS);
        createFolder(settings.dataFolder(), FileAccess.DATA);
    }

    private static void createFolder(Path folder, FileModes modes) {
        try {
            modes.createFolders(folder);
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
            log.info("message bus: NSQ, channel {}, max in flight {}, msg_timeout {} s: {}", nsq.channel(),
                    nsq.maxInFlight(), nsq.msgTimeout().toSeconds(), topics);
            if (nsq.lookupd().inUse()) {
                log.info("SMS_OUT and DLR_OUT are also read from every nsqd that nsqlookupd {} lists"
                        + " (asked every {} s)", nsq.lookupd().httpAddresses(), nsq.lookupd().pollInterval().toSeconds());
            }
            NsqBusConfig defaults = NsqBusConfig.of(topics);
            return new NsqMessageBus(defaults.withConsumers(nsq.maxInFlight(), defaults.handlerThreads(),
                    defaults.maxAttempts()).withLookupd(nsq.lookupd()).withMsgTimeout(nsq.msgTimeout()));
        }
        log.info("message bus: in-process (messages stay inside this process; set the NSQ_* keys to reach"
                + " your application through NSQ)");
        return new InProcessMessageBus();
    }

    private static String channel(BusChoice choice) {
        return choice instanceof BusChoice.Nsq nsq ? nsq.channel() : FlowConfig.defaults().channel();
    }

    private SmppServerConfig serverConfig() {
        SmppServerConfig config = SmppServerConfig.defaults()
                .withAddress("0.0.0.0", settings.smpp().port())
                .withConnections(settings.smpp().connections())
                .withSession(SessionConfig.defaults().withUnbindTimeout(EngineOptions.SESSION_UNBIND_TIMEOUT));
        if (settings.smpp().tls()) {
            config = config.withTls(settings.smpp().tlsPort(), settings.smpp().certificate(),
                    settings.smpp().privateKey());
        }
        return config;
    }

    private Map<String, Integer> httpPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("HTTP_PORT", settings.http().port());
        if (settings.http().metricsAddress() != null) {
            ports.put("SMPP_METRICS_ADDRESS", settings.http().metricsAddress().port());
        }
        return ports;
    }

    private Map<String, Integer> smppPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("SMPP_PORT", settings.smpp().port());
        if (settings.smpp().tls()) {
            ports.put("SMPP_SSL_PORT", settings.smpp().tlsPort());
        }
        return ports;
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

    public GatewayEngine engine() {
        return engine;
    }

    public SmppServer smppServer() {
        return engine.esmeServer();
    }

    public GatewayPool gateways() {
        return engine.smscPool();
    }

    /** The engine's PDU log writer: the daemon always names the folders. */
    public PduLogWriter pduLogs() {
        return engine.pduLogs().orElseThrow();
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
