package io.smppgateway.smpp.log;

/** Which way a logged PDU travelled, as the manual's PDU log marks it. */
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
