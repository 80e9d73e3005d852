package io.smppgateway.http;

import io.smppgateway.http.logs.LogFolders;
import io.smppgateway.persistence.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The HTTP server under test on a free port, over a real embedded database in a temporary folder,
 * with {@link TestLive} as the running gateway and temporary log folders.
 */
final class TestGateway implements AutoCloseable {

    static final String TOKEN = "test-token-0123456789";
    static final String ADMIN = "admin";
    static final String PASSWORD = "s3cret-admin";

    final Database database;
    final TestLive live = new TestLive();
    final Path gatewayLogs;
    final Path clientLogs;
    final AdminHttpServer server;
    final String base;

    TestGateway(Path folder) {
        this(folder, HttpConfig.of(TOKEN, ADMIN, PASSWORD).withAddress("127.0.0.1", 0)
                .withLiveChangeTimeout(Duration.ofSeconds(2)));
    }

    TestGateway(Path folder, HttpConfig config) {
        try {
            gatewayLogs = Files.createDirectories(folder.resolve("client-logs"));
            clientLogs = Files.createDirectories(folder.resolve("server-logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = Database.embedded(folder.resolve("db").resolve("smpp"));
        HttpBackend backend = new HttpBackend(database.gateways(), database.clients(), live, live,
                new LogFolders(gatewayLogs, clientLogs), live, live,
                new MessageTraffic(database.outbound(), database.inbound(), live), live);
        server = AdminHttpServer.start(config, backend);
        base = "http://127.0.0.1:" + server.port();
    }

    /** Back to an empty gateway between tests that share one server (a database per test is slow). */
    void reset() {
        database.gateways().list().forEach(stored -> database.gateways().delete(stored.id()));
        database.clients().list().forEach(stored -> database.clients().delete(stored.id()));
        live.gatewayConnections.clear();
        live.clientConnections.clear();
        live.otherInstancesGatewayConnections.clear();
        live.otherInstancesClientConnections.clear();
        live.instances.clear();
        live.instances.addAll(TestLive.ONLY_SELF);
        live.gatewayQueues.clear();
        live.controlCalls.clear();
        live.controlAnswer = null;
        live.published.clear();
        live.submissions.clear();
        live.smsOutRefusal = null;
        live.busFailure = null;
        live.daemonLines.clear();
        live.probes = TestLive.DEFAULT_PROBES;
        live.metrics = io.smppgateway.http.live.MetricsSnapshot.empty();
        live.history = io.smppgateway.http.live.TrafficHistory.NONE;
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
