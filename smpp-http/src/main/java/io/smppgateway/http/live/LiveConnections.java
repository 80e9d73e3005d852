package io.smppgateway.http.live;

import java.util.List;

/**
 * The live SMPP connections, read by the REST API's GET lists, the dashboard and the metrics. The
 * runner backs it with its client pool and its SMPP server, and, for the lists of every instance,
 * with what the other instances on the database published. Calls are made from HTTP worker threads
 * and must return promptly.
 *
 * <p>The dashboard and the metrics show this instance's connections ({@link #ofGateways()},
 * {@link #ofClients()}), beside this instance's counters; the REST lists show every instance's.
 */
public interface LiveConnections {

    /** This instance, as the connections it holds name it. */
    LiveInstance instance();

    /** Every live instance on the database, this one included, oldest start first. */
    List<GatewayInstance> instances();

    /** Every connection of this instance's SMPP client to the SMSCs, in any state. */
    List<LiveConnection> ofGateways();

    /** Every connection of an ESME to this instance's SMPP server. */
    List<LiveConnection> ofClients();

    /**
     * Every live instance's connections to the SMSCs, each with the instance that holds it: this
     * instance's as {@link #ofGateways()} has them, the others' as they last published them.
     */
    List<HeldConnection> ofGatewaysOnEveryInstance();

    /** Every live instance's ESME connections, as {@link #ofGatewaysOnEveryInstance()} has the SMSCs'. */
    List<HeldConnection> ofClientsOnEveryInstance();

    /** SMS waiting to be sent through the gateway with this id (its {@code queue_count}). */
    long gatewayQueueCount(long gatewayId);
}
