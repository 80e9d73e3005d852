package io.smppgateway.smpp.codec;

import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Tlvs;

/** Counts the octets a body will take, so that the encoder allocates once and exactly. */
final class LengthCounter implements BodyWriter {

    private int length;

    int length() {
        return length;
    }

    @Override
    public void octet(int value) {
        length += 1;
    }

    @Override
    public void int32(int value) {
        length += 4;
    }

    @Override
    public void cString(String value) {
        length += value.length() + 1;
    }

    @Override
    public void lengthPrefixedOctets(Octets value) {
        length += 1 + value.length();
    }

    @Override
    public void tlvs(Tlvs tlvs) {
        length += tlvs.encodedLength();
    }
}
