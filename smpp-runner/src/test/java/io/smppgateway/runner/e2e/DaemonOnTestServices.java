package io.smppgateway.runner.e2e;

import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.runner.daemon.GatewayDaemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway daemon as a user runs it, on the test services: its own database on the test
 * MariaDB, its own four topics on the test nsqd (names no other test uses), the SMPP server and the
 * REST API on free ports, configured through the same keys smpp.conf and the environment give.
 * {@link #close()} stops the daemon if still running, then drops the database and deletes the
 * topics, so that nothing is left behind for the next test.
 */
final class DaemonOnTestServices implements AutoCloseable {

    private final String prefix;
    private final String nsqdTcpHost;
    private final int nsqdTcpPort;
    private final String nsqdHttp;
    private final Map<Topic, String> topics;
    private final GatewaySettings settings;
    private GatewayDaemon daemon;

    private DaemonOnTestServices(String prefix, String[] nsqdTcp, String nsqdHttp, Map<Topic, String> topics,
                                 GatewaySettings settings) {
        this.prefix = prefix;
        this.nsqdTcpHost = nsqdTcp[0];
        this.nsqdTcpPort = Integer.parseInt(nsqdTcp[1]);
        this.nsqdHttp = nsqdHttp;
        this.topics = topics;
        this.settings = settings;
    }

    /**
     * Creates the database and starts the daemon on it.
     *
     * @param home the folder smpp.conf would be in: logs and generated credentials go under it
     */
    static DaemonOnTestServices start(Path home) {
        String[] nsqdTcp = required("SMPP_TEST_NSQD_TCP").split(":");
        String nsqdHttp = required("SMPP_TEST_NSQD_HTTP");
        String prefix = "e2e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, String> environment = new HashMap<>();
        environment.put("MYSQL_HOST", required("SMPP_TEST_MYSQL_HOST"));
        environment.put("MYSQL_PORT", required("SMPP_TEST_MYSQL_PORT"));
        environment.put("MYSQL_DBNAME", "smpp_" + prefix);
        environment.put("MYSQL_USERNAME", required("SMPP_TEST_MYSQL_USER"));
        environment.put("MYSQL_PASSWORD", required("SMPP_TEST_MYSQL_PASSWORD"));
        Map<Topic, String> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            String name = prefix + "_" + topic.name().toLowerCase();
            topics.put(topic, name);
            environment.put("NSQ_" + topic + "_HOST", nsqdTcp[0]);
            environment.put("NSQ_" + topic + "_PORT", nsqdTcp[1]);
            environment.put("NSQ_" + topic + "_TOPIC", name);
        }
        environment.put("SMPP_PORT", String.valueOf(freePort()));
        environment.put("HTTP_PORT", String.valueOf(freePort()));
        GatewaySettings read = new SettingsReader(home, environment, warning -> { }).read(null);
        GatewaySettings settings = read.withHttp(new GeneratedCredentials().complete(read.dataFolder(), read.http())
                .access());

        executeOnServer("CREATE DATABASE smpp_" + prefix + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        DaemonOnTestServices services = new DaemonOnTestServices(prefix, nsqdTcp, nsqdHttp, topics, settings);
        try {
            services.daemon = GatewayDaemon.start(settings);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: run the tests through"
                    + " scripts/test.sh, or source .scratch/services.env");
        }
        return value;
    }

    GatewayDaemon daemon() {
        return daemon;
    }

    int smppPort() {
        return daemon.smppServer().port();
    }

    String restBaseUrl() {
        return "http://127.0.0.1:" + daemon.httpServer().port();
    }

    String apiToken() {
        return settings.http().apiToken();
    }

    /** The name of the daemon's topic on the test nsqd. */
    String topic(Topic topic) {
        return topics.get(topic);
    }

    String nsqdTcpHost() {
        return nsqdTcpHost;
    }

    int nsqdTcpPort() {
        return nsqdTcpPort;
    }

    /** host:port of the test nsqd's HTTP interface. */
    String nsqdHttp() {
        return nsqdHttp;
    }

    /**
     * Stops the daemon as SIGTERM does.
     *
     * @return whether everything stopped cleanly within the daemon's budget
     */
    boolean stop() {
        GatewayDaemon running = daemon;
        daemon = null;
        return running == null || running.stop();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            executeOnServer("DROP DATABASE IF EXISTS smpp_" + prefix);
            topics.values().forEach(this::deleteTopic);
        }
    }

    private void deleteTopic(String topic) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://" + nsqdHttp + "/topic/delete?topic=" + topic))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            // 404: never created (nothing was published or consumed on it).
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new IllegalStateException("nsqd answered " + response.statusCode() + " to deleting " + topic);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the topic " + topic + " on nsqd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting the topic " + topic, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void executeOnServer(String sql) {
        String url = "jdbc:mysql://" + required("SMPP_TEST_MYSQL_HOST") + ":" + required("SMPP_TEST_MYSQL_PORT") + "/";
        try (Connection connection = DriverManager.getConnection(url, required("SMPP_TEST_MYSQL_USER"),
                required("SMPP_TEST_MYSQL_PASSWORD")); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test MariaDB: " + e.getMessage(), e);
        }
    }
}
