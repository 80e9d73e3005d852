package io.smppgateway.bridge.message;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * An SMS an ESME submitted to our server, as we publish it on NSQ_SMS_IN_TOPIC: one event per
 * segment, with the manual's fields. {@code smscTime} is when we received it, in Unix milliseconds.
 */
public record SmsIn(long clientId, String msgId, String sender, String receiver, String serviceType, int srcTon,
                    int srcNpi, int dstTon, int dstNpi, String message, int dataCoding, int reference,
                    int totalParts, int partNumber, long smscTime) {

    /**
     * The JSON body, fields in the manual's order. Written member by member rather than through a
     * {@code JsonObject} tree: one body per segment, and building the tree cost more than the writing.
     */
    public String toJson() {
        StringWriter text = new StringWriter(320);
        try (JsonWriter json = new JsonWriter(text)) {
            json.beginObject();
            json.name("client_id").value(clientId);
            json.name("msg_id").value(msgId);
            json.name("sender").value(sender);
            json.name("receiver").value(receiver);
            json.name("service_type").value(serviceType);
            json.name("src_ton").value(srcTon);
            json.name("src_npi").value(srcNpi);
            json.name("dst_ton").value(dstTon);
            json.name("dst_npi").value(dstNpi);
            json.name("message").value(message);
            json.name("data_coding").value(dataCoding);
            json.name("reference").value(reference);
            json.name("total_parts").value(totalParts);
            json.name("part_number").value(partNumber);
            json.name("smsc_time").value(smscTime);
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return text.toString();
    }
}
