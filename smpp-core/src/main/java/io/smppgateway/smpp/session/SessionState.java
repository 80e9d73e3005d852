package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.BindType;

/**
 * Where an SMPP session stands, with the names the REST API shows for a connection's status
 * (DIAL, OPEN, BOUND_TX, BOUND_RX, BOUND_TRX, UNBINDING, CLOSED).
 */
public enum SessionState {
    /** Connecting (client side only). */
    DIAL,
    /** Connected, not bound yet: only binds and enquire_link are allowed. */
    OPEN,
    BOUND_TX,
    BOUND_RX,
    BOUND_TRX,
    /** An unbind was sent or received; nothing new starts. */
    UNBINDING,
    CLOSED;

    public static SessionState boundAs(BindType type) {
        return switch (type) {
            case TRANSMITTER -> BOUND_TX;
            case RECEIVER -> BOUND_RX;
            case TRANSCEIVER -> BOUND_TRX;
        };
    }

    public boolean isBound() {
        return this == BOUND_TX || this == BOUND_RX || this == BOUND_TRX;
    }

    /** Whether the ESME may send messages (submit_sm and kin) in this state. */
    public boolean isTransmittable() {
        return this == BOUND_TX || this == BOUND_TRX;
    }

    /** Whether the ESME may be sent messages (deliver_sm and kin) in this state. */
    public boolean isReceivable() {
        return this == BOUND_RX || this == BOUND_TRX;
    }
}
