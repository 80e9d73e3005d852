package io.smppgateway.bridge.flow;

import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.receipt.DeliveryReceipt;
import io.smppgateway.smpp.receipt.FinalStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The delivery receipt we send an ESME for a DLR_OUT event: a deliver_sm with esm_class 0x04, the
 * addresses of the original message swapped, the standard receipt text, and the
 * receipted_message_id and message_state TLVs (the session leaves TLVs out for a 3.3 ESME).
 *
 * <p>The text goes with data_coding 0. Its characters are kept to those that GSM 7-bit and ASCII
 * write alike (letters, digits, space and {@code !"#%&'()*+,-./:;<=>?}), each other character of the
 * {@code text:} field becoming {@code ?}: so the receipt reads the same whether the ESME takes data
 * coding 0 as GSM 7-bit or as ASCII, and {@code @}, {@code _} or {@code $} cannot turn into other
 * characters on the way.
 */
final class EsmeReceipt {

    private EsmeReceipt() {
    }

    /** Whether the ESME asked for this receipt (registered_delivery bits 0-1 of its submit). */
    static boolean requested(int registeredDelivery, FinalStatus status) {
        return switch (registeredDelivery & 0x03) {
            case 1 -> true;
            case 2 -> status != FinalStatus.DELIVERED;
            case 3 -> status == FinalStatus.DELIVERED;
            default -> false;
        };
    }

    static DeliverSm of(IssuedMessage issued, FinalStatus status, int errCode, long doneTime, ZoneId zone) {
        DeliveryReceipt receipt = DeliveryReceipt.of(issued.msgId(), status, errCode, localTime(issued.submitTime(), zone),
                localTime(doneTime, zone), issued.textStart());
        return DeliverSm.builder()
                .source(new Address(issued.destTon(), issued.destNpi(), issued.destAddr()))
                .destination(new Address(issued.sourceTon(), issued.sourceNpi(), issued.sourceAddr()))
                .esmClass(EsmClass.DELIVERY_RECEIPT)
                .dataCoding(0)
                .shortMessage(safeText(receipt.toText()).getBytes(StandardCharsets.US_ASCII))
                .tlv(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, issued.msgId()))
                .tlv(Tlv.ofInt(TlvTag.MESSAGE_STATE, status.messageState().value()))
                .build();
    }

    private static LocalDateTime localTime(long millis, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
    }

    static String safeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isSafe(c) ? c : '?');
        }
        return out.toString();
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || " !\"#%&'()*+,-./:;<=>?".indexOf(c) >= 0;
    }
}
