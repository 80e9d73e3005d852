package io.smppgateway.store;

import io.smppgateway.store.client.ClientStore;
import io.smppgateway.store.cluster.ClusterStore;
import io.smppgateway.store.gateway.GatewayStore;
import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.store.receipt.PendingReceipts;

/**
 * What the gateway keeps, as the flows and the REST API use it: ESME accounts, SMSC gateways, the
 * messages ESMEs submitted, the messages sent to SMSCs, receipts waiting for their ESME, and the
 * instances that share all of it; and, for the health check and the metrics, which stores these
 * are and how their queued writes stand.
 * smpp-persistence implements it on MySQL/MariaDB or an embedded database ({@code Database}).
 */
public interface GatewayStores {

    ClientStore clients();

    GatewayStore gateways();

    InboundTracking inbound();

    OutboundTracking outbound();

    PendingReceipts pendingReceipts();

    /** The instances sharing these stores and the ESME binds each holds. */
    ClusterStore cluster();

    /** Moves whenever a gateway or client is created, changed or deleted. */
    ConfigVersion configVersion();

    /** Which stores these are, without credentials (e.g. {@code MySQL db:3306/smpp}), for logs and health. */
    String description();

    /** What the stores' write queue has committed so far and what waits in it now. */
    WriteStats writeStats();
}
