package io.smppgateway.http.live;

import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import java.util.concurrent.CompletableFuture;

/**
 * How a change made through the REST API or the admin panel reaches the live sessions at once: the
 * runner binds a new gateway, rebinds an edited one, unbinds a disabled or deleted one, and does the
 * same for ESMEs on its SMPP server. Called after the store has saved the change; the future
 * completes with what was done (the answer waits for it a bounded time).
 */
public interface LiveControl {

    /** A gateway was created or updated (possibly enabled or disabled). */
    CompletableFuture<LiveChange> gatewaySaved(Gateway gateway);

    /** The gateway was deleted: close its connections. */
    CompletableFuture<LiveChange> gatewayDeleted(Gateway gateway);

    /** A client was created or updated (possibly enabled or disabled). */
    CompletableFuture<LiveChange> clientSaved(Client client);

    /** The client was deleted: unbind its ESMEs. */
    CompletableFuture<LiveChange> clientDeleted(Client client);
}
