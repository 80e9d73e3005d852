package io.smppgateway.smpp.interop.session;

import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.receipt.DeliveryReceipt;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.receipt.MessageState;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages the session interop tests send, and short messages built by hand (not by our text
 * package) so that the other side's view of them is checked against an independent encoding.
 */
final class SampleMessages {

    /**
     * Only characters whose GSM 7-bit default alphabet code equals their ASCII code, so that the
     * ASCII octets are the unpacked GSM 7-bit short message whichever library writes them.
     */
    static final String GSM_TEXT = "Hello from the interop test, code 4711!";

    static final String UCS2_TEXT = "Привіт, світ! 你好 ✓";

    /** 3 parts of at most 153 septets (160 minus the 6-octet concatenation header, unpacked: 134 octets). */
    static final String LONG_TEXT = ("This message is longer than one SMS can hold, so it goes in parts that a "
            + "concatenation header ties together. ").repeat(3).trim();

    /** Octets of text per part after a 6-octet UDH, one septet per octet: 140 - 6. */
    static final int PART_OCTETS = 134;

    private SampleMessages() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] ucs2(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }

    /**
     * LONG_TEXT as concatenated short messages, each:
     * <pre>
     *   05        UDHL: 5 octets of header follow
     *   00        IEI: concatenated short messages, 8-bit reference
     *   03        IEDL: 3 octets
     *   ref       the reference shared by all parts
     *   total     number of parts
     *   seq       this part, from 1
     *   text...   up to 134 octets of unpacked GSM 7-bit (ASCII-compatible) text
     * </pre>
     */
    static List<byte[]> concatenatedParts(String text, int reference) {
        byte[] all = ascii(text);
        int total = (all.length + PART_OCTETS - 1) / PART_OCTETS;
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int from = i * PART_OCTETS;
            int length = Math.min(PART_OCTETS, all.length - from);
            byte[] part = new byte[6 + length];
            part[0] = 0x05;
            part[1] = 0x00;
            part[2] = 0x03;
            part[3] = (byte) reference;
            part[4] = (byte) total;
            part[5] = (byte) (i + 1);
            System.arraycopy(all, from, part, 6, length);
            parts.add(part);
        }
        return parts;
    }

    /** A concatenated part read by hand: the header's reference, total and number, and the text after it. */
    record Part(int reference, int total, int number, String text) {

        /** Reads a short message that starts with a UDH holding one 8-bit-reference concatenation element. */
        static Part read(byte[] shortMessage, boolean ucs2) {
            int headerLength = shortMessage[0] & 0xFF;
            if (headerLength != 5 || shortMessage[1] != 0x00 || shortMessage[2] != 0x03) {
                throw new AssertionError("not a 6-octet concatenation header: " + java.util.HexFormat.of()
                        .formatHex(shortMessage, 0, Math.min(shortMessage.length, 8)));
            }
            byte[] body = java.util.Arrays.copyOfRange(shortMessage, 6, shortMessage.length);
            String text = new String(body, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
            return new Part(shortMessage[3] & 0xFF, shortMessage[4] & 0xFF, shortMessage[5] & 0xFF, text);
        }
    }

    /** A delivered receipt for {@code messageId}: Appendix B text and the receipted_message_id and message_state TLVs. */
    static DeliverSm receiptFor(String messageId) {
        String text = receiptText(messageId);
        return DeliverSm.builder()
                .source(1, 1, "380991234567")
                .destination(5, 0, "MyShop")
                .esmClass(EsmClass.DELIVERY_RECEIPT)
                .shortMessage(ascii(text))
                .tlv(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, messageId))
                .tlv(Tlv.ofInt(TlvTag.MESSAGE_STATE, MessageState.DELIVERED.value()))
                .build();
    }

    static String receiptText(String messageId) {
        return DeliveryReceipt.of(messageId, FinalStatus.DELIVERED, 0, LocalDateTime.of(2026, 11, 26, 1, 50),
                LocalDateTime.of(2026, 11, 26, 1, 51), GSM_TEXT).toText();
    }
}
