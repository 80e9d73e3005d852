package io.smppgateway.smpp.text;

import java.util.Arrays;

/**
 * The GSM 7-bit default alphabet and its basic extension table (3GPP TS 23.038 section 6.2.1),
 * as unpacked septets: one septet in the low 7 bits of each octet, which is how SMPP usually
 * carries data_coding 0. {@link SeptetPacker} turns septets into the packed form and back.
 *
 * <p>A character of the extension table is sent as the escape septet {@code 0x1B} followed by its
 * code, so it counts two septets against the message limits.
 *
 * <p>Decoding never throws. Octets that are not a valid GSM text decode as follows:
 * <ul>
 *   <li>an octet above {@code 0x7F} (not a septet) decodes to U+FFFD REPLACEMENT CHARACTER;</li>
 *   <li>an escape with nothing after it, or followed by an octet above {@code 0x7F}, decodes to
 *       U+FFFD, and the octet after it (if any) is decoded on its own;</li>
 *   <li>an escape followed by a code the extension table does not define decodes to that code's
 *       character in the basic table, as TS 23.038 asks of a receiving entity;</li>
 *   <li>two escapes in a row (reserved for a further extension table) decode to a space, again as
 *       TS 23.038 asks.</li>
 * </ul>
 */
public final class Gsm7Alphabet {
    /** The escape septet that announces a character of the extension table. */
    public static final int ESCAPE = 0x1B;
    /** What an invalid octet or a dangling escape decodes to. */
    public static final char REPLACEMENT = '\uFFFD';

    /**
     * The basic character set, indexed by septet. Index 0x1B is the escape and maps to no
     * character; it holds a placeholder that {@link #ENCODE} skips.
     */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** The basic extension table: septet after the escape, and the character it stands for. */
    private static final int[][] EXTENSION = {
            {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
            {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '€'},
    };

    /** Marks a code in {@link #ENCODE} as one of the extension table. */
    private static final int EXTENDED = 0x100;
    private static final int NONE = -1;

    /** Character to code: the septet, or {@code EXTENDED | septet} for the extension table. */
    private static final short[] ENCODE;
    /** Septet after an escape to the character it stands for, or 0 where the table has none. */
    private static final char[] DECODE_EXTENSION = new char[128];

    static {
        if (BASIC.length() != 128) {
            throw new AssertionError("GSM basic table must have 128 entries, has " + BASIC.length());
        }
        int highest = 0;
        for (int i = 0; i < 128; i++) {
            highest = Math.max(highest, BASIC.charAt(i));
        }
        for (int[] entry : EXTENSION) {
            highest = Math.max(highest, entry[1]);
        }
        ENCODE = new short[highest + 1];
        Arrays.fill(ENCODE, (short) NONE);
        for (int septet = 0; septet < 128; septet++) {
            if (septet != ESCAPE) {
                ENCODE[BASIC.charAt(septet)] = (short) septet;
            }
        }
        for (int[] entry : EXTENSION) {
            ENCODE[entry[1]] = (short) (EXTENDED | entry[0]);
            DECODE_EXTENSION[entry[0]] = (char) entry[1];
        }
    }

    private Gsm7Alphabet() {
    }

    /** Whether every character of the text is in the basic table or the extension table. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (codeOf(text.charAt(i)) == NONE) {
                return false;
            }
        }
        return true;
    }

    /** Whether this one code point has a code; a supplementary code point never has. */
    public static boolean canEncode(int codePoint) {
        return codePoint <= Character.MAX_VALUE && codeOf((char) codePoint) != NONE;
    }

    /** Whether the code point is one of the extension table (sent as two septets). */
    public static boolean isExtension(int codePoint) {
        return canEncode(codePoint) && (codeOf((char) codePoint) & EXTENDED) != 0;
    }

    /**
     * The septets the text takes: 1 per basic character, 2 per extension character.
     *
     * @throws UnencodableCharacterException at the first character outside the alphabet
     */
    public static int septetCount(CharSequence text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            int code = codeOf(text.charAt(i));
            if (code == NONE) {
                throw unencodable(text, i);
            }
            septets += (code & EXTENDED) != 0 ? 2 : 1;
        }
        return septets;
    }

    /**
     * Encodes the text as unpacked septets, one per octet.
     *
     * @throws UnencodableCharacterException at the first character outside the alphabet
     */
    public static byte[] encode(CharSequence text) {
        byte[] septets = new byte[septetCount(text)];
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            int code = codeOf(text.charAt(i));
            if ((code & EXTENDED) != 0) {
                septets[at++] = ESCAPE;
            }
            septets[at++] = (byte) (code & 0x7F);
        }
        return septets;
    }

    /** Decodes unpacked septets, one per octet; never throws (see the class comment). */
    public static String decode(byte[] septets) {
        return decode(septets, 0, septets.length);
    }

    /** Decodes {@code length} unpacked septets from {@code offset}; never throws on their values. */
    public static String decode(byte[] septets, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int septet = septets[i] & 0xFF;
            if (septet > 0x7F) {
                text.append(REPLACEMENT);
            } else if (septet != ESCAPE) {
                text.append(BASIC.charAt(septet));
            } else if (i + 1 >= end || (septets[i + 1] & 0xFF) > 0x7F) {
                text.append(REPLACEMENT);
            } else {
                int next = septets[++i] & 0xFF;
                if (next == ESCAPE) {
                    text.append(' ');
                } else if (DECODE_EXTENSION[next] != 0) {
                    text.append(DECODE_EXTENSION[next]);
                } else {
                    text.append(BASIC.charAt(next));
                }
            }
        }
        return text.toString();
    }

    /**
     * Encodes the text as packed septets after {@code fillBits} zero bits (0 to 6; see
     * {@link SeptetPacker#fillBitsAfter(int)} for the count after a header).
     *
     * @throws UnencodableCharacterException at the first character outside the alphabet
     */
    public static byte[] encodePacked(CharSequence text, int fillBits) {
        return SeptetPacker.pack(encode(text), fillBits);
    }

    /**
     * Decodes packed septets that start {@code fillBits} bits into {@code packed[offset]}; a last
     * septet in the spare bits is taken for padding as {@link SeptetPacker} explains. Never throws
     * on the octets' values.
     */
    public static String decodePacked(byte[] packed, int offset, int length, int fillBits) {
        return decode(SeptetPacker.unpack(packed, offset, length, fillBits));
    }

    private static int codeOf(char c) {
        return c < ENCODE.length ? ENCODE[c] : NONE;
    }

    private static UnencodableCharacterException unencodable(CharSequence text, int index) {
        return new UnencodableCharacterException(Alphabet.GSM7, Character.codePointAt(text, index), index);
    }
}
