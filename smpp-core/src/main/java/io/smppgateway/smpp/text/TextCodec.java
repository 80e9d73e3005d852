package io.smppgateway.smpp.text;

/**
 * How one {@link Alphabet} turns text into octets and back. Decoding never throws on the octets'
 * values; encoding is asked only about text that {@link #firstUnencodable} accepted.
 */
interface TextCodec {
    /** The index of the first character that has no code, or -1 when the whole text encodes. */
    int firstUnencodable(CharSequence text);

    /** The octets of a text that encodes entirely. */
    byte[] encode(CharSequence text);

    /** The text of {@code length} octets from {@code offset}, with replacements for invalid ones. */
    String decode(byte[] data, int offset, int length);

    /** The units (septets, octets or UTF-16 units) one encodable code point takes. */
    int unitsOf(int codePoint);

    /** The units a text that encodes entirely takes. */
    int units(CharSequence text);
}
