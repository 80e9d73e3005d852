package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.Pdu;

/**
 * Sees every PDU a session receives or sends, with its exact octets, for the PDU log files. It is
 * called on the session's event loop: it must only hand the PDU over, never block.
 */
@FunctionalInterface
public interface PduListener {

    PduListener NONE = (session, direction, pdu, octets) -> { };

    /**
     * @param pdu    the PDU, or {@code null} when the received octets did not decode
     * @param octets the PDU's octets as on the wire (the array is the listener's to keep, not to change)
     */
    void onPdu(SmppSession session, PduDirection direction, Pdu pdu, byte[] octets);

    /** Whether this listener wants the octets at all (so that copying them can be skipped). */
    default boolean wantsPdus() {
        return this != NONE;
    }

    /**
     * This listener, then {@code next}, with the same PDU and octets (neither may change them): the
     * PDU log and a host's traffic counters on one session. {@link #NONE} on either side adds nothing.
     */
    default PduListener andThen(PduListener next) {
        if (!next.wantsPdus()) {
            return this;
        }
        if (!wantsPdus()) {
            return next;
        }
        PduListener first = this;
        return (session, direction, pdu, octets) -> {
            first.onPdu(session, direction, pdu, octets);
            next.onPdu(session, direction, pdu, octets);
        };
    }
}
