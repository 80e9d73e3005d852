package io.smppgateway.smpp.pdu;

/** The SMPP versions we speak, with their interface_version octet (SMPP 5.0, section 4.7.13). */
public enum InterfaceVersion {
    SMPP_3_3(0x33, "3.3"),
    SMPP_3_4(0x34, "3.4"),
    SMPP_5_0(0x50, "5.0");

    private final int value;
    private final String label;

    InterfaceVersion(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public int value() {
        return value;
    }

    /** "3.3", "3.4" or "5.0", as the REST API and smpp.conf write it. */
    public String label() {
        return label;
    }

    /** Whether PDUs of this version may carry TLVs (3.3 has none). */
    public boolean supportsTlvs() {
        return this != SMPP_3_3;
    }

    /**
     * The version a peer's interface_version octet asks for: values up to 0x33 mean 3.3, 0x34 up to
     * 0x4F mean 3.4, and 0x50 or above mean 5.0 (SMPP 5.0, section 4.7.13: a value below 0x34 is
     * a pre-3.4 ESME).
     */
    public static InterfaceVersion of(int value) {
        if (value >= 0x50) {
            return SMPP_5_0;
        }
        return value >= 0x34 ? SMPP_3_4 : SMPP_3_3;
    }

    /** "3.3", "3.4" (or the manual's "3,4") or "5.0"; {@code null} for anything else. */
    public static InterfaceVersion ofLabel(String label) {
        if (label == null) {
            return null;
        }
        return switch (label.trim().replace(',', '.')) {
            case "3.3" -> SMPP_3_3;
            case "3.4" -> SMPP_3_4;
            case "5.0" -> SMPP_5_0;
            default -> null;
        };
    }
}
