package io.smppgateway.smpp.pdu;

/** How a TLV's value is laid out: an unsigned integer of 1, 2 or 4 octets, a C-octet string, or octets. */
public enum TlvType {
    INT8(1),
    INT16(2),
    INT32(4),
    CSTRING(-1),
    OCTETS(-1);

    private final int fixedLength;

    TlvType(int fixedLength) {
        this.fixedLength = fixedLength;
    }

    /** The length of an integer value, or -1 for the variable-length types. */
    public int fixedLength() {
        return fixedLength;
    }

    public boolean isInteger() {
        return fixedLength > 0;
    }
}
