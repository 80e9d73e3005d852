package io.smppgateway.bridge.message;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SMS_OUT body that is a JSON array, as in the manual's "Example JSON for sending Multipart SMS":
 * a batch whose every element is an SMS_OUT of its own, with its own {@code sent} and final DLR_IN
 * events. An element that is not a JSON object cannot be answered on DLR_IN (it has no msg_id) and
 * goes to the dead letters by itself; the others are not affected.
 */
public final class SmsOutBatch {

    /** The most elements one batch may hold: a longer one is refused whole, as a dead letter. */
    public static final int MAX_ELEMENTS = 1_000;

    private final List<String> messages;
    private final List<String> notObjects;

    private SmsOutBatch(List<String> messages, List<String> notObjects) {
        this.messages = List.copyOf(messages);
        this.notObjects = List.copyOf(notObjects);
    }

    /** Whether a body is a batch: its first character other than white space is {@code [}. */
    public static boolean isBatch(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '[';
            }
        }
        return false;
    }

    /**
     * Splits a batch into its elements, each as the JSON text of one SMS_OUT. Fails with an
     * {@link InvalidMessageException} without a msg_id (a dead letter) when the body is not a JSON
     * array, is empty, or holds more than {@link #MAX_ELEMENTS}.
     */
    public static SmsOutBatch parse(String body) {
        JsonElement parsed = JsonFields.parseJson(body);
        if (!parsed.isJsonArray()) {
            throw new InvalidMessageException(null, Map.of("body", "not a JSON array"));
        }
        JsonArray array = parsed.getAsJsonArray();
        if (array.isEmpty()) {
            throw new InvalidMessageException(null, Map.of("body", "an empty batch (a JSON array of no SMS_OUT)"));
        }
        if (array.size() > MAX_ELEMENTS) {
            throw new InvalidMessageException(null, Map.of("body", "a batch of " + array.size()
                    + " SMS_OUT, more than the " + MAX_ELEMENTS + " one message may hold"));
        }
        List<String> messages = new ArrayList<>();
        List<String> notObjects = new ArrayList<>();
        for (JsonElement element : array) {
            (element.isJsonObject() ? messages : notObjects).add(element.toString());
        }
        return new SmsOutBatch(messages, notObjects);
    }

    /** The elements that are JSON objects, each to be handled as an SMS_OUT of its own, in batch order. */
    public List<String> messages() {
        return messages;
    }

    /** The elements that are not JSON objects (numbers, strings, arrays...): dead letters. */
    public List<String> notObjects() {
        return notObjects;
    }
}
