package io.smppgateway.examples;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.bridge.engine.PduLogConfig;
import io.smppgateway.persistence.Database;
import io.smppgateway.store.client.Client;
import io.smppgateway.smpp.server.SmppServerConfig;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole gateway inside a host program, with neither nsqd nor MySQL: the embedded database, the
 * in-process bus and the engine on them, writing the manual's PDU logs as the daemon does. The host
 * reads SMS_IN and DLR_IN from the bus and gives it SMS_OUT, the same JSON an NSQ application handles.
 * Usage: {@code EmbeddedGateway [smpp port]}: the ESME {@code esme}/{@code secret} binds on that port
 * (2775 by default), and what it submits is printed.
 */
public final class EmbeddedGateway implements AutoCloseable {

    private final Database database;
    private final MessageBus bus;
    private final GatewayEngine engine;

    private EmbeddedGateway(Database database, MessageBus bus, GatewayEngine engine) {
        this.database = database;
        this.bus = bus;
        this.engine = engine;
    }

    /**
     * Starts the gateway on an embedded database in {@code dataFolder}; ESMEs bind on {@code smppPort}.
     * Every PDU is logged, a file a day per peer, under {@code dataFolder/logs}:
     * {@code server/<day>/<client_id>.log} for the ESMEs, {@code client/<day>/<smsc_id>.log} for the SMSCs.
     */
    public static EmbeddedGateway start(Path dataFolder, int smppPort) {
        Database database = Database.embedded(dataFolder.resolve("smpp"));
        MessageBus bus = new InProcessMessageBus();
        EngineOptions options = EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("0.0.0.0", smppPort))
                .pduLogs(PduLogConfig.of(dataFolder.resolve("logs/server"), dataFolder.resolve("logs/client")))
                .build();
        return new EmbeddedGateway(database, bus, GatewayEngine.start(options, database, bus));
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

    /** The engine first (it hands back what it holds), then the bus and the database. */
    @Override
    public void close() {
        engine.stop();
        bus.close();
        database.close();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2775;
        EmbeddedGateway gateway = start(Path.of("embedded-data"), port);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "stop-gateway"));
        if (gateway.database().clients().findByUsername("esme").isEmpty()) {
            gateway.database().clients().create(Client.builder().username("esme").password("secret").binds(2)
                    .enabled(true).build());
        }
        gateway.read(Topic.SMS_IN, sms -> System.out.println("SMS_IN: " + sms));
        System.out.println("Bind as esme/secret on port " + gateway.engine().esmeServer().port() + "; Ctrl-C stops.");
        Thread.currentThread().join();
    }
}
