package io.smppgateway.store.inbound;

import io.smppgateway.store.FieldErrors;
import io.smppgateway.store.ValidationException;

/**
 * A message id we handed to an ESME in submit_sm_resp, with what its delivery receipt needs later:
 * the addresses to swap, the {@code sub:} count, the {@code submit date:} and the first characters
 * of the text for {@code text:}. Checked here, before any SQL, with a {@link ValidationException}.
 *
 * @param msgId the id we issued (a UUID, at most 64 characters as SMPP's message_id)
 * @param submitTime Unix milliseconds when we received the submit_sm
 * @param sub the receipt's {@code sub:} value, 0 to 999 (usually 1)
 * @param textStart at most {@link #TEXT_START_LENGTH} characters; {@link #textStartOf} cuts a text to it
 */
public record IssuedMessage(String msgId, long clientId, long submitTime, String sourceAddr, int sourceTon,
                            int sourceNpi, String destAddr, int destTon, int destNpi, int registeredDelivery,
                            int dataCoding, int sub, String textStart) {

    public static final int MAX_MSG_ID = 64;
    /** SMPP addresses are at most 20 characters; 25 is the manual's sender limit, the larger of the two. */
    public static final int MAX_ADDRESS = 25;
    /** The standard receipt carries the first 20 characters of the text. */
    public static final int TEXT_START_LENGTH = 20;

    public IssuedMessage {
        sourceAddr = sourceAddr == null ? "" : sourceAddr;
        destAddr = destAddr == null ? "" : destAddr;
        textStart = textStart == null ? "" : textStart;
        new FieldErrors()
                .requiredText("msg_id", msgId, MAX_MSG_ID)
                .range("client_id", clientId, 1, Long.MAX_VALUE)
                .range("submit_time", submitTime, 0, Long.MAX_VALUE)
                .optionalText("source_addr", sourceAddr, MAX_ADDRESS)
                .range("source_ton", sourceTon, 0, 255)
                .range("source_npi", sourceNpi, 0, 255)
                .optionalText("dest_addr", destAddr, MAX_ADDRESS)
                .range("dest_ton", destTon, 0, 255)
                .range("dest_npi", destNpi, 0, 255)
                .range("registered_delivery", registeredDelivery, 0, 255)
                .range("data_coding", dataCoding, 0, 255)
                .range("sub", sub, 0, 999)
                .optionalText("text_start", textStart, TEXT_START_LENGTH)
                .throwIfAny("issued message");
    }

    /** A message id issued to a client, its fields set by name; {@code sub} is 1 unless set. */
    public static Builder issued(String msgId, long clientId) {
        return new Builder(msgId, clientId);
    }

    /** Builds an {@link IssuedMessage} by field name; {@link #build()} checks it. */
    public static final class Builder {
        private final String msgId;
        private final long clientId;
        private long submitTime;
        private String sourceAddr = "";
        private int sourceTon;
        private int sourceNpi;
        private String destAddr = "";
        private int destTon;
        private int destNpi;
        private int registeredDelivery;
        private int dataCoding;
        private int sub = 1;
        private String textStart = "";

        private Builder(String msgId, long clientId) {
            this.msgId = msgId;
            this.clientId = clientId;
        }

        public Builder submittedAt(long submitTime) {
            this.submitTime = submitTime;
            return this;
        }

        public Builder source(String address, int ton, int npi) {
            this.sourceAddr = address;
            this.sourceTon = ton;
            this.sourceNpi = npi;
            return this;
        }

        public Builder destination(String address, int ton, int npi) {
            this.destAddr = address;
            this.destTon = ton;
            this.destNpi = npi;
            return this;
        }

        public Builder registeredDelivery(int registeredDelivery) {
            this.registeredDelivery = registeredDelivery;
            return this;
        }

        public Builder dataCoding(int dataCoding) {
            this.dataCoding = dataCoding;
            return this;
        }

        /** The receipt's {@code sub:} count. */
        public Builder sub(int sub) {
            this.sub = sub;
            return this;
        }

        /** The first characters of the text, already cut ({@link #textStartOf}). */
        public Builder textStart(String textStart) {
            this.textStart = textStart;
            return this;
        }

        public IssuedMessage build() {
            return new IssuedMessage(msgId, clientId, submitTime, sourceAddr, sourceTon, sourceNpi, destAddr, destTon,
                    destNpi, registeredDelivery, dataCoding, sub, textStart);
        }
    }

    /** The first {@link #TEXT_START_LENGTH} characters of {@code text}, not splitting a surrogate pair. */
    public static String textStartOf(String text) {
        if (text == null || text.length() <= TEXT_START_LENGTH) {
            return text == null ? "" : text;
        }
        int end = TEXT_START_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
