package io.smppgateway.smpp.codec;

import io.smppgateway.smpp.pdu.Pdu;

/** Reads and writes the body of one kind of PDU, the part after the 16-octet header. */
interface BodyCodec<P extends Pdu> {

    P decode(BodyReader in);

    void encode(P pdu, BodyWriter out);
}
