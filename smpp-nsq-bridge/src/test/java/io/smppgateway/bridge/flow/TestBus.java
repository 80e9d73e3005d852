package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.bus.InProcessMessageBus;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bus a harness runs on: the in-process bus, or NSQ on the shared test nsqd with topics of its
 * own (deleted afterwards). Either way the test can read what was parked as dead letters.
 */
final class TestBus implements AutoCloseable {

    enum Kind { IN_PROCESS, NSQ }

    private final Kind kind;
    private final MessageBus bus;
    private final NsqBusConfig nsqConfig;
    private final Map<Topic, List<String>> deadLetters = new EnumMap<>(Topic.class);
    private final List<NsqConsumer> deadLetterConsumers = new ArrayList<>();
    private final List<MessageBus> otherInstances = new ArrayList<>();

    TestBus(Kind kind) {
        this.kind = kind;
        for (Topic topic : Topic.values()) {
            deadLetters.put(topic, new CopyOnWriteArrayList<>());
        }
        if (kind == Kind.IN_PROCESS) {
            nsqConfig = null;
            bus = new InProcessMessageBus(10_000, 200, Duration.ofSeconds(30));
            return;
        }
        NsqAddress nsqd = NsqAddress.parse(TestEnv.get("SMPP_TEST_NSQD_TCP"));
        String prefix = "flows_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            topics.put(topic, new NsqTopicConfig(nsqd.host(), nsqd.port(), prefix + topic.name()));
        }
        nsqConfig = NsqBusConfig.of(topics);
        bus = new NsqMessageBus(nsqConfig);
        for (Topic topic : List.of(Topic.SMS_OUT, Topic.DLR_OUT)) {
            List<String> parked = deadLetters.get(topic);
            deadLetterConsumers.add(NsqConsumer.start(
                    NsqConsumerConfig.defaults(nsqConfig.topic(topic).deadLetterTopic(), "test").withNsqd(List.of(nsqd)),
                    delivery -> {
                        parked.add(delivery.message().bodyAsString());
                        delivery.finish();
                    }));
        }
    }

    MessageBus bus() {
        return bus;
    }

    /** Another instance's bus on the same nsqd and topics (closed with this one). */
    MessageBus anotherInstance() {
        if (nsqConfig == null) {
            throw new IllegalStateException("only NSQ topics are shared by instances");
        }
        MessageBus another = new NsqMessageBus(nsqConfig);
        otherInstances.add(another);
        return another;
    }

    Kind kind() {
        return kind;
    }

    /** Bodies parked as dead letters of a consumed topic, oldest first. */
    List<String> deadLetters(Topic topic) {
        if (bus instanceof InProcessMessageBus inProcess) {
            return inProcess.deadLetters(topic);
        }
        return List.copyOf(deadLetters.get(topic));
    }

    @Override
    public void close() {
        otherInstances.forEach(MessageBus::close);
        bus.close();
        deadLetterConsumers.forEach(NsqConsumer::close);
        if (nsqConfig != null) {
            deleteTopics();
        }
    }

    private void deleteTopics() {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://" + TestEnv.get("SMPP_TEST_NSQD_HTTP");
        for (Topic topic : Topic.values()) {
            for (String name : List.of(nsqConfig.topic(topic).topic(), nsqConfig.topic(topic).deadLetterTopic())) {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(base + "/topic/delete?topic=" + name))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    // a topic never created answers 404; cleanup is best effort
                }
            }
        }
    }
}
