package io.smppgateway.runner.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's side of DLR_IN: every event read from the topic (channel {@code app}), kept by
 * {@code msg_id} in the order they arrived, each finished once recorded.
 */
public final class DlrInRecorder implements AutoCloseable {

    /** The manual's final statuses; {@code sent} is the only other one. */
    public static final Set<String> FINAL_STATUSES = Set.of("delivered", "undelivered", "rejected", "expired",
            "unknown");

    private final Map<String, List<JsonObject>> byMsgId = new ConcurrentHashMap<>();
    private final AutoCloseable consumer;

    private DlrInRecorder(MessageBus bus) {
        consumer = bus.consume(Topic.DLR_IN, "app", delivery -> {
            JsonObject event = JsonParser.parseString(delivery.body()).getAsJsonObject();
            byMsgId.computeIfAbsent(event.get("msg_id").getAsString(), id -> new CopyOnWriteArrayList<>()).add(event);
            delivery.finish();
        });
    }

    public static DlrInRecorder start(MessageBus bus) {
        return new DlrInRecorder(bus);
    }

    /** The events of one msg_id so far, oldest first. */
    public List<JsonObject> events(String msgId) {
        return List.copyOf(byMsgId.getOrDefault(msgId, List.of()));
    }

    /** The final events (anything but {@code sent}) of one msg_id so far. */
    public List<JsonObject> finals(String msgId) {
        return events(msgId).stream().filter(DlrInRecorder::isFinal).toList();
    }

    /** The events with {@code status} of one msg_id so far. */
    public List<JsonObject> withStatus(String msgId, String status) {
        return events(msgId).stream().filter(e -> e.get("status").getAsString().equals(status)).toList();
    }

    /** Every msg_id seen and its statuses in arrival order, for messages. */
    public Map<String, List<String>> statuses() {
        Map<String, List<String>> result = new TreeMap<>();
        byMsgId.forEach((id, events) -> result.put(id, events.stream().map(e -> e.get("status").getAsString())
                .toList()));
        return result;
    }

    public static boolean isFinal(JsonObject event) {
        return FINAL_STATUSES.contains(event.get("status").getAsString());
    }

    /** Waits until {@code msgId} has a final event and returns the first one. */
    public JsonObject awaitFinal(String msgId) {
        Awaiting.until(() -> !finals(msgId).isEmpty(), () -> "no final DLR_IN for " + msgId + "; seen: "
                + statuses());
        return finals(msgId).get(0);
    }

    /** Waits until {@code msgId} has an event with {@code status} and returns the first one. */
    public JsonObject await(String msgId, String status) {
        Awaiting.until(() -> !withStatus(msgId, status).isEmpty(), () -> "no DLR_IN '" + status + "' for " + msgId
                + "; seen: " + statuses());
        return withStatus(msgId, status).get(0);
    }

    @Override
    public void close() throws Exception {
        consumer.close();
    }
}
