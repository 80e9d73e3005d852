package io.smppgateway.smpp.simulator;

/**
 * What the simulator has seen and sent so far, as one snapshot.
 *
 * @param connections           TCP (or TLS) connections accepted
 * @param bindsAccepted         binds accepted
 * @param bindsRefused          binds refused for their credentials
 * @param submitsReceived       submit_sm received
 * @param submitsAccepted       submit_sm answered OK with a message id
 * @param submitsThrottled      submit_sm answered ESME_RTHROTTLED
 * @param receiptsSent          receipt deliver_sm written to an ESME (resends included)
 * @param receiptsAcknowledged  receipts answered with deliver_sm_resp OK
 * @param receiptsFailed        receipts answered with an error status
 * @param receiptsDropped       receipts dropped because the pending store was full
 * @param receiptsPending       receipts waiting for a receiver bind now
 * @param maxUnansweredSubmits  the most submit_sm one session had awaiting our answer at once, over
 *                              all sessions: what the ESMEs' windows allowed
 */
public record SimulatorCounters(long connections, long bindsAccepted, long bindsRefused, long submitsReceived,
                                long submitsAccepted, long submitsThrottled, long receiptsSent,
                                long receiptsAcknowledged, long receiptsFailed, long receiptsDropped,
                                int receiptsPending, int maxUnansweredSubmits) {
}
