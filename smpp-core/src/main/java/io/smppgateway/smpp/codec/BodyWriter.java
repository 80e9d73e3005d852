package io.smppgateway.smpp.codec;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Tlvs;

/**
 * Where a body codec writes fields. Every codec writes its body once, in wire order, to this
 * interface; {@link LengthCounter} sums the lengths so that the encoder allocates the exact size
 * first, and {@link BufferWriter} writes the octets.
 */
interface BodyWriter {

    void octet(int value);

    void int32(int value);

    /** A C-octet string: its characters as ISO-8859-1 octets and a terminating NUL. */
    void cString(String value);

    /** sm_length and short_message. */
    void lengthPrefixedOctets(Octets value);

    void tlvs(Tlvs tlvs);

    default void address(Address address) {
        octet(address.ton());
        octet(address.npi());
        cString(address.address());
    }
}
