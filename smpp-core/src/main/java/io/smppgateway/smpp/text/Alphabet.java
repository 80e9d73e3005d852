package io.smppgateway.smpp.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How the characters of a short message are written as octets, and how many fit in one SMS.
 *
 * <p>An SMS carries at most {@value #MAX_USER_DATA_OCTETS} octets of user data; a user data header
 * (UDH) takes its octets from the same budget. What the remainder holds depends on the alphabet's
 * unit: septets for {@link #GSM7} (160 in an SMS), UTF-16 units for {@link #UCS2} (70), octets for
 * the others (140). {@link #capacity(int)} gives the figure for a header of any length.
 *
 * <p>Decoding never throws on the octets' values: each alphabet says what invalid input decodes to.
 */
public enum Alphabet {
    /**
     * The GSM 7-bit default alphabet with its extension table, as unpacked septets (one per octet);
     * see {@link Gsm7Alphabet} for the invalid-input rules and {@link SeptetPacker} for the packed
     * form.
     */
    GSM7(7, new Gsm7Codec()),
    /**
     * IA5 (CCITT T.50), which SMPP equates with ASCII, and so do we: octets above 0x7F decode to
     * U+FFFD. The product manual calls data_coding 1 "ASCII (ISO-8859-9)"; we follow SMPP, since
     * ISO-8859-9 is a different (Turkish) character set and its upper half is not IA5.
     */
    ASCII(8, new SingleOctetCodec(StandardCharsets.US_ASCII)),
    /** ISO-8859-1. */
    LATIN_1(8, new SingleOctetCodec(StandardCharsets.ISO_8859_1)),
    /** ISO-8859-5. */
    CYRILLIC(8, new SingleOctetCodec(Charset.forName("ISO-8859-5"))),
    /** ISO-8859-8. */
    HEBREW(8, new SingleOctetCodec(Charset.forName("ISO-8859-8"))),
    /**
     * JIS X 0208-1990, written as Shift_JIS. JIS X 0208 is a character set, not an octet
     * encoding; the octet form that SMSCs and handsets use for it is Shift_JIS (3GPP2 C.S0015 names
     * its SMS encoding 0x05 "Shift-JIS", and the SMPP libraries that support data_coding 5 use it),
     * not the 7-bit ISO-2022-JP form with escape sequences nor EUC-JP. Shift_JIS writes ASCII and
     * half-width katakana in one octet and kanji in two, so the limits count octets: 140 in an SMS,
     * which is the manual's 70 when every character is a double-octet one. Shift_JIS writes both
     * U+005C and U+00A5 as 0x5C, which decodes as U+005C.
     */
    JIS(16, new CharsetCodec(Charset.forName("Shift_JIS"))),
    /** UCS-2 as UTF-16BE: characters outside the BMP go as a surrogate pair (two units). */
    UCS2(16, new Ucs2Codec()),
    /**
     * Octets with no text meaning (binary data). A string stands for them one character per octet,
     * U+0000 to U+00FF (the ISO-8859-1 mapping), so that no octet is lost on the way to the
     * application and back.
     */
    OCTETS(8, new SingleOctetCodec(StandardCharsets.ISO_8859_1));

    /** The user data of one SMS, in octets (3GPP TS 23.040: TP-UD). */
    public static final int MAX_USER_DATA_OCTETS = 140;

    private final int bitsPerCharacter;
    private final TextCodec codec;

    Alphabet(int bitsPerCharacter, TextCodec codec) {
        this.bitsPerCharacter = bitsPerCharacter;
        this.codec = codec;
    }

    /**
     * Bits per character as SMPP and the manual give them: 7, 8 or 16. UCS-2 characters outside
     * the BMP take twice that; JIS half-width characters half of it.
     */
    public int bitsPerCharacter() {
        return bitsPerCharacter;
    }

    /** Whether every character of the text has a code in this alphabet. */
    public boolean canEncode(CharSequence text) {
        return codec.firstUnencodable(text) < 0;
    }

    /**
     * Encodes the whole text.
     *
     * @throws UnencodableCharacterException naming the first character that has no code
     */
    public byte[] encode(CharSequence text) {
        requireEncodable(text);
        return codec.encode(text);
    }

    /** Decodes all the octets; never throws on their values. */
    public String decode(byte[] data) {
        return codec.decode(data, 0, data.length);
    }

    /** Decodes {@code length} octets from {@code offset}; never throws on their values. */
    public String decode(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException(String.format(
                    "range %d+%d is outside %d octets", offset, length, data.length));
        }
        return codec.decode(data, offset, length);
    }

    /**
     * The units the text takes against {@link #capacity(int)}: septets for GSM7 (an extension
     * character counts 2), UTF-16 units for UCS2 (a surrogate pair counts 2), octets otherwise.
     *
     * @throws UnencodableCharacterException naming the first character that has no code
     */
    public int units(CharSequence text) {
        requireEncodable(text);
        return codec.units(text);
    }

    /** The units one code point takes; the code point must be encodable. */
    int unitsOf(int codePoint) {
        return codec.unitsOf(codePoint);
    }

    /**
     * The units that fit in one SMS after a user data header of {@code headerOctets} octets
     * (0 for none). For GSM7 the header is rounded up to whole septets, as the fill bits of the
     * packed form do: 160 with no header, 153 after a 6-octet header, 152 after a 7-octet one. UCS2:
     * 70, 67, 66. Others: 140, 134, 133.
     */
    public int capacity(int headerOctets) {
        if (headerOctets < 0 || headerOctets >= MAX_USER_DATA_OCTETS) {
            throw new IllegalArgumentException("header length must be 0 to 139 octets: " + headerOctets);
        }
        return switch (this) {
            case GSM7 -> (MAX_USER_DATA_OCTETS * 8 - headerOctets * 8 - SeptetPacker.fillBitsAfter(headerOctets)) / 7;
            case UCS2 -> (MAX_USER_DATA_OCTETS - headerOctets) / 2;
            default -> MAX_USER_DATA_OCTETS - headerOctets;
        };
    }

    /** What {@link #units} counts, for messages: "septets", "UTF-16 units" or "octets". */
    public String unitName() {
        return switch (this) {
            case GSM7 -> "septets";
            case UCS2 -> "UTF-16 units";
            default -> "octets";
        };
    }

    private void requireEncodable(CharSequence text) {
        int index = codec.firstUnencodable(text);
        if (index >= 0) {
            throw new UnencodableCharacterException(this, Character.codePointAt(text, index), index);
        }
    }
}
