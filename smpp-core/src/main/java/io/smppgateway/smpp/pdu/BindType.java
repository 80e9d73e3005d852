package io.smppgateway.smpp.pdu;

/** The three ways to bind, as the REST API names them (BIND_TX, BIND_RX, BIND_TRX). */
public enum BindType {
    TRANSMITTER("BIND_TX", CommandId.BIND_TRANSMITTER, true, false),
    RECEIVER("BIND_RX", CommandId.BIND_RECEIVER, false, true),
    TRANSCEIVER("BIND_TRX", CommandId.BIND_TRANSCEIVER, true, true);

    private final String label;
    private final CommandId commandId;
    private final boolean transmits;
    private final boolean receives;

    BindType(String label, CommandId commandId, boolean transmits, boolean receives) {
        this.label = label;
        this.commandId = commandId;
        this.transmits = transmits;
        this.receives = receives;
    }

    /** BIND_TX, BIND_RX or BIND_TRX. */
    public String label() {
        return label;
    }

    public CommandId commandId() {
        return commandId;
    }

    /** Whether the ESME may submit on such a bind. */
    public boolean transmits() {
        return transmits;
    }

    /** Whether the ESME receives deliver_sm on such a bind. */
    public boolean receives() {
        return receives;
    }
}
