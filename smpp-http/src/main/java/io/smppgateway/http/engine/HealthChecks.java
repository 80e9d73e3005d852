package io.smppgateway.http.engine;

import io.smppgateway.bridge.flow.PoolSmscGateways;
import io.smppgateway.bridge.bus.BusHealth;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.http.live.HealthProbes;
import io.smppgateway.http.live.ProbeResult;
import io.smppgateway.store.GatewayStores;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.client.BindFailure;
import io.smppgateway.smpp.client.GatewayClient;
import io.smppgateway.smpp.client.GatewayConnection;
import io.smppgateway.smpp.client.GatewayPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code GET /api/health}: the database answers a query (required), the message bus is connected
 * (required: every consumed topic subscribed, every producer connected), and each enabled gateway has at least one bound session (not required: an SMSC
 * being down is reported, it does not make the gateway unhealthy); a gateway's detail names why its
 * binds that are down are ("1 of 2 binds bound; bind refused: ESME_RINVPASWD").
 */
final class HealthChecks implements HealthProbes {

    private final GatewayStores stores;
    private final MessageBus bus;
    private final GatewayPool pool;
    private final PoolSmscGateways gateways;
    private final Executor storeCalls;

    HealthChecks(GatewayStores stores, MessageBus bus, GatewayPool pool, PoolSmscGateways gateways,
                 Executor storeCalls) {
        this.stores = stores;
        this.bus = bus;
        this.pool = pool;
        this.gateways = gateways;
        this.storeCalls = storeCalls;
    }

    @Override
    public CompletableFuture<List<ProbeResult>> probe() {
        return CompletableFuture.supplyAsync(() -> {
            List<ProbeResult> results = new ArrayList<>();
            try {
                stores.clients().find(0);
                results.add(new ProbeResult("database", true, true, stores.description()));
            } catch (RuntimeException e) {
                results.add(new ProbeResult("database", false, true, e.getMessage()));
            }
            BusHealth busHealth = bus.health();
            results.add(new ProbeResult("message bus", busHealth.up(), true, busHealth.detail()));
            for (GatewayClient client : pool.all()) {
                boolean enabled = gateways.stored(client.smscId()).map(Gateway::enabled).orElse(true);
                if (!enabled) {
                    continue;
                }
                List<GatewayConnection> binds = client.connections();
                long bound = binds.stream().filter(c -> c.status().startsWith("BOUND")).count();
                StringBuilder detail = new StringBuilder(bound + " of " + binds.size() + " binds bound");
                binds.stream().map(GatewayConnection::failure).flatMap(java.util.Optional::stream)
                        .map(BindFailure::describe).distinct().forEach(reason -> detail.append("; ").append(reason));
                results.add(new ProbeResult("gateway " + client.smscId(), bound > 0, false, detail.toString()));
            }
            return results;
        }, storeCalls);
    }
}
