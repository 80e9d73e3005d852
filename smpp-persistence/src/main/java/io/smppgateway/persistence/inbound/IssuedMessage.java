package io.smppgateway.persistence.inbound;

import io.smppgateway.persistence.FieldErrors;
import io.smppgateway.persistence.ValidationException;

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
