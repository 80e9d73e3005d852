package io.smppgateway.smpp.text;

/**
 * The data_coding values 0 to 8 that SMPP defines (SMPP 3.4 section 5.2.19) and that the product
 * manual accepts in SMS_OUT and shows in SMS_IN and DLR_IN.
 *
 * <p>Any other octet that arrives in a PDU is read with {@link DataCodingScheme#interpret}, which
 * never fails; {@link #of(int)} is for values a user chose, where anything else is a mistake.
 */
public enum DataCoding {
    /**
     * The SMSC default alphabet: GSM 03.38 7-bit when the SMSC supports it (the gateway's
     * {@code is_gsm7}), otherwise 8-bit, for which we use ISO-8859-1 (identical to ASCII for ASCII
     * text, and the 8-bit default of most SMSCs that are not GSM7).
     */
    SMSC_DEFAULT(0),
    /** IA5 / ASCII; see {@link Alphabet#ASCII}. */
    IA5(1),
    /** Octet unspecified (8-bit binary), defined for TDMA and CDMA. */
    OCTET_UNSPECIFIED_2(2),
    /** Latin-1 (ISO-8859-1). */
    LATIN_1(3),
    /** Octet unspecified (8-bit binary), all technologies: the usual binary value. */
    OCTET_UNSPECIFIED_4(4),
    /** JIS X 0208-1990, written as Shift_JIS; see {@link Alphabet#JIS}. */
    JIS(5),
    /** Cyrillic (ISO-8859-5). */
    CYRILLIC(6),
    /** Latin/Hebrew (ISO-8859-8). */
    LATIN_HEBREW(7),
    /** UCS-2 (ISO/IEC 10646), as UTF-16BE. */
    UCS2(8);

    private static final DataCoding[] BY_VALUE = values();

    private final int value;

    DataCoding(int value) {
        this.value = value;
    }

    /** The data_coding octet. */
    public int value() {
        return value;
    }

    /**
     * The data coding for a value from 0 to 8.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static DataCoding of(int value) {
        if (value < 0 || value >= BY_VALUE.length) {
            throw new IllegalArgumentException("data_coding must be 0 to 8: " + value);
        }
        return BY_VALUE[value];
    }

    /**
     * The alphabet the text is written in.
     *
     * @param smscDefaultIsGsm7 whether the SMSC's default alphabet is GSM 7-bit (only
     *        {@link #SMSC_DEFAULT} depends on it)
     */
    public Alphabet alphabet(boolean smscDefaultIsGsm7) {
        return switch (this) {
            case SMSC_DEFAULT -> smscDefaultIsGsm7 ? Alphabet.GSM7 : Alphabet.LATIN_1;
            case IA5 -> Alphabet.ASCII;
            case OCTET_UNSPECIFIED_2, OCTET_UNSPECIFIED_4 -> Alphabet.OCTETS;
            case LATIN_1 -> Alphabet.LATIN_1;
            case JIS -> Alphabet.JIS;
            case CYRILLIC -> Alphabet.CYRILLIC;
            case LATIN_HEBREW -> Alphabet.HEBREW;
            case UCS2 -> Alphabet.UCS2;
        };
    }

    /** Bits per character: 7, 8 or 16 (see {@link Alphabet#bitsPerCharacter()}). */
    public int bitsPerCharacter(boolean smscDefaultIsGsm7) {
        return alphabet(smscDefaultIsGsm7).bitsPerCharacter();
    }
}
