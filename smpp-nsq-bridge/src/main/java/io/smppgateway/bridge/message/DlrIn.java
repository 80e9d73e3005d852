package io.smppgateway.bridge.message;

import com.google.gson.JsonObject;

/**
 * A status event for an SMS the application sent (topic NSQ_DLR_IN_TOPIC): {@code sent} once the
 * SMSC accepted it, then one final status. Times are Unix milliseconds; a time not reached yet is
 * {@code null} and left out, as in the manual's examples ({@code sent} has no {@code dlr_time}).
 */
public record DlrIn(String smscId, String msgId, String gatewayMsgId, int totalParts, int partNumber,
                    int dataCoding, String status, Integer errCode, Long acptTime, Long sentTime, Long smscTime,
                    Long dlrTime) {

    public static final String SENT = "sent";

    /** The JSON body, fields in the manual's order. */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("smsc_id", smscId);
        json.addProperty("msg_id", msgId);
        if (gatewayMsgId != null) {
            json.addProperty("gateway_msg_id", gatewayMsgId);
        }
        json.addProperty("total_parts", totalParts);
        json.addProperty("part_number", partNumber);
        json.addProperty("data_coding", dataCoding);
        json.addProperty("status", status);
        if (errCode != null) {
            json.addProperty("err_code", errCode);
        }
        addTime(json, "acpt_time", acptTime);
        addTime(json, "sent_time", sentTime);
        addTime(json, "smsc_time", smscTime);
        addTime(json, "dlr_time", dlrTime);
        return json.toString();
    }

    private static void addTime(JsonObject json, String name, Long value) {
        if (value != null) {
            json.addProperty(name, value);
        }
    }
}
