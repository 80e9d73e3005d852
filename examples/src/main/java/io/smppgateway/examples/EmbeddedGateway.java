package io.smppgateway.examples;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.bridge.engine.PduLogConfig;
import io.smppgateway.http.AdminHttpServer;
import io.smppgateway.http.HttpConfig;
import io.smppgateway.http.engine.AdminTelemetry;
import io.smppgateway.http.engine.EngineBackend;
import io.smppgateway.http.logs.LogFolders;
import io.smppgateway.persistence.Database;
import io.smppgateway.store.client.Client;
import io.smppgateway.smpp.server.SmppServerConfig;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole gateway inside a host program, with neither nsqd nor MySQL: the embedded database, the
 * in-process bus, the engine on them writing the manual's PDU logs as the daemon does, and the REST
 * API and admin panel over the engine. The host reads SMS_IN and DLR_IN from the bus and gives it
 * SMS_OUT, the same JSON an NSQ application handles.
 * Usage: {@code EmbeddedGateway [smpp port] [http port]}: the ESME {@code esme}/{@code secret} binds
 * on the first (2775 by default), what it submits is printed, and the panel answers on the second
 * (8010 by default) to {@code admin} with the password printed at the start.
 */
public final class EmbeddedGateway implements AutoCloseable {

    private final Database database;
    private final MessageBus bus;
    private final GatewayEngine engine;
    private final EngineBackend adminBackend;
    private final AdminHttpServer adminApi;

    private EmbeddedGateway(Database database, MessageBus bus, GatewayEngine engine, EngineBackend adminBackend,
                            AdminHttpServer adminApi) {
        this.database = database;
        this.bus = bus;
        this.engine = engine;
        this.adminBackend = adminBackend;
        this.adminApi = adminApi;
    }

    /**
     * Starts the gateway on an embedded database in {@code dataFolder}; ESMEs bind on {@code smppPort},
     * and the REST API and panel listen as {@code adminApi} says. Every PDU is logged, a file a day per
     * peer, under {@code dataFolder/logs}: {@code server/<day>/<client_id>.log} for the ESMEs,
     * {@code client/<day>/<smsc_id>.log} for the SMSCs.
     */
    public static EmbeddedGateway start(Path dataFolder, int smppPort, HttpConfig adminApi) {
        Database database = Database.embedded(dataFolder.resolve("smpp"));
        MessageBus bus = new InProcessMessageBus();
        // made before the engine: the engine takes its listeners, which count the traffic for /metrics
        AdminTelemetry telemetry = new AdminTelemetry(bus);
        EngineOptions options = EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("0.0.0.0", smppPort))
                .pduLogs(PduLogConfig.of(dataFolder.resolve("logs/server"), dataFolder.resolve("logs/client")))
                .esmePdus(telemetry.esmePdus()).smscPdus(telemetry::smscPdus).dlrIn(telemetry.dlrIn())
                .build();
        GatewayEngine engine = GatewayEngine.start(options, database, bus);
        // the panel's PDU log pages read the files the engine writes
        EngineBackend backend = EngineBackend.builder(engine, database, telemetry)
                .logFolders(new LogFolders(dataFolder.resolve("logs/client"), dataFolder.resolve("logs/server")))
                .start();
        return new EmbeddedGateway(database, bus, engine, backend, AdminHttpServer.start(adminApi,
                backend.httpBackend()));
    }

    /** Hands every event of a topic the gateway publishes (SMS_IN, DLR_IN) to {@code handler}. */
    public AutoCloseable read(Topic topic, Consumer<JsonObject> handler) {
        return bus.consume(topic, "host", delivery -> {
            handler.accept(JsonParser.parseString(delivery.body()).getAsJsonObject());
            delivery.finish();
        });
    }

    /** Gives the gateway an SMS_OUT (or a DLR_OUT with {@link Topic#DLR_OUT}). */
    public CompletableFuture<Void> send(Topic topic, JsonObject message) {
        return bus.publish(topic, message.toString());
    }

    /** The clients and gateways tables; a gateway saved there runs once {@code engine().gatewaySaved} is told. */
    public Database database() {
        return database;
    }

    public GatewayEngine engine() {
        return engine;
    }

    /** Where the REST API and the panel listen. */
    public int adminApiPort() {
        return adminApi.port();
    }

    /** The REST API first, then the engine (it hands back what it holds), then the bus and the database. */
    @Override
    public void close() {
        adminApi.close();
        adminBackend.close();
        engine.stop();
        bus.close();
        database.close();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2775;
        int httpPort = args.length > 1 ? Integer.parseInt(args[1]) : 8010;
        String password = UUID.randomUUID().toString();
        EmbeddedGateway gateway = start(Path.of("embedded-data"), port,
                HttpConfig.of(UUID.randomUUID().toString(), "admin", password).withAddress("127.0.0.1", httpPort));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "stop-gateway"));
        if (gateway.database().clients().findByUsername("esme").isEmpty()) {
            gateway.database().clients().create(Client.builder().username("esme").password("secret").binds(2)
                    .enabled(true).build());
        }
        gateway.read(Topic.SMS_IN, sms -> System.out.println("SMS_IN: " + sms));
        System.out.println("Bind as esme/secret on port " + gateway.engine().esmeServer().port() + "; the panel is at"
                + " http://127.0.0.1:" + gateway.adminApiPort() + "/ (admin, " + password + "); Ctrl-C stops.");
        Thread.currentThread().join();
    }
}
