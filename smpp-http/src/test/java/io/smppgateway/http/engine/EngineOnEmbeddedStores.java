package io.smppgateway.http.engine;

import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.http.AdminHttpServer;
import io.smppgateway.http.HttpConfig;
import io.smppgateway.http.logs.LogFolders;
import io.smppgateway.persistence.Database;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A host that embeds the engine and takes the REST API, as a host would: the embedded database in a
 * temporary folder, the in-process bus, the engine on port 0 with {@link AdminTelemetry}'s listeners,
 * and the HTTP server on port 0 over {@link EngineBackend}. Closed in the host's order.
 */
final class EngineOnEmbeddedStores implements AutoCloseable {

    static final String TOKEN = "engine-api-token-0123456789";

    final Database database;
    final MessageBus bus;
    final GatewayEngine engine;
    final EngineBackend backend;
    final AdminHttpServer http;
    private final SmppConnector connector = new SmppConnector();

    EngineOnEmbeddedStores(Path folder) {
        database = Database.embedded(folder.resolve("db").resolve("smpp"));
        bus = new InProcessMessageBus();
        AdminTelemetry telemetry = new AdminTelemetry(bus);
        engine = GatewayEngine.start(EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0))
                .esmePdus(telemetry.esmePdus()).smscPdus(telemetry::smscPdus).dlrIn(telemetry.dlrIn())
                .build(), database, bus);
        backend = EngineBackend.builder(engine, database, telemetry)
                .logFolders(new LogFolders(folder.resolve("smsc-logs"), folder.resolve("esme-logs")))
                .buildVersion("9.8.7-test")
                .start();
        http = AdminHttpServer.start(HttpConfig.of(TOKEN, "admin", "admin-password-0123")
                .withAddress("127.0.0.1", 0), backend.httpBackend());
    }

    /** A transmitter bind of {@code username} (password {@code pw}) to the engine's ESME server. */
    ChannelSession bindTransmitter(String username) throws Exception {
        BindRequest bind = BindRequest.of(BindType.TRANSMITTER, 1, username, "pw", "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        return connector.connectAndBind("127.0.0.1", engine.esmeServer().port(), null, Duration.ofSeconds(10),
                SessionConfig.defaults(), bind, (session, request) -> null, PduListener.NONE).get(30, TimeUnit.SECONDS);
    }

    /** {@code GET path} with the API token. */
    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port()
                        + path)).header("X-API-Key", TOKEN).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        connector.close();
        http.close();
        backend.close();
        engine.stop();
        bus.close();
        database.close();
    }
}
