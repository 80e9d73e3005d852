package io.smppgateway.http.engine;

import io.smppgateway.http.live.LiveChange;
import io.smppgateway.http.live.LiveControl;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.bridge.engine.GatewayEngine;
import java.util.concurrent.CompletableFuture;

/**
 * What a change saved through the REST API or the admin panel does to the live sessions: a gateway
 * is bound, rebound with its new settings, or unbound when disabled or deleted; an ESME client's
 * binds are unbound when it is edited (it binds again under the new settings), disabled or deleted.
 */
final class LiveChanges implements LiveControl {

    private final GatewayEngine engine;

    LiveChanges(GatewayEngine engine) {
        this.engine = engine;
    }

    @Override
    public CompletableFuture<LiveChange> gatewaySaved(Gateway gateway) {
        boolean running = engine.smscPool().get(gateway.smscId()).isPresent();
        int binds = gateway.txBinds() + gateway.rxBinds() + gateway.trxBinds();
        return engine.gatewaySaved(gateway).thenApply(done -> {
            if (!gateway.enabled()) {
                return new LiveChange(LiveChange.Action.UNBIND, 0, "gateway disabled: its binds are closed");
            }
            return running
                    ? new LiveChange(LiveChange.Action.REBIND, binds, "gateway running with the new settings")
                    : new LiveChange(LiveChange.Action.BIND, binds, "gateway binding");
        });
    }

    @Override
    public CompletableFuture<LiveChange> gatewayDeleted(Gateway gateway) {
        return engine.gatewayDeleted(gateway)
                .thenApply(done -> new LiveChange(LiveChange.Action.UNBIND, 0, "gateway deleted: its binds are closed"));
    }

    @Override
    public CompletableFuture<LiveChange> clientSaved(Client client) {
        return unbind(client, false, client.enabled() ? "the ESME binds again with the new settings" : "client disabled");
    }

    @Override
    public CompletableFuture<LiveChange> clientDeleted(Client client) {
        return unbind(client, true, "client deleted");
    }

    private CompletableFuture<LiveChange> unbind(Client client, boolean deleted, String why) {
        int binds = engine.esmeServer().sessions().ofAccount(client.id()).size();
        CompletableFuture<Void> unbound = engine.clientChanged(client, deleted);
        if (binds == 0) {
            return CompletableFuture.completedFuture(LiveChange.none("no ESME bound as this client"));
        }
        return unbound.thenApply(done -> new LiveChange(LiveChange.Action.UNBIND, binds, why));
    }
}
