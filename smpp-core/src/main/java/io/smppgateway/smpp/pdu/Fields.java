package io.smppgateway.smpp.pdu;

/** Checks the PDU records' compact constructors share, so that an invalid PDU cannot be built. */
final class Fields {

    private Fields() {
    }

    static int requireOctet(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be 0-255, was " + value);
        }
        return value;
    }

    static String requireCString(String name, String value, int maxLengthWithNul) {
        String text = value == null ? "" : value;
        if (text.length() > maxLengthWithNul - 1) {
            throw new IllegalArgumentException(
                    name + " is at most " + (maxLengthWithNul - 1) + " characters, was " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c > 0xFF) {
                throw new IllegalArgumentException(name + " holds a character that a C-octet string cannot carry at " + i);
            }
        }
        return text;
    }

    static Octets requireOctets(String name, Octets value, int maxLength) {
        Octets octets = value == null ? Octets.EMPTY : value;
        if (octets.length() > maxLength) {
            throw new IllegalArgumentException(name + " is at most " + maxLength + " octets, was " + octets.length());
        }
        return octets;
    }

    static Tlvs tlvs(Tlvs value) {
        return value == null ? Tlvs.EMPTY : value;
    }
}
