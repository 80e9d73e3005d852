package io.smppgateway.bridge.bus;

/**
 * The manual's four topics, named by what flows on them (their real names come from smpp.conf's
 * NSQ_*_TOPIC keys).
 */
public enum Topic {
    /** Application -> our SMPP client -> SMSC. We consume it. */
    SMS_OUT,
    /** Our SMPP client -> application: sent, then the final status. We publish it. */
    DLR_IN,
    /** ESME -> our SMPP server -> application. We publish it. */
    SMS_IN,
    /** Application -> our SMPP server -> ESME: receipts. We consume it. */
    DLR_OUT
}
