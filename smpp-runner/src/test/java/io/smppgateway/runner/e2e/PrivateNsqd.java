package io.smppgateway.runner.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An nsqd of the test's own (the {@code SMPP_TEST_NSQD_BIN} binary on free ports, its data in a
 * temporary folder), for a test that needs another {@code --msg-timeout} than the shared one's:
 * a consumer killed with its messages in flight gets them back only after that timeout.
 */
public final class PrivateNsqd implements AutoCloseable {

    private final Process process;
    private final int tcpPort;
    private final int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrivateNsqd(Process process, int tcpPort, int httpPort) {
        this.process = process;
        this.tcpPort = tcpPort;
        this.httpPort = httpPort;
    }

    public static PrivateNsqd start(Path folder, Duration msgTimeout) throws IOException {
        return start(folder, msgTimeout, List.of());
    }

    /** Registered with the nsqlookupd whose TCP port is {@code lookupdTcpPort}, as 127.0.0.1. */
    public static PrivateNsqd registeredWith(Path folder, int lookupdTcpPort) throws IOException {
        return start(folder, Duration.ofSeconds(60), List.of("--lookupd-tcp-address=127.0.0.1:" + lookupdTcpPort,
                "--broadcast-address=127.0.0.1"));
    }

    private static PrivateNsqd start(Path folder, Duration msgTimeout, List<String> more) throws IOException {
        int tcpPort = TestServices.freePort();
        int httpPort = TestServices.freePort();
        List<String> command = new java.util.ArrayList<>(List.of(TestServices.nsqdBinary(),
                "--tcp-address=127.0.0.1:" + tcpPort, "--http-address=127.0.0.1:" + httpPort,
                "--data-path=" + folder, "--msg-timeout=" + msgTimeout.toMillis() + "ms", "--log-level=warn"));
        command.addAll(more);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(folder.resolve("nsqd.log").toFile()).start();
        PrivateNsqd nsqd = new PrivateNsqd(process, tcpPort, httpPort);
        Awaiting.until(nsqd::answersPing, () -> "nsqd did not answer /ping on port " + httpPort);
        return nsqd;
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** host:port of the HTTP interface. */
    public String http() {
        return "127.0.0.1:" + httpPort;
    }

    private boolean answersPing() {
        if (!process.isAlive()) {
            throw new IllegalStateException("nsqd exited with " + process.exitValue());
        }
        try {
            return get("/ping").equals("OK");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Messages of {@code channel} on {@code topic} not yet finished: waiting, in flight or deferred
     * (plus what the topic has not handed to its channels yet); -1 when the channel does not exist.
     */
    public long unfinished(String topic, String channel) {
        JsonObject stats = JsonParser.parseString(get("/stats?format=json&topic=" + topic + "&channel=" + channel))
                .getAsJsonObject();
        if (stats.has("data")) {
            stats = stats.getAsJsonObject("data");
        }
        for (JsonElement t : stats.getAsJsonArray("topics")) {
            JsonObject topicStats = t.getAsJsonObject();
            if (!topicStats.get("topic_name").getAsString().equals(topic)) {
                continue;
            }
            for (JsonElement c : topicStats.getAsJsonArray("channels")) {
                JsonObject channelStats = c.getAsJsonObject();
                if (channelStats.get("channel_name").getAsString().equals(channel)) {
                    return topicStats.get("depth").getAsLong() + channelStats.get("depth").getAsLong()
                            + channelStats.get("in_flight_count").getAsLong()
                            + channelStats.get("deferred_count").getAsLong();
                }
            }
        }
        return -1;
    }

    /** Messages of {@code channel} on {@code topic} handed to a consumer and not yet finished or requeued. */
    public long inFlight(String topic, String channel) {
        return channelStat(topic, channel, "in_flight_count");
    }

    /**
     * One figure of nsqd's {@code /stats} for {@code channel} on {@code topic}: {@code depth} (ready
     * to be handed out now), {@code in_flight_count}, {@code deferred_count} (requeued with a
     * delay)...; -1 when the channel does not exist.
     */
    public long channelStat(String topic, String channel, String field) {
        JsonObject channelStats = channelStats(topic, channel);
        return channelStats == null ? -1 : channelStats.get(field).getAsLong();
    }

    /**
     * What a channel holds in flight, from one reading of nsqd's stats.
     *
     * @param total    the channel's {@code in_flight_count}: every message handed out and not yet
     *                 finished or requeued, including those of a consumer that went away (nsqd
     *                 gives them out again only after their msg_timeout)
     * @param byClient the same per consumer connected now, by its {@code remote_address}
     */
    public record InFlight(long total, Map<String, Long> byClient) {

        public InFlight {
            byClient = Map.copyOf(byClient);
        }

        /**
         * Held by the connections from {@code addresses}, connected or gone: the total less what
         * every other consumer connected now holds.
         */
        public long heldBy(Set<String> addresses) {
            return total - byClient.entrySet().stream().filter(e -> !addresses.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** {@code channel} on {@code topic} in flight, in all and per consumer; empty when the channel does not exist. */
    public InFlight inFlightByClient(String topic, String channel) {
        JsonObject channelStats = channelStats(topic, channel);
        if (channelStats == null) {
            return new InFlight(0, Map.of());
        }
        Map<String, Long> byClient = new HashMap<>();
        for (JsonElement client : channelStats.getAsJsonArray("clients")) {
            JsonObject clientStats = client.getAsJsonObject();
            byClient.put(clientStats.get("remote_address").getAsString(),
                    clientStats.get("in_flight_count").getAsLong());
        }
        return new InFlight(channelStats.get("in_flight_count").getAsLong(), byClient);
    }

    private JsonObject channelStats(String topic, String channel) {
        JsonObject stats = JsonParser.parseString(get("/stats?format=json&topic=" + topic + "&channel=" + channel))
                .getAsJsonObject();
        if (stats.has("data")) {
            stats = stats.getAsJsonObject("data");
        }
        for (JsonElement t : stats.getAsJsonArray("topics")) {
            JsonObject topicStats = t.getAsJsonObject();
            if (topicStats.get("topic_name").getAsString().equals(topic)) {
                for (JsonElement c : topicStats.getAsJsonArray("channels")) {
                    JsonObject channelStats = c.getAsJsonObject();
                    if (channelStats.get("channel_name").getAsString().equals(channel)) {
                        return channelStats;
                    }
                }
            }
        }
        return null;
    }

    /** Creates the topic and its channel, so that what is published before anyone subscribes waits there. */
    public void createChannel(String topic, String channel) {
        post("/topic/create?topic=" + topic);
        post("/channel/create?topic=" + topic + "&channel=" + channel);
    }

    private void post(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("nsqd HTTP " + path + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("nsqd HTTP " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body().strip();
        } catch (IOException e) {
            throw new IllegalStateException("nsqd HTTP " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
