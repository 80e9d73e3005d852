package io.smppgateway.smpp.text;

import java.util.Optional;

/**
 * Reads the short_message (or message_payload) of an inbound submit_sm, deliver_sm or data_sm:
 * separates the user data header when esm_class has UDHI set, and decodes the text by its
 * data_coding. Segments are decoded one by one; reassembly is the application's, as the manual's
 * SMS_IN carries {@code part_number}, {@code total_parts} and {@code reference} per segment.
 *
 * <p>An unknown data_coding never fails (see {@link DataCodingScheme}), nor do invalid octets (each
 * alphabet says what they decode to). Only a header that the UDHI flag announces but the octets do
 * not hold is an error.
 *
 * <p>Concatenation by SAR TLVs is in the PDU, not in these octets: take it with
 * {@link Concatenation#ifValid(int, int, int)}.
 */
public final class InboundMessageDecoder {
    private InboundMessageDecoder() {
    }

    /** Decodes with the usual settings: data_coding 0 is GSM 7-bit, unpacked. */
    public static DecodedMessage decode(byte[] shortMessage, boolean udhi, int dataCoding) {
        return decode(shortMessage, udhi, dataCoding, true, Gsm7Packing.UNPACKED);
    }

    /**
     * Decodes one short message.
     *
     * @param udhi whether esm_class has the UDHI flag (0x40)
     * @param dataCoding the data_coding octet (a signed byte may be passed as it is)
     * @param smscDefaultIsGsm7 whether data_coding 0 means GSM 7-bit (otherwise 8-bit ISO-8859-1)
     * @param packing how GSM 7-bit text is laid out by this peer
     * @throws MalformedUserDataHeaderException if {@code udhi} is set and the octets do not start
     *         with a whole header
     */
    public static DecodedMessage decode(byte[] shortMessage, boolean udhi, int dataCoding,
                                        boolean smscDefaultIsGsm7, Gsm7Packing packing) {
        DataCodingScheme scheme = DataCodingScheme.interpret(dataCoding, smscDefaultIsGsm7);
        Optional<UserDataHeader> header = udhi ? Optional.of(UserDataHeader.parse(shortMessage)) : Optional.empty();
        int textStart = header.map(UserDataHeader::length).orElse(0);
        int textLength = shortMessage.length - textStart;
        String text;
        if (scheme.alphabet() == Alphabet.GSM7 && packing == Gsm7Packing.PACKED) {
            byte[] septets = SeptetPacker.unpack(shortMessage, textStart, textLength, SeptetPacker.fillBitsAfter(textStart));
            text = Gsm7Alphabet.decode(septets);
        } else {
            text = scheme.alphabet().decode(shortMessage, textStart, textLength);
        }
        return new DecodedMessage(text, scheme, header, header.flatMap(UserDataHeader::concatenation));
    }
}
