package io.smppgateway.smpp.client;

import io.smppgateway.smpp.client.GatewayUnavailableException.Reason;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateways by {@code smsc_id}, kept in step with the host's gateway records: an
 * enabled gateway is {@link #put put} (started, or updated and rebound when it runs already), a
 * disabled or deleted one {@link #remove removed} (unbound at once). All share one
 * {@link SmppConnector}'s event loops.
 */
public final class GatewayPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayPool.class);

    private final SmppConnector connector;
    private final Function<String, RequestHandler> inbound;
    private final Function<String, PduListener> pduListeners;
    private final Map<String, GatewayClient> gateways = new ConcurrentHashMap<>();

    /**
     * @param inbound      the handler for deliver_sm and data_sm of the gateway with a given smsc_id
     * @param pduListeners the PDU log of the gateway with a given smsc_id
     */
    public GatewayPool(SmppConnector connector, Function<String, RequestHandler> inbound,
                       Function<String, PduListener> pduListeners) {
        this.connector = connector;
        this.inbound = inbound;
        this.pduListeners = pduListeners;
    }

    /**
     * Starts the gateway, or applies the new settings to the running one (rebinding when the
     * connection settings changed). Completes when its binds have started connecting.
     */
    public CompletableFuture<Void> put(GatewayConfig config) {
        String smscId = config.smscId();
        GatewayClient[] started = new GatewayClient[1];
        GatewayClient running = gateways.computeIfAbsent(smscId, id -> {
            started[0] = GatewayClient.start(config, connector, inbound.apply(id), pduListeners.apply(id));
            return started[0];
        });
        if (running == started[0]) {
            log.info("[{}] gateway started: {}", smscId, config);
            return CompletableFuture.completedFuture(null);
        }
        return running.update(config);
    }

    /** Stops and forgets a gateway; completes when its binds are closed. Nothing to do for an unknown id. */
    public CompletableFuture<Void> remove(String smscId) {
        GatewayClient removed = gateways.remove(smscId);
        return removed == null ? CompletableFuture.completedFuture(null) : removed.stop();
    }

    public Optional<GatewayClient> get(String smscId) {
        return Optional.ofNullable(gateways.get(smscId));
    }

    public List<GatewayClient> all() {
        return List.copyOf(gateways.values());
    }

    /** Submits over the named gateway; fails with {@link Reason#UNKNOWN_GATEWAY} when none runs under that id. */
    public CompletableFuture<SubmitSmResp> submit(String smscId, SubmitSm submit) {
        GatewayClient gateway = gateways.get(smscId);
        if (gateway == null) {
            return CompletableFuture.failedFuture(new GatewayUnavailableException(smscId, Reason.UNKNOWN_GATEWAY,
                    "no such gateway is running (unknown or disabled)"));
        }
        return gateway.submit(submit);
    }

    /** Stops every gateway in parallel, each bounded as {@link GatewayClient#stop()}. */
    public CompletableFuture<Void> stopAll() {
        List<GatewayClient> running = List.copyOf(gateways.values());
        gateways.clear();
        return CompletableFuture.allOf(running.stream().map(GatewayClient::stop).toArray(CompletableFuture[]::new));
    }

    /** Stops every gateway and waits for them (the connector stays open: its owner closes it). */
    @Override
    public void close() {
        try {
            stopAll().get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("not every gateway stopped cleanly: {}", e.toString());
        }
    }
}
