package io.smppgateway.smpp.text;

import java.util.HexFormat;

/** Test vectors written as ints, so that each octet can carry its own comment. */
final class Octets {
    private Octets() {
    }

    static byte[] of(int... octets) {
        byte[] bytes = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            if (octets[i] < 0 || octets[i] > 0xFF) {
                throw new IllegalArgumentException("not an octet: " + octets[i]);
            }
            bytes[i] = (byte) octets[i];
        }
        return bytes;
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
