package io.smppgateway.smpp.netty;

import io.smppgateway.smpp.codec.PduException;
import io.smppgateway.smpp.pdu.Pdu;

/**
 * What the frame decoder passes up when a listener wants the octets, or when a frame did not
 * decode: the PDU (or the error) with the frame's octets.
 */
record ReceivedPdu(Pdu pdu, PduException error, byte[] octets) {
}
