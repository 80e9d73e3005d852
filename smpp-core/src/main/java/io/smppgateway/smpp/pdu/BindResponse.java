package io.smppgateway.smpp.pdu;

import java.util.Optional;

/** What the three bind responses share: the responder's system_id and, from 3.4 on, sc_interface_version. */
public sealed interface BindResponse permits BindTransmitterResp, BindReceiverResp, BindTransceiverResp {

    int commandStatus();

    int sequenceNumber();

    String systemId();

    Tlvs tlvs();

    /** The responder's version from sc_interface_version; empty when absent, as a 3.3 SMSC sends it. */
    default Optional<InterfaceVersion> scInterfaceVersion() {
        return tlvs().intValue(TlvTag.SC_INTERFACE_VERSION).map(v -> InterfaceVersion.of(v.intValue()));
    }
}
