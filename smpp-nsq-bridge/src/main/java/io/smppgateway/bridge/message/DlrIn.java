package io.smppgateway.bridge.message;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A status event for an SMS the application sent (topic NSQ_DLR_IN_TOPIC): {@code sent} once the
 * SMSC accepted it, then one final status. Times are Unix milliseconds; a time not reached yet is
 * {@code null} and left out, as in the manual's examples ({@code sent} has no {@code dlr_time}).
 */
public record DlrIn(String smscId, String msgId, String gatewayMsgId, int totalParts, int partNumber,
                    int dataCoding, String status, Integer errCode, Long acptTime, Long sentTime, Long smscTime,
                    Long dlrTime) {

    public static final String SENT = "sent";

    /** The JSON body, fields in the manual's order, written member by member as {@link SmsIn#toJson()} is. */
    public String toJson() {
        StringWriter text = new StringWriter(256);
        try (JsonWriter json = new JsonWriter(text)) {
            json.beginObject();
            json.name("smsc_id").value(smscId);
            json.name("msg_id").value(msgId);
            if (gatewayMsgId != null) {
                json.name("gateway_msg_id").value(gatewayMsgId);
            }
            json.name("total_parts").value(totalParts);
            json.name("part_number").value(partNumber);
            json.name("data_coding").value(dataCoding);
            json.name("status").value(status);
            if (errCode != null) {
                json.name("err_code").value(errCode);
            }
            writeTime(json, "acpt_time", acptTime);
            writeTime(json, "sent_time", sentTime);
            writeTime(json, "smsc_time", smscTime);
            writeTime(json, "dlr_time", dlrTime);
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return text.toString();
    }

    private static void writeTime(JsonWriter json, String name, Long value) throws IOException {
        if (value != null) {
            json.name(name).value(value);
        }
    }
}
