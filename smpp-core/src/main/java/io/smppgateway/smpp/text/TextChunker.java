package io.smppgateway.smpp.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into pieces of at most a given number of units, at code point boundaries only, so
 * that no piece ends in the middle of a GSM escape pair (the pair is one code point of 2 units) or
 * of a UTF-16 surrogate pair (one code point of 2 units). A piece may therefore hold one unit less
 * than the capacity.
 */
final class TextChunker {
    private TextChunker() {
    }

    /** The pieces, at least one (an empty text is one empty piece); the text must be encodable. */
    static List<String> chunk(String text, Alphabet alphabet, int capacity) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int units = alphabet.unitsOf(codePoint);
            if (used + units > capacity) {
                pieces.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += units;
            i += Character.charCount(codePoint);
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
