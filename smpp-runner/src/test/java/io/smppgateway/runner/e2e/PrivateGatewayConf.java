package io.smppgateway.runner.e2e;

import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.SettingsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The smpp.conf of a gateway that shares nothing with other tests: a MariaDB database and four NSQ
 * topics named after {@code prefix}, free SMPP and HTTP ports, and an API token of its own. The
 * same keys start the daemon in-process ({@link #settings}) or as a process ({@link #writeTo}).
 *
 * @param prefix    what the database and topic names start with
 * @param database  the MariaDB database (created and dropped by the test)
 * @param keys      the smpp.conf keys and values
 * @param topics    the four topics, for the application side
 * @param httpPort  the REST API's port
 * @param apiToken  HTTP_API_TOKEN
 */
public record PrivateGatewayConf(String prefix, String database, Map<String, String> keys,
                                 Map<Topic, NsqTopicConfig> topics, int httpPort, String apiToken) {

    public PrivateGatewayConf {
        keys = Map.copyOf(keys);
        topics = Map.copyOf(topics);
    }

    /** A fresh configuration on the test MariaDB and the nsqd at {@code nsqdHost:nsqdPort}. */
    public static PrivateGatewayConf create(String letters, String nsqdHost, int nsqdPort) {
        String prefix = letters + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String database = "smpp_" + prefix;
        int httpPort = TestServices.freePort();
        String token = "token-" + UUID.randomUUID();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("MYSQL_HOST", TestServices.mysqlHost());
        keys.put("MYSQL_PORT", TestServices.mysqlPort());
        keys.put("MYSQL_DBNAME", database);
        keys.put("MYSQL_USERNAME", TestServices.mysqlUser());
        keys.put("MYSQL_PASSWORD", TestServices.mysqlPassword());
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            String name = prefix + "_" + topic.name().toLowerCase();
            keys.put("NSQ_" + topic + "_HOST", nsqdHost);
            keys.put("NSQ_" + topic + "_PORT", String.valueOf(nsqdPort));
            keys.put("NSQ_" + topic + "_TOPIC", name);
            topics.put(topic, new NsqTopicConfig(nsqdHost, nsqdPort, name));
        }
        keys.put("SMPP_PORT", String.valueOf(TestServices.freePort()));
        keys.put("HTTP_PORT", String.valueOf(httpPort));
        keys.put("HTTP_ADMIN_PASSWORD", "admin-" + prefix);
        keys.put("HTTP_API_TOKEN", token);
        return new PrivateGatewayConf(prefix, database, keys, topics, httpPort, token);
    }

    /** The same, with one more smpp.conf key (or another value for one). */
    public PrivateGatewayConf withKey(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(keys);
        more.put(key, value);
        return new PrivateGatewayConf(prefix, database, more, topics, httpPort, apiToken);
    }

    /**
     * A second instance of the same gateway (a cluster member): the same database, topics, API
     * token and admin password, SMPP and HTTP ports of its own.
     */
    public PrivateGatewayConf anotherInstance() {
        int otherHttpPort = TestServices.freePort();
        Map<String, String> other = new LinkedHashMap<>(keys);
        other.put("SMPP_PORT", String.valueOf(TestServices.freePort()));
        other.put("HTTP_PORT", String.valueOf(otherHttpPort));
        return new PrivateGatewayConf(prefix, database, other, topics, otherHttpPort, apiToken);
    }

    /** SMPP_PORT: where ESMEs bind. */
    public int smppPort() {
        return Integer.parseInt(keys.get("SMPP_PORT"));
    }

    /** On the shared test nsqd. */
    public static PrivateGatewayConf onTestNsqd(String letters) {
        String[] nsqd = TestServices.nsqdTcp().split(":");
        return create(letters, nsqd[0], Integer.parseInt(nsqd[1]));
    }

    /** The settings the daemon reads from these keys, with {@code home} as its folder. */
    public GatewaySettings settings(Path home) {
        return new SettingsReader(home, keys, warning -> { }).read(null);
    }

    /** Writes the keys as {@code home/smpp.conf}. */
    public void writeTo(Path home) {
        String text = keys.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(home.resolve("smpp.conf"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's side of the same topics. */
    public NsqBusConfig applicationBus() {
        return NsqBusConfig.of(topics);
    }

    public String topic(Topic topic) {
        return topics.get(topic).topic();
    }

    public String restBase() {
        return "http://127.0.0.1:" + httpPort;
    }
}
