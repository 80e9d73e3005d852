package io.smppgateway.bridge.flow;

import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.receipt.DeliveryReceipt;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.receipt.MessageState;
import io.smppgateway.smpp.text.InboundMessageDecoder;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an SMSC's delivery receipt (a deliver_sm or data_sm with esm_class 0x04) says about one of
 * our messages: its id at the SMSC, its state, and an error code.
 *
 * <p>Each value is taken from the best source that has it: the {@code receipted_message_id} and
 * {@code message_state} TLVs first, then the receipt text ({@link DeliveryReceipt#parse}, which also
 * finds a bare {@code id:} in otherwise unreadable text). The error code is the text's {@code err:},
 * else the last octets of the {@code network_error_code} TLV, else 0. The text is decoded by its
 * data_coding first, so that receipts sent in UCS-2 read as well.
 *
 * @param gatewayMsgId the SMSC's id for our message, as it gave it here
 * @param state the state, when a TLV or the text names one we know
 * @param statWord the text's {@code stat:} word, as sent, or null
 */
record SmscReceipt(String gatewayMsgId, Optional<MessageState> state, String statWord, int errCode) {

    /** Reads a receipt; empty when no message id can be found in it at all. */
    static Optional<SmscReceipt> read(Octets shortMessage, int dataCoding, boolean udhi, Tlvs tlvs) {
        Octets octets = shortMessage.isEmpty() ? tlvs.octets(TlvTag.MESSAGE_PAYLOAD).orElse(Octets.EMPTY) : shortMessage;
        Optional<DeliveryReceipt> text = parseText(octets, dataCoding, udhi);
        Optional<String> tlvId = tlvs.stringValue(TlvTag.RECEIPTED_MESSAGE_ID).map(String::strip).filter(id -> !id.isEmpty());
        Optional<String> id = tlvId.or(() -> text.map(DeliveryReceipt::id));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<MessageState> tlvState = tlvs.intValue(TlvTag.MESSAGE_STATE).flatMap(v -> MessageState.of(v.intValue()));
        Optional<MessageState> state = tlvState.or(() -> text.flatMap(DeliveryReceipt::state));
        String statWord = text.map(DeliveryReceipt::stat).orElse(null);
        return Optional.of(new SmscReceipt(id.get(), state, statWord, errorCode(text, tlvs)));
    }

    private static Optional<DeliveryReceipt> parseText(Octets octets, int dataCoding, boolean udhi) {
        try {
            return DeliveryReceipt.parse(InboundMessageDecoder.decode(octets.toByteArray(), udhi, dataCoding).text());
        } catch (RuntimeException malformedHeader) {
            return Optional.empty();
        }
    }

    private static int errorCode(Optional<DeliveryReceipt> text, Tlvs tlvs) {
        OptionalInt fromText = text.map(DeliveryReceipt::errorCode).orElse(OptionalInt.empty());
        if (fromText.isPresent()) {
            return fromText.getAsInt();
        }
        // network_error_code: network type (1 octet), then the error code (2 octets)
        return tlvs.octets(TlvTag.NETWORK_ERROR_CODE).filter(v -> v.length() == 3)
                .map(v -> (v.unsignedByteAt(1) << 8) | v.unsignedByteAt(2)).orElse(0);
    }

    /**
     * The final status this receipt settles the message with, or empty for an intermediate state
     * (ENROUTE, ACCEPTD, ...): a state from a TLV or a known word maps as {@link FinalStatus#of(MessageState)}
     * says; a receipt with no state at all, or a word nobody knows, is {@code unknown}.
     */
    Optional<FinalStatus> finalStatus() {
        if (state.isPresent()) {
            return FinalStatus.of(state.get());
        }
        return FinalStatus.ofStatWord(statWord);
    }
}
