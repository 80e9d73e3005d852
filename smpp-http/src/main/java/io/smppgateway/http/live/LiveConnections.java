package io.smppgateway.http.live;

import java.util.List;

/**
 * The live SMPP connections, read by the REST API's GET lists, the dashboard and the metrics. The
 * runner backs it with its client pool and its SMPP server. Calls are made from HTTP worker threads
 * and must return at once (a snapshot, no I/O).
 */
public interface LiveConnections {

    /** Every connection of our SMPP client to the SMSCs, in any state. */
    List<LiveConnection> ofGateways();

    /** Every connection of an ESME to our SMPP server. */
    List<LiveConnection> ofClients();

    /** SMS waiting to be sent through the gateway with this id (its {@code queue_count}). */
    long gatewayQueueCount(long gatewayId);
}
