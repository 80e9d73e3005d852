package io.smppgateway.bench.codec;

import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The three PDUs every codec benchmark works on, as plain field values that each library turns into
 * its own PDU type, and as the wire octets that every decode benchmark reads. Each library's
 * benchmark checks in its setup that its encoder produces exactly {@link #submitSmWire()} and
 * the others, so that all of them encode the same PDUs and decode the same octets.
 */
final class CodecSamples {

    static final int SEQUENCE_NUMBER = 0x1234;

    static final int SENDER_TON = 5;
    static final int SENDER_NPI = 0;
    static final String SENDER = "MyBrand";
    static final int RECEIVER_TON = 1;
    static final int RECEIVER_NPI = 1;
    static final String RECEIVER = "380991234567";

    static final int REGISTERED_DELIVERY = 1;
    static final int ESM_CLASS_RECEIPT = 0x04;

    /**
     * A full single-part message of 160 characters from the GSM 7-bit default alphabet, carried
     * unpacked as SMPP does with data_coding 0: letters, digits and this punctuation have the same
     * code in GSM 03.38 as in ASCII, so one octet per character.
     */
    static final byte[] TEXT = bytes("Your verification code is 482913. It expires in 10 minutes. Never share "
            + "this code with anyone, not even with our staff. Questions? Call 0800 123 4567, any time.");

    static final String RECEIPTED_MESSAGE_ID = "0123456789abcdef";
    static final int MESSAGE_STATE_DELIVERED = 2;
    static final byte[] RECEIPT_TEXT = bytes("id:" + RECEIPTED_MESSAGE_ID + " sub:001 dlvrd:001 submit date:2407292102"
            + " done date:2407292103 stat:DELIVRD err:000 text:Your verificatio");

    static {
        if (TEXT.length != 160) {
            throw new ExceptionInInitializerError("the sample text must be 160 characters, is " + TEXT.length);
        }
    }

    private CodecSamples() {
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static SubmitSm submitSm() {
        return SubmitSm.builder()
                .sequenceNumber(SEQUENCE_NUMBER)
                .source(Address.of(SENDER_TON, SENDER_NPI, SENDER))
                .destination(Address.of(RECEIVER_TON, RECEIVER_NPI, RECEIVER))
                .registeredDelivery(REGISTERED_DELIVERY)
                .shortMessage(Octets.of(TEXT))
                .build();
    }

    static DeliverSm deliveryReceipt() {
        return DeliverSm.builder()
                .sequenceNumber(SEQUENCE_NUMBER)
                .source(Address.of(RECEIVER_TON, RECEIVER_NPI, RECEIVER))
                .destination(Address.of(SENDER_TON, SENDER_NPI, SENDER))
                .esmClass(ESM_CLASS_RECEIPT)
                .shortMessage(Octets.of(RECEIPT_TEXT))
                .tlv(Tlv.ofCString(TlvTag.RECEIPTED_MESSAGE_ID, RECEIPTED_MESSAGE_ID))
                .tlv(Tlv.ofInt(TlvTag.MESSAGE_STATE, MESSAGE_STATE_DELIVERED))
                .build();
    }

    static EnquireLink enquireLink() {
        return new EnquireLink(SEQUENCE_NUMBER);
    }

    static byte[] submitSmWire() {
        return PduEncoder.WITH_TLVS.toBytes(submitSm());
    }

    static byte[] deliverSmWire() {
        return PduEncoder.WITH_TLVS.toBytes(deliveryReceipt());
    }

    static byte[] enquireLinkWire() {
        return PduEncoder.WITH_TLVS.toBytes(enquireLink());
    }

    /** Fails the benchmark's setup when a library writes other octets than the shared sample. */
    static void requireSameOctets(String what, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException(what + " differs from the shared sample:\n expected "
                    + Octets.of(expected).toHex() + "\n actual   " + Octets.of(actual).toHex());
        }
    }

    /** Fails the benchmark's setup when a decoder read a field other than the sample holds. */
    static void requireEqual(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + " decoded as " + actual + ", expected " + expected);
        }
    }
}
