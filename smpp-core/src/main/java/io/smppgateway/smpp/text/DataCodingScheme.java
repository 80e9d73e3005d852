package io.smppgateway.smpp.text;

import java.util.OptionalInt;

/**
 * What any data_coding octet says about the message: the alphabet its text is in, its message
 * class, and whether it is compressed. Every octet 0x00 to 0xFF has an answer, so decoding an
 * inbound message never fails on its data coding.
 *
 * <pre>
 *   0x00-0x08  SMPP values ({@link DataCoding}); 0x00 is GSM7 or 8-bit by the SMSC's default
 *   0x09-0x0F  SMPP pictogram, music codes, JIS X 0212, KS C 5601: octets
 *   0x10-0x3F  TS 23.038 general data coding: bit 5 compressed, bit 4 class present,
 *              bits 3-2 alphabet (00 GSM7, 01 8-bit, 10 UCS2, 11 reserved: octets),
 *              bits 1-0 message class
 *   0x40-0x7F  the same, "marked for automatic deletion"
 *   0x80-0xBF  reserved coding groups: octets
 *   0xC0-0xDF  message waiting indication, GSM7
 *   0xE0-0xEF  message waiting indication, UCS2
 *   0xF0-0xF7  data coding/message class: bit 2 alphabet (0 GSM7, 1 8-bit), bits 1-0 class
 *   0xF8-0xFF  the same group with its reserved bit 3 set: octets
 * </pre>
 * A compressed text (TS 23.038 section 6.2.2 compression, which no SMSC we know sends) cannot be
 * read as text; it is given as {@link Alphabet#OCTETS}. So are the reserved values.
 *
 * @param value the data_coding octet, 0 to 255
 * @param alphabet how to read the text
 * @param messageClass the message class 0 to 3 where the octet sets one
 * @param compressed whether the octet marks the text as compressed
 */
public record DataCodingScheme(int value, Alphabet alphabet, OptionalInt messageClass, boolean compressed) {

    public DataCodingScheme {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("data_coding must be 0 to 255: " + value);
        }
        if (alphabet == null || messageClass == null) {
            throw new IllegalArgumentException("alphabet and messageClass are required");
        }
        if (messageClass.isPresent() && (messageClass.getAsInt() < 0 || messageClass.getAsInt() > 3)) {
            throw new IllegalArgumentException("message class must be 0 to 3: " + messageClass.getAsInt());
        }
    }

    /**
     * Interprets a data_coding octet. Only the low 8 bits of {@code dataCoding} are used, so a
     * signed {@code byte} may be passed as it is.
     *
     * @param smscDefaultIsGsm7 whether data_coding 0 means GSM 7-bit (otherwise 8-bit ISO-8859-1)
     */
    public static DataCodingScheme interpret(int dataCoding, boolean smscDefaultIsGsm7) {
        int value = dataCoding & 0xFF;
        if (value <= 0x08) {
            return plain(value, DataCoding.of(value).alphabet(smscDefaultIsGsm7));
        }
        if (value <= 0x0F) {
            return plain(value, Alphabet.OCTETS);
        }
        int group = value >>> 4;
        if (group <= 0x7) {
            boolean compressed = (value & 0x20) != 0;
            OptionalInt messageClass = (value & 0x10) != 0 ? OptionalInt.of(value & 0x03) : OptionalInt.empty();
            Alphabet alphabet = switch ((value >>> 2) & 0x03) {
                case 0 -> Alphabet.GSM7;
                case 1 -> Alphabet.OCTETS;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.OCTETS;
            };
            return new DataCodingScheme(value, compressed ? Alphabet.OCTETS : alphabet, messageClass, compressed);
        }
        return switch (group) {
            case 0xC, 0xD -> plain(value, Alphabet.GSM7);
            case 0xE -> plain(value, Alphabet.UCS2);
            case 0xF -> (value & 0x08) != 0
                    ? plain(value, Alphabet.OCTETS)
                    : new DataCodingScheme(value, (value & 0x04) != 0 ? Alphabet.OCTETS : Alphabet.GSM7,
                            OptionalInt.of(value & 0x03), false);
            default -> plain(value, Alphabet.OCTETS);
        };
    }

    private static DataCodingScheme plain(int value, Alphabet alphabet) {
        return new DataCodingScheme(value, alphabet, OptionalInt.empty(), false);
    }
}
