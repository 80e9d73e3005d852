package io.smppgateway.smpp.pdu;

/** One destination a submit_multi could not reach, with the error for it (SMPP 5.0, 4.2.4.2). */
public record UnsuccessfulSme(Address address, int errorStatusCode) {

    public UnsuccessfulSme {
        Fields.requireCString("destination_addr", address.address(), 21);
    }
}
