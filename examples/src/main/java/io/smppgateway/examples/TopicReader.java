package io.smppgateway.examples;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** Reads one of the gateway's topics on channel "data", as the manual's reader examples do. */
final class TopicReader {

    private TopicReader() {
    }

    /** Reads until {@code count} messages were handled (or forever when count is 0). */
    static void read(ExampleSettings.TopicAt topic, int count, Consumer<JsonObject> handler)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count == 0 ? 1 : count);
        NsqConsumerConfig config = NsqConsumerConfig.defaults(topic.name(), "data")
                .withNsqd(List.of(topic.nsqd()));
        try (NsqConsumer consumer = NsqConsumer.start(config, delivery -> {
            JsonObject json = JsonParser.parseString(delivery.message().bodyAsString()).getAsJsonObject();
            handler.accept(json);
            delivery.finish();
            if (count > 0) {
                done.countDown();
            }
        })) {
            done.await();
        }
    }

    static int count(String[] args, int index) {
        return args.length > index ? Integer.parseInt(args[index]) : 0;
    }
}
