package io.smppgateway.nsq;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.time.Duration;

/**
 * nsqd's answer to IDENTIFY with feature negotiation: the settings in force on this connection.
 * An nsqd that does not negotiate answers {@code OK}; then {@link #defaults()} applies.
 *
 * @param version       nsqd's version
 * @param maxRdyCount   the largest RDY this nsqd accepts (--max-rdy-count)
 * @param msgTimeout    how long nsqd waits for an answer to each message on this connection
 * @param maxMsgTimeout the longest TOUCH-extended lifetime of a message
 * @param authRequired  whether AUTH must come before SUB/PUB
 */
public record IdentifyResponse(String version, int maxRdyCount, Duration msgTimeout, Duration maxMsgTimeout,
                               boolean authRequired) {

    /** nsqd's documented defaults, for a plain {@code OK}. */
    public static IdentifyResponse defaults() {
        return new IdentifyResponse("unknown", 2500, Duration.ofSeconds(60), Duration.ofMinutes(15), false);
    }

    static IdentifyResponse parse(String text) {
        if (text.equals("OK")) {
            return defaults();
        }
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            IdentifyResponse d = defaults();
            return new IdentifyResponse(
                    string(json, "version", d.version()),
                    (int) number(json, "max_rdy_count", d.maxRdyCount()),
                    Duration.ofMillis(number(json, "msg_timeout", d.msgTimeout().toMillis())),
                    Duration.ofMillis(number(json, "max_msg_timeout", d.maxMsgTimeout().toMillis())),
                    json.has("auth_required") && json.get("auth_required").getAsBoolean());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new NsqProtocolException("IDENTIFY answer is neither OK nor a JSON object: " + text);
        }
    }

    private static long number(JsonObject json, String name, long fallback) {
        JsonElement e = json.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsLong();
    }

    private static String string(JsonObject json, String name, String fallback) {
        JsonElement e = json.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }
}
