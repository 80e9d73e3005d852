package io.smppgateway.smpp.codec;

import io.smppgateway.smpp.pdu.Pdu;

/**
 * A PDU that is all header: enquire_link, unbind, their responses, generic_nack and the empty
 * responses. Octets after the header are ignored, as some peers pad. The encoder and decoder know
 * this codec by its type and write or read the 16 octets directly, without a body reader or writer.
 */
record HeaderOnlyCodec<P extends Pdu>(Factory<P> factory) implements BodyCodec<P> {

    /** Builds the PDU from the two header fields it holds. */
    @FunctionalInterface
    interface Factory<P> {
        P create(int commandStatus, int sequenceNumber);
    }

    P create(int commandStatus, int sequenceNumber) {
        return factory.create(commandStatus, sequenceNumber);
    }

    @Override
    public P decode(BodyReader in) {
        return factory.create(in.commandStatus(), in.sequenceNumber());
    }

    @Override
    public void encode(P pdu, BodyWriter out) {
        // the header is all there is
    }
}
