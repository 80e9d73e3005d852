package io.smppgateway.smpp.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * An alphabet of one- and two-octet characters backed by a JDK charset (Shift_JIS for
 * {@link Alphabet#JIS}). Decoding replaces malformed or unmapped octets with U+FFFD (what
 * {@link String#String(byte[], int, int, Charset)} does). Encoders are stateful, so each call takes
 * its own.
 */
final class CharsetCodec implements TextCodec {
    private final Charset charset;

    CharsetCodec(Charset charset) {
        this.charset = charset;
    }

    @Override
    public int firstUnencodable(CharSequence text) {
        CharsetEncoder encoder = charset.newEncoder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            int count = Character.charCount(codePoint);
            if (!encoder.canEncode(text.subSequence(i, i + count))) {
                return i;
            }
            i += count;
        }
        return -1;
    }

    @Override
    public byte[] encode(CharSequence text) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] octets = new byte[buffer.remaining()];
            buffer.get(octets);
            return octets;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("text passed the encodability check but did not encode in " + charset, e);
        }
    }

    @Override
    public String decode(byte[] data, int offset, int length) {
        return new String(data, offset, length, charset);
    }

    @Override
    public int unitsOf(int codePoint) {
        return encode(new String(Character.toChars(codePoint))).length;
    }

    @Override
    public int units(CharSequence text) {
        return encode(text).length;
    }
}
