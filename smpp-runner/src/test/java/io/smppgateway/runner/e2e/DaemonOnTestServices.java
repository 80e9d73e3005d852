package io.smppgateway.runner.e2e;

import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.runner.daemon.GatewayDaemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * The gateway daemon as a user runs it, on the test services: its own database on the test
 * MariaDB, its own four topics on the test nsqd (names no other test uses), the SMPP server and the
 * REST API on free ports, configured through the same keys smpp.conf gives ({@link PrivateGatewayConf}).
 * {@link #close()} stops the daemon if still running, then drops the database and deletes the
 * topics, so that nothing is left behind for the next test.
 */
final class DaemonOnTestServices implements AutoCloseable {

    private final PrivateGatewayConf conf;
    private final NsqAddress nsqd;
    private GatewayDaemon daemon;

    private DaemonOnTestServices(PrivateGatewayConf conf, NsqAddress nsqd) {
        this.conf = conf;
        this.nsqd = nsqd;
    }

    /**
     * Creates the database and starts the daemon on it.
     *
     * @param home the folder smpp.conf would be in: logs go under it
     */
    static DaemonOnTestServices start(Path home) {
        PrivateGatewayConf conf = PrivateGatewayConf.onTestNsqd("e2e");
        DaemonOnTestServices services = new DaemonOnTestServices(conf, NsqAddress.parse(TestServices.nsqdTcp()));
        TestServices.createDatabase(conf.database());
        try {
            services.daemon = GatewayDaemon.start(conf.settings(home));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    GatewayDaemon daemon() {
        return daemon;
    }

    int smppPort() {
        return daemon.smppServer().port();
    }

    String restBaseUrl() {
        return conf.restBase();
    }

    String apiToken() {
        return conf.apiToken();
    }

    /** The name of the daemon's topic on the test nsqd. */
    String topic(Topic topic) {
        return conf.topic(topic);
    }

    String nsqdTcpHost() {
        return nsqd.host();
    }

    int nsqdTcpPort() {
        return nsqd.port();
    }

    /** host:port of the test nsqd's HTTP interface. */
    String nsqdHttp() {
        return TestServices.nsqdHttp();
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
            TestServices.dropDatabase(conf.database());
            for (Topic topic : Topic.values()) {
                deleteTopic(conf.topic(topic));
            }
        }
    }

    private void deleteTopic(String topic) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://" + nsqdHttp() + "/topic/delete?topic=" + topic))
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
}
