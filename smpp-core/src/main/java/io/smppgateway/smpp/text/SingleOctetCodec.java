package io.smppgateway.smpp.text;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * An alphabet of at most 256 characters, one octet each, with its tables taken once from a JDK
 * charset: the characters it can encode are exactly those its 256 octets decode to. An octet the
 * charset leaves unassigned (ASCII above 0x7F, the gaps of ISO-8859-8) decodes to U+FFFD.
 */
final class SingleOctetCodec implements TextCodec {
    private static final char REPLACEMENT = '\uFFFD';
    private static final short NONE = -1;

    private final char[] decode = new char[256];
    private final short[] encode;

    SingleOctetCodec(Charset charset) {
        char highest = 0;
        for (int octet = 0; octet < 256; octet++) {
            String decoded = new String(new byte[] {(byte) octet}, charset);
            decode[octet] = decoded.length() == 1 ? decoded.charAt(0) : REPLACEMENT;
            if (decode[octet] != REPLACEMENT) {
                highest = (char) Math.max(highest, decode[octet]);
            }
        }
        encode = new short[highest + 1];
        Arrays.fill(encode, NONE);
        for (int octet = 0; octet < 256; octet++) {
            if (decode[octet] != REPLACEMENT) {
                encode[decode[octet]] = (short) octet;
            }
        }
    }

    @Override
    public int firstUnencodable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (codeOf(text.charAt(i)) == NONE) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public byte[] encode(CharSequence text) {
        byte[] octets = new byte[text.length()];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) codeOf(text.charAt(i));
        }
        return octets;
    }

    @Override
    public String decode(byte[] data, int offset, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = decode[data[offset + i] & 0xFF];
        }
        return new String(text);
    }

    @Override
    public int unitsOf(int codePoint) {
        return 1;
    }

    @Override
    public int units(CharSequence text) {
        return text.length();
    }

    private int codeOf(char c) {
        return c < encode.length ? encode[c] : NONE;
    }
}
