package io.smppgateway.bridge.message;

import com.google.gson.JsonObject;

/**
 * An SMS an ESME submitted to our server, as we publish it on NSQ_SMS_IN_TOPIC: one event per
 * segment, with the manual's fields. {@code smscTime} is when we received it, in Unix milliseconds.
 */
public record SmsIn(long clientId, String msgId, String sender, String receiver, String serviceType, int srcTon,
                    int srcNpi, int dstTon, int dstNpi, String message, int dataCoding, int reference,
                    int totalParts, int partNumber, long smscTime) {

    /** The JSON body, fields in the manual's order. */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("client_id", clientId);
        json.addProperty("msg_id", msgId);
        json.addProperty("sender", sender);
        json.addProperty("receiver", receiver);
        json.addProperty("service_type", serviceType);
        json.addProperty("src_ton", srcTon);
        json.addProperty("src_npi", srcNpi);
        json.addProperty("dst_ton", dstTon);
        json.addProperty("dst_npi", dstNpi);
        json.addProperty("message", message);
        json.addProperty("data_coding", dataCoding);
        json.addProperty("reference", reference);
        json.addProperty("total_parts", totalParts);
        json.addProperty("part_number", partNumber);
        json.addProperty("smsc_time", smscTime);
        return json.toString();
    }
}
