package io.smppgateway.http.live;

/** What a series of {@link CountSeries} counts, per step; its JSON name is the lower-case name. */
public enum TrafficFamily {
    /** Messages that came in from any peer: submits from ESMEs and deliveries from SMSCs. */
    MESSAGES_IN,
    /** Messages that went out to any peer: submits to SMSCs and deliveries to ESMEs. */
    MESSAGES_OUT,
    /** submit_sm (data_sm) sent to one SMSC. */
    SMSC_SUBMITTED,
    /** deliver_sm (data_sm) received from one SMSC, receipts included. */
    SMSC_RECEIVED,
    /** submit_sm (data_sm, submit_multi) received from one ESME account. */
    ESME_SUBMITTED,
    /** deliver_sm (data_sm) sent to one ESME account. */
    ESME_DELIVERED,
    /** DLR_IN events published with one status (sent, delivered, undelivered, rejected...), every SMSC together. */
    DLR_STATUS
}
