package io.smppgateway.smpp.session;

/** Whether a PDU came in from the peer or went out to it, as the PDU log marks it. */
public enum PduDirection {
    /** Read from the peer: {@code <<<<<}. */
    RECEIVED("<<<<<"),
    /** Written to the peer: {@code >>>>>}. */
    SENT(">>>>>");

    private final String marker;

    PduDirection(String marker) {
        this.marker = marker;
    }

    /** The marker the log line puts before the hex. */
    public String marker() {
        return marker;
    }
}
