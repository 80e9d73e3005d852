package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqLookupd;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.bridge.message.DlrIn;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import io.smppgateway.nsq.NsqdProcess;
import io.smppgateway.nsq.NsqlookupdProcess;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.gateway.Gateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NSQ's "nsqd beside every producer" topology with two and three gateway instances: one
 * nsqlookupd, an nsqd of its own for each instance, registered there; each instance names its
 * own nsqd for every topic, and the nsqlookupd. Every instance reads SMS_OUT from every nsqd
 * nsqlookupd lists, so that what the application published to any nsqd is sent, once; and each
 * instance publishes its DLR_IN to its own nsqd only. Point 10 of the cluster's behaviours (the
 * map is in {@link TestCluster}).
 */
class NsqdBesideEveryInstanceTest {

    private static final int MESSAGES_PER_NSQD = 10;
    private static final String SMSC_ID = "beside";

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void smsOutPublishedToAnyNsqdIsSentOnceAndEachInstanceReportsOnItsOwnNsqd(int instances) throws Exception {
        NsqlookupdProcess lookupd = closing(new NsqlookupdProcess());
        List<NsqdProcess> nsqds = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            nsqds.add(closing(NsqdProcess.registeredWith(lookupd.tcp())));
        }
        String prefix = "beside_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
        SmscSimulator smsc = closing(SmscSimulator.start(SimulatorConfig.defaults()));
        // what the application read from each nsqd's DLR_IN, by nsqd
        List<List<JsonObject>> dlrInOn = new ArrayList<>();
        for (NsqdProcess nsqd : nsqds) {
            List<JsonObject> read = new CopyOnWriteArrayList<>();
            dlrInOn.add(read);
            closing(NsqConsumer.start(NsqConsumerConfig.defaults(prefix + Topic.DLR_IN.name(), "app")
                    .withNsqd(List.of(nsqd.tcp())), delivery -> {
                        read.add(JsonParser.parseString(delivery.message().bodyAsString()).getAsJsonObject());
                        delivery.finish();
                    }));
        }
        List<NsqMessageBus> buses = new ArrayList<>();
        for (NsqdProcess nsqd : nsqds) {
            buses.add(closing(new NsqMessageBus(busBeside(nsqd, prefix, lookupd))));
        }
        // closed before the buses: the instances stop first
        TestCluster cluster = closing(new TestCluster(database, null));
        List<GatewayEngine> engines = new ArrayList<>();
        for (NsqMessageBus bus : buses) {
            engines.add(cluster.start(cluster.nextStores(), bus, UnaryOperator.identity()));
        }
        String smsOut = prefix + Topic.SMS_OUT.name();
        String channel = FlowConfig.defaults().channel();
        String dlrOut = prefix + Topic.DLR_OUT.name();
        Await.until("every instance reading SMS_OUT and DLR_OUT from every nsqd", () -> nsqds.stream()
                .allMatch(nsqd -> clientsOf(nsqd, smsOut, channel) == instances
                        && clientsOf(nsqd, dlrOut, channel) == instances));
        Gateway gateway = database.database().gateways().create(Gateway.builder().smscId(SMSC_ID).host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(instances).smppVersion("3.4").gsm7(true)
                .secure(false).enabled(true).build());
        engines.get(0).gatewaySaved(gateway).join();
        Await.until("one SMSC bind on each instance", () -> engines.stream().allMatch(e -> bound(e) == 1));

        Set<String> msgIds = new HashSet<>();
        for (NsqdProcess nsqd : nsqds) {
            try (NsqProducer application = NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqd.tcp())))) {
                for (int i = 0; i < MESSAGES_PER_NSQD; i++) {
                    String msgId = UUID.randomUUID().toString();
                    msgIds.add(msgId);
                    application.publish(smsOut, smsOutBody(msgId, i).getBytes(StandardCharsets.UTF_8))
                            .get(30, TimeUnit.SECONDS);
                }
            }
        }

        Await.until("a sent DLR_IN for every SMS_OUT", () -> sentOn(dlrInOn).containsAll(msgIds));
        assertEquals(msgIds.size(), smsc.counters().submitsAccepted(), "each SMS_OUT submitted once");
        for (int i = 0; i < instances; i++) {
            GatewayEngine engine = engines.get(i);
            Set<String> published = cluster.dlrInOf(engine).stream().filter(e -> e.status().equals("sent"))
                    .map(DlrIn::msgId).collect(Collectors.toSet());
            Set<String> onItsNsqd = sent(dlrInOn.get(i));
            assertEquals(published, onItsNsqd, "instance " + i + "'s DLR_IN, all on its own nsqd and only there");
            System.out.printf("instance %d of %d sent %d of the %d SMS_OUT%n", i, instances, published.size(),
                    msgIds.size());
        }
        assertEquals(msgIds.size(), dlrInOn.stream().mapToLong(read -> sent(read).size()).sum(),
                "each sent DLR_IN once, on one nsqd");
    }

    /** Every topic on this instance's own nsqd, the others found through nsqlookupd. */
    private static NsqBusConfig busBeside(NsqdProcess nsqd, String prefix, NsqlookupdProcess lookupd) {
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            topics.put(topic, new NsqTopicConfig(nsqd.tcp().host(), nsqd.tcp().port(), prefix + topic.name()));
        }
        return NsqBusConfig.of(topics).withLookupd(new NsqLookupd(List.of(lookupd.http()), Duration.ofMillis(500)));
    }

    private static String smsOutBody(String msgId, int n) {
        JsonObject json = new JsonObject();
        json.addProperty("smsc_id", SMSC_ID);
        json.addProperty("msg_id", msgId);
        json.addProperty("sender", "Mysender");
        json.addProperty("receiver", "380991234567");
        json.addProperty("message", "beside every instance " + n);
        return json.toString();
    }

    private static Set<String> sent(List<JsonObject> read) {
        return read.stream().filter(event -> event.get("status").getAsString().equals("sent"))
                .map(event -> event.get("msg_id").getAsString()).collect(Collectors.toSet());
    }

    private static Set<String> sentOn(List<List<JsonObject>> reads) {
        return reads.stream().flatMap(read -> sent(read).stream()).collect(Collectors.toSet());
    }

    /** How many consumers nsqd has on this topic's channel (0 while neither exists). */
    private int clientsOf(NsqdProcess nsqd, String topic, String channel) {
        NsqAddress address = nsqd.http();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + address.host()
                    + ":" + address.port() + "/stats?format=json&topic=" + topic + "&channel=" + channel)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject stats = JsonParser.parseString(response.body()).getAsJsonObject();
            for (JsonElement each : stats.getAsJsonArray("topics")) {
                JsonObject topicStats = each.getAsJsonObject();
                if (!topicStats.get("topic_name").getAsString().equals(topic)) {
                    continue;
                }
                for (JsonElement channelStats : topicStats.getAsJsonArray("channels")) {
                    if (channelStats.getAsJsonObject().get("channel_name").getAsString().equals(channel)) {
                        JsonArray clients = channelStats.getAsJsonObject().getAsJsonArray("clients");
                        return clients == null ? 0 : clients.size();
                    }
                }
            }
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long bound(GatewayEngine engine) {
        return engine.smscPool().get(SMSC_ID).map(client -> client.connections().stream()
                .filter(connection -> connection.status().startsWith("BOUND")).count()).orElse(0L);
    }
}
