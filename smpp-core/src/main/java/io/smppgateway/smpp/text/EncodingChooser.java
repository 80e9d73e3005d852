package io.smppgateway.smpp.text;

/**
 * Picks the data_coding for an outbound text and counts the segments it needs.
 *
 * <p>When the SMSC supports GSM 7-bit ({@code is_gsm7}): data_coding 0 (GSM7) when every character
 * is in the GSM alphabet or its extension table, else 8 (UCS-2). When it does not, data_coding 0
 * means 8-bit: 0 when the text is plain ASCII (the same octets in every 8-bit default), 3 (Latin-1)
 * when every character is in ISO-8859-1, else 8 (UCS-2). A caller may force a data coding instead.
 *
 * <p>Limits, in the units of the alphabet (the product manual's SMS_OUT limits):
 * <pre>
 *                         GSM7 septets   8-bit octets   UCS-2 units
 *   single message            160            140            70
 *   per part, 8-bit ref UDH   153            134            67
 *   per part, 16-bit ref UDH  152            133            66
 *   per part, SAR TLVs        160            140            70
 * </pre>
 */
public final class EncodingChooser {
    private EncodingChooser() {
    }

    /** The data coding that the text needs, as the class comment says. */
    public static EncodingChoice choose(String text, boolean smscSupportsGsm7, ConcatenationMethod method) {
        return measure(text, chooseDataCoding(text, smscSupportsGsm7), smscSupportsGsm7, method);
    }

    /**
     * The cost of sending the text in the data coding the caller chose.
     *
     * @throws UnencodableCharacterException if a character has no code in that data coding
     */
    public static EncodingChoice forced(String text, DataCoding dataCoding, boolean smscSupportsGsm7,
                                        ConcatenationMethod method) {
        return measure(text, dataCoding, smscSupportsGsm7, method);
    }

    private static DataCoding chooseDataCoding(String text, boolean smscSupportsGsm7) {
        if (smscSupportsGsm7) {
            return Alphabet.GSM7.canEncode(text) ? DataCoding.SMSC_DEFAULT : DataCoding.UCS2;
        }
        if (text.chars().allMatch(c -> c < 0x80)) {
            return DataCoding.SMSC_DEFAULT;
        }
        return Alphabet.LATIN_1.canEncode(text) ? DataCoding.LATIN_1 : DataCoding.UCS2;
    }

    private static EncodingChoice measure(String text, DataCoding dataCoding, boolean smscSupportsGsm7,
                                          ConcatenationMethod method) {
        Alphabet alphabet = dataCoding.alphabet(smscSupportsGsm7);
        int units = alphabet.units(text);
        int single = alphabet.capacity(0);
        if (units <= single) {
            return new EncodingChoice(dataCoding, alphabet, method, units, 1, single);
        }
        int perPart = alphabet.capacity(method.headerOctets());
        int segments = TextChunker.chunk(text, alphabet, perPart).size();
        return new EncodingChoice(dataCoding, alphabet, method, units, segments, perPart);
    }
}
