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

    /** An SMS_IN event, its fields set by name; one part of one unless set. */
    public static Builder of(long clientId, String msgId) {
        return new Builder(clientId, msgId);
    }

    /** Builds an {@link SmsIn} by field name. */
    public static final class Builder {
        private final long clientId;
        private final String msgId;
        private String sender;
        private int srcTon;
        private int srcNpi;
        private String receiver;
        private int dstTon;
        private int dstNpi;
        private String serviceType = "";
        private String message;
        private int dataCoding;
        private int reference;
        private int totalParts = 1;
        private int partNumber = 1;
        private long smscTime;

        private Builder(long clientId, String msgId) {
            this.clientId = clientId;
            this.msgId = msgId;
        }

        public Builder sender(String address, int ton, int npi) {
            this.sender = address;
            this.srcTon = ton;
            this.srcNpi = npi;
            return this;
        }

        public Builder receiver(String address, int ton, int npi) {
            this.receiver = address;
            this.dstTon = ton;
            this.dstNpi = npi;
            return this;
        }

        public Builder serviceType(String serviceType) {
            this.serviceType = serviceType;
            return this;
        }

        public Builder message(String message, int dataCoding) {
            this.message = message;
            this.dataCoding = dataCoding;
            return this;
        }

        /** Which part of a multipart message: {@code partNumber} of {@code totalParts}, linked by {@code reference}. */
        public Builder part(int reference, int totalParts, int partNumber) {
            this.reference = reference;
            this.totalParts = totalParts;
            this.partNumber = partNumber;
            return this;
        }

        /** When the gateway received it, Unix milliseconds. */
        public Builder receivedAt(long smscTime) {
            this.smscTime = smscTime;
            return this;
        }

        public SmsIn build() {
            return new SmsIn(clientId, msgId, sender, receiver, serviceType, srcTon, srcNpi, dstTon, dstNpi, message,
                    dataCoding, reference, totalParts, partNumber, smscTime);
        }
    }

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
