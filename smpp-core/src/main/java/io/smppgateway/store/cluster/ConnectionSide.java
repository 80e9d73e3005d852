package io.smppgateway.store.cluster;

/** Which end of the gateway a connection is on, as {@code live_connections.side} stores it. */
public enum ConnectionSide {

    /** An ESME bound to our SMPP server; its owner is the client. */
    ESME("esme"),
    /** One of our binds to an SMSC; its owner is the gateway. */
    SMSC("smsc");

    private final String column;

    ConnectionSide(String column) {
        this.column = column;
    }

    /** The value stored in the database. */
    public String column() {
        return column;
    }

    public static ConnectionSide ofColumn(String value) {
        for (ConnectionSide side : values()) {
            if (side.column.equals(value)) {
                return side;
            }
        }
        throw new IllegalArgumentException("not a connection side: " + value);
    }
}
