package io.smppgateway.smpp.pdu;

/**
 * What bind_transmitter, bind_receiver and bind_transceiver share: the same body (SMPP 5.0, 4.1.1)
 * and a response of the same shape.
 */
public sealed interface BindRequest permits BindTransmitter, BindReceiver, BindTransceiver {

    /*
     * SMPP sizes these C-octet strings with their NUL (system_id 16, password 9, system_type 13
     * octets), but the manual lets usernames be 16 characters and passwords 9 (its own example
     * client binds with "qwerty123"), and ESMEs in the field send such values. We accept one
     * octet more than the specification so that every account the API admits can bind.
     */

    /** Most octets of system_id with its NUL: 16 characters. */
    int SYSTEM_ID_OCTETS = 17;

    /** Most octets of password with its NUL: 9 characters. */
    int PASSWORD_OCTETS = 10;

    /** Most octets of system_type with its NUL: 13 characters. */
    int SYSTEM_TYPE_OCTETS = 14;

    int sequenceNumber();

    String systemId();

    String password();

    String systemType();

    /** The interface_version octet as sent. */
    int interfaceVersion();

    Address addressRange();

    BindType bindType();

    /** The bind response with {@code status}, our {@code systemId} and, for 3.4 and later, sc_interface_version. */
    BindResponse response(int status, String systemId, InterfaceVersion ours);

    default InterfaceVersion version() {
        return InterfaceVersion.of(interfaceVersion());
    }

    /** A bind request of {@code type}. */
    static BindRequest of(BindType type, int sequenceNumber, String systemId, String password,
                          String systemType, InterfaceVersion version, Address addressRange) {
        int versionOctet = version.value();
        return switch (type) {
            case TRANSMITTER -> new BindTransmitter(sequenceNumber, systemId, password, systemType, versionOctet, addressRange);
            case RECEIVER -> new BindReceiver(sequenceNumber, systemId, password, systemType, versionOctet, addressRange);
            case TRANSCEIVER -> new BindTransceiver(sequenceNumber, systemId, password, systemType, versionOctet, addressRange);
        };
    }

    /** The TLVs a bind response carries: sc_interface_version from 3.4 on, nothing for 3.3. */
    static Tlvs responseTlvs(InterfaceVersion ours) {
        return ours.supportsTlvs()
                ? Tlvs.of(Tlv.ofInt(TlvTag.SC_INTERFACE_VERSION, ours.value()))
                : Tlvs.EMPTY;
    }
}
