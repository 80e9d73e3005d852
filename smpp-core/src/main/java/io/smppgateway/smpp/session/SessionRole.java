package io.smppgateway.smpp.session;

/** Which end of the session we are: the ESME that binds, or the SMSC that is bound to. */
public enum SessionRole {
    /** We bound to an SMSC (our client side). */
    ESME,
    /** An ESME bound to us (our server side). */
    SMSC
}
