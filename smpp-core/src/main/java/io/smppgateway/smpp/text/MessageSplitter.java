package io.smppgateway.smpp.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an outbound text into the short messages to send.
 *
 * <p>A text within the single-message limit goes as one short message with no header. A longer
 * one is cut into parts of at most the per-part limit of its {@link ConcatenationMethod}, never
 * inside a GSM escape pair or a UTF-16 surrogate pair; each part carries either a concatenation
 * header (and the UDHI flag) or, for {@link ConcatenationMethod#SAR_TLVS}, no header and the values
 * for the SAR TLVs. GSM 7-bit parts are unpacked unless the caller asks for {@link Gsm7Packing#PACKED}.
 * <pre>
 *   UDH, 8-bit reference, unpacked GSM7:  05 00 03 ref total seq | s1 s2 s3 ... (one septet per octet)
 *   UDH, 8-bit reference, packed GSM7:    05 00 03 ref total seq | 1 fill bit, septets packed
 *   UDH, 16-bit reference:                06 08 04 refHi refLo total seq | text (no fill bits)
 *   SAR TLVs:                             text only
 * </pre>
 */
public final class MessageSplitter {
    private MessageSplitter() {
    }

    /**
     * Splits the text as {@code encoding} (from {@link EncodingChooser}) says.
     *
     * @param reference the number that ties the parts together, 0 to the method's
     *        {@link ConcatenationMethod#maxReference()}; not sent when the text fits in one message
     * @throws UnencodableCharacterException if a character has no code in the chosen alphabet
     * @throws MessageTooLongException if the text needs more than 255 parts
     */
    public static SplitMessage split(String text, EncodingChoice encoding, int reference, Gsm7Packing packing) {
        ConcatenationMethod method = encoding.method();
        Alphabet alphabet = encoding.alphabet();
        checkReference(reference, method);
        int units = alphabet.units(text);
        if (units <= alphabet.capacity(0)) {
            Segment single = new Segment(Concatenation.single(), text, body(text, alphabet, packing, 0), false, false);
            return new SplitMessage(encoding.dataCoding(), alphabet, method, List.of(single));
        }
        int perPart = alphabet.capacity(method.headerOctets());
        List<String> pieces = TextChunker.chunk(text, alphabet, perPart);
        if (pieces.size() > Concatenation.MAX_PARTS) {
            throw new MessageTooLongException(String.format(
                    "text of %d %s needs %d parts of at most %d; a message has at most %d parts",
                    units, alphabet.unitName(), pieces.size(), perPart, Concatenation.MAX_PARTS));
        }
        List<Segment> segments = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Concatenation part = new Concatenation(reference, pieces.size(), i + 1);
            segments.add(part(pieces.get(i), alphabet, method, part, packing));
        }
        return new SplitMessage(encoding.dataCoding(), alphabet, method, segments);
    }

    /**
     * Builds the one segment for a part that the application split itself (SMS_OUT with
     * {@code part_number}, {@code total_parts} and {@code reference}). Part 1 of 1 goes with no
     * header.
     *
     * <p>The manual accepts references up to 65535 and promises 153 GSM7 characters per part, which
     * only the 6-octet header with its 8-bit reference leaves room for. So with
     * {@link ConcatenationMethod#UDH_8_BIT_REFERENCE} a larger reference is sent as its low octet
     * (all parts of one message share it, so they still join), while the segment keeps the
     * application's reference for its reports.
     *
     * @throws UnencodableCharacterException if a character has no code in the chosen alphabet
     * @throws MessageTooLongException if the text exceeds what one part holds (153 GSM7 septets,
     *         134 octets or 67 UCS-2 units with an 8-bit reference UDH)
     */
    public static Segment encodePart(String text, EncodingChoice encoding, Concatenation part, Gsm7Packing packing) {
        ConcatenationMethod method = encoding.method();
        Alphabet alphabet = encoding.alphabet();
        int units = alphabet.units(text);
        int capacity = alphabet.capacity(part.isMultipart() ? method.headerOctets() : 0);
        if (units > capacity) {
            throw new MessageTooLongException(String.format(
                    "part %d of %d takes %d %s; one part holds at most %d",
                    part.partNumber(), part.totalParts(), units, alphabet.unitName(), capacity));
        }
        if (!part.isMultipart()) {
            return new Segment(part, text, body(text, alphabet, packing, 0), false, false);
        }
        return part(text, alphabet, method, part, packing);
    }

    private static Segment part(String piece, Alphabet alphabet, ConcatenationMethod method, Concatenation part,
                                Gsm7Packing packing) {
        if (!method.usesUdh()) {
            return new Segment(part, piece, body(piece, alphabet, packing, 0), false, true);
        }
        Concatenation onTheWire = part.reference() <= method.maxReference() ? part
                : new Concatenation(part.reference() & method.maxReference(), part.totalParts(), part.partNumber());
        byte[] header = UserDataHeader.forConcatenation(onTheWire, method).toBytes();
        byte[] body = body(piece, alphabet, packing, header.length);
        byte[] shortMessage = new byte[header.length + body.length];
        System.arraycopy(header, 0, shortMessage, 0, header.length);
        System.arraycopy(body, 0, shortMessage, header.length, body.length);
        return new Segment(part, piece, shortMessage, true, false);
    }

    private static byte[] body(String text, Alphabet alphabet, Gsm7Packing packing, int headerOctets) {
        if (alphabet == Alphabet.GSM7 && packing == Gsm7Packing.PACKED) {
            return SeptetPacker.pack(Gsm7Alphabet.encode(text), SeptetPacker.fillBitsAfter(headerOctets));
        }
        return alphabet.encode(text);
    }

    private static void checkReference(int reference, ConcatenationMethod method) {
        if (reference < 0 || reference > method.maxReference()) {
            throw new IllegalArgumentException(String.format(
                    "reference must be 0 to %d for %s: %d", method.maxReference(), method, reference));
        }
    }
}
