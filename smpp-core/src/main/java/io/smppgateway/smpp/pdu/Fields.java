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
        if (value == null || value.isEmpty()) {
            return "";
        }
        int length = value.length();
        if (length > maxLengthWithNul - 1) {
            throw new IllegalArgumentException(
                    name + " is at most " + (maxLengthWithNul - 1) + " characters, was " + length);
        }
        for (int i = 0; i < length; i++) {
            // One unsigned comparison for both: NUL wraps around to 0xFFFF, and nothing above 0xFF fits an octet.
            if ((char) (value.charAt(i) - 1) >= 0xFF) {
                throw new IllegalArgumentException(name + " holds a character that a C-octet string cannot carry at " + i);
            }
        }
        return value;
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
