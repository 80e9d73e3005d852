package io.smppgateway.smpp.text;

/**
 * {@link Alphabet#UCS2}: every UTF-16 unit as two octets, big-endian (UTF-16BE). A character
 * outside the Basic Multilingual Plane travels as its surrogate pair, which takes two units; a lone
 * surrogate is carried as it is, so that any Java string round-trips. An odd last octet decodes to
 * U+FFFD REPLACEMENT CHARACTER.
 */
final class Ucs2Codec implements TextCodec {
    static final char REPLACEMENT = '\uFFFD';

    @Override
    public int firstUnencodable(CharSequence text) {
        return -1;
    }

    @Override
    public byte[] encode(CharSequence text) {
        byte[] octets = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            char unit = text.charAt(i);
            octets[2 * i] = (byte) (unit >>> 8);
            octets[2 * i + 1] = (byte) unit;
        }
        return octets;
    }

    @Override
    public String decode(byte[] data, int offset, int length) {
        StringBuilder text = new StringBuilder(length / 2 + 1);
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            text.append((char) (((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF)));
        }
        if (i < end) {
            text.append(REPLACEMENT);
        }
        return text.toString();
    }

    @Override
    public int unitsOf(int codePoint) {
        return Character.charCount(codePoint);
    }

    @Override
    public int units(CharSequence text) {
        return text.length();
    }
}
