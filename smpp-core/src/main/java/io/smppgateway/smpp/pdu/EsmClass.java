package io.smppgateway.smpp.pdu;

/** The esm_class bits the gateway acts on (SMPP 5.0, 4.7.12). */
public final class EsmClass {

    /** Message type bits 2-5: SMSC delivery receipt. */
    public static final int DELIVERY_RECEIPT = 0x04;
    /** Message type bits 2-5 mask. */
    public static final int MESSAGE_TYPE_MASK = 0x3C;
    /** GSM feature bit 6: short_message starts with a user data header. */
    public static final int UDHI = 0x40;
    /** GSM feature bit 7: reply path. */
    public static final int REPLY_PATH = 0x80;

    private EsmClass() {
    }

    public static boolean isDeliveryReceipt(int esmClass) {
        return (esmClass & MESSAGE_TYPE_MASK) == DELIVERY_RECEIPT;
    }

    public static boolean hasUdh(int esmClass) {
        return (esmClass & UDHI) != 0;
    }
}
