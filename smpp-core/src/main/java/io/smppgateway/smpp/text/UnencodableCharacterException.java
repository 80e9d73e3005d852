package io.smppgateway.smpp.text;

/**
 * A text holds a character that the chosen alphabet has no code for.
 *
 * <p>Callers that want to avoid it check {@link Alphabet#canEncode(CharSequence)} first, or let
 * {@link EncodingChooser} pick an alphabet that fits.
 */
public final class UnencodableCharacterException extends IllegalArgumentException {
    private final Alphabet alphabet;
    private final int codePoint;
    private final int index;

    public UnencodableCharacterException(Alphabet alphabet, int codePoint, int index) {
        super(String.format("character '%s' (U+%04X) at index %d cannot be encoded in %s",
                printable(codePoint), codePoint, index, alphabet));
        this.alphabet = alphabet;
        this.codePoint = codePoint;
        this.index = index;
    }

    /** The alphabet that was asked to encode the text. */
    public Alphabet alphabet() {
        return alphabet;
    }

    /** The Unicode code point that has no code (a lone surrogate is reported as itself). */
    public int codePoint() {
        return codePoint;
    }

    /** The index of that character in the text, in UTF-16 units as {@link String#charAt} counts. */
    public int index() {
        return index;
    }

    private static String printable(int codePoint) {
        if (Character.isISOControl(codePoint) || (codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint))) {
            return "?";
        }
        return new String(Character.toChars(codePoint));
    }
}
