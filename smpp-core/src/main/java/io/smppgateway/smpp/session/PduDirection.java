package io.smppgateway.smpp.session;

/** Whether a PDU came in from the peer or went out to it; the PDU log writes {@code <<<<<} or {@code >>>>>}. */
public enum PduDirection {
    RECEIVED,
    SENT
}
