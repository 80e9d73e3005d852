package io.smppgateway.bridge.flow;

import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.client.GatewayConfig;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.smpp.client.GatewayUnavailableException;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.RequestHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flows' port to the SMSCs, over the client pool: each stored gateway's settings (disabled ones
 * too, so that SMS_OUT to one is rejected as disabled rather than unknown), submits through the
 * running gateway named by {@code smsc_id}, and the deliver_sm/data_sm the gateways' sessions
 * receive handed to the correlation flow.
 *
 * <pre>{@code
 * PoolSmscGateways gateways = new PoolSmscGateways(Duration.ofSeconds(2), Duration.ofSeconds(2), null);
 * GatewayPool pool = new GatewayPool(connector, gateways::inboundFor, smscId -> PduListener.NONE);
 * gateways.attach(pool);
 * gateways.saved(storedGateway);   // binds it, or stops it when disabled
 * }</pre>
 */
public final class PoolSmscGateways implements SmscGateways {

    private final Map<String, SmscSettings> settings = new ConcurrentHashMap<>();
    private final Map<String, Gateway> stored = new ConcurrentHashMap<>();
    private final Duration drainTimeout;
    private final Duration unbindTimeout;
    private final Path clientCa;
    private volatile GatewayPool pool;
    private volatile SmscDeliveryHandler deliveries;
    /** This instance's share of each gateway's binds; every bind unless {@link #shareBinds} was called. */
    private volatile BindShares shares = BindShare::all;
    private volatile boolean sharing;
    private final Map<String, BindShare> applied = new ConcurrentHashMap<>();
    private volatile Consumer<Set<String>> transmitting = smscIds -> { };
    private Set<String> lastTransmitting = Set.of();

    /** Which of a gateway's binds this instance opens. */
    @FunctionalInterface
    public interface BindShares {
        BindShare of(Gateway gateway);
    }

    /**
     * @param drainTimeout  how long a rebinding session waits for its answers before it unbinds
     * @param unbindTimeout how long an unbind waits for the SMSC's unbind_resp
     * @param clientCa      the PEM authorities {@code is_secure} gateways trust, or {@code null} for the JVM's
     */
    public PoolSmscGateways(Duration drainTimeout, Duration unbindTimeout, Path clientCa) {
        this.drainTimeout = drainTimeout;
        this.unbindTimeout = unbindTimeout;
        this.clientCa = clientCa;
    }

    /** The pool the submits go through; its request handlers come from {@link #inboundFor(String)}. */
    public void attach(GatewayPool gatewayPool) {
        this.pool = gatewayPool;
    }

    /**
     * A gateway was created or edited: run it with its new settings (rebinding when the connection
     * settings changed), or stop it when disabled. An edit that renamed its smsc_id stops the old name.
     */
    public CompletableFuture<Void> saved(Gateway gateway) {
        return save(gateway, null);
    }

    /** @param share the gateway's share of binds when the caller dealt it already, else {@code null} */
    private CompletableFuture<Void> save(Gateway gateway, BindShare share) {
        Optional<String> previousName = smscIdOf(gateway.id()).filter(id -> !id.equals(gateway.smscId()));
        // an edit may rename the smsc_id: forget the old name
        stored.values().removeIf(previous -> previous.id() == gateway.id() && !previous.smscId().equals(gateway.smscId()));
        settings.keySet().retainAll(stored.keySet());
        stored.put(gateway.smscId(), gateway);
        settings.put(gateway.smscId(), SmscSettings.of(gateway));
        GatewayPool current = pool;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> renamed = previousName.map(current::remove)
                .orElse(CompletableFuture.completedFuture(null));
        if (!gateway.enabled()) {
            applied.remove(gateway.smscId());
            tellTransmitting();
            return renamed.thenCompose(done -> current.remove(gateway.smscId()));
        }
        BindShare dealt = share != null ? share : shares.of(gateway);
        applied.put(gateway.smscId(), dealt);
        tellTransmitting();
        GatewayConfig config = GatewayConfigs.of(gateway, clientCa).toBuilder()
                .binds(dealt.tx(), dealt.rx(), dealt.trx())
                .drainTimeout(drainTimeout).unbindTimeout(unbindTimeout).build();
        return renamed.thenCompose(done -> current.put(config));
    }

    /**
     * From now on this instance opens only its share of each gateway's binds, the others opening
     * the rest ({@link BindShare}); call {@link #reshare()} when the share may have changed.
     */
    public void shareBinds(BindShares bindShares) {
        this.shares = bindShares;
        this.sharing = true;
    }

    /**
     * Applies each enabled gateway's share again (the live instances changed): binds the share
     * gained open, binds it lost close, the others keep their sessions.
     */
    public CompletableFuture<Void> reshare() {
        List<CompletableFuture<Void>> changed = new ArrayList<>();
        for (Gateway gateway : stored.values()) {
            if (!gateway.enabled()) {
                continue;
            }
            BindShare share = shares.of(gateway); // one deal, one membership read, per gateway
            if (!share.equals(applied.get(gateway.smscId()))) {
                changed.add(save(gateway, share));
            }
        }
        return CompletableFuture.allOf(changed.toArray(CompletableFuture[]::new));
    }

    @Override
    public boolean transmitsHere(String smscId) {
        if (!sharing) {
            return true;
        }
        Gateway gateway = stored.get(smscId);
        if (gateway == null || gateway.txBinds() + gateway.trxBinds() == 0) {
            return true; // nothing to hand to: its own path says why it cannot be sent
        }
        BindShare share = applied.get(smscId);
        return share == null || share.transmits();
    }

    @Override
    public void onTransmitting(Consumer<Set<String>> listener) {
        this.transmitting = listener;
        synchronized (this) {
            lastTransmitting = null;
        }
        tellTransmitting();
    }

    private void tellTransmitting() {
        if (!sharing) {
            return;
        }
        Set<String> now = new java.util.TreeSet<>();
        stored.values().forEach(gateway -> {
            BindShare share = applied.get(gateway.smscId());
            if (gateway.enabled() && share != null && share.transmits()) {
                now.add(gateway.smscId());
            }
        });
        Set<String> told = Set.copyOf(now);
        synchronized (this) {
            if (told.equals(lastTransmitting)) {
                return;
            }
            lastTransmitting = told;
        }
        transmitting.accept(told);
    }

    /** A gateway was deleted: unbind it and forget it (SMS_OUT naming it is then rejected as unknown). */
    public CompletableFuture<Void> deleted(String smscId) {
        stored.remove(smscId);
        settings.remove(smscId);
        applied.remove(smscId);
        tellTransmitting();
        GatewayPool current = pool;
        return current == null ? CompletableFuture.completedFuture(null) : current.remove(smscId);
    }

    /** The stored gateway of a running smsc_id, as last saved. */
    public Optional<Gateway> stored(String smscId) {
        return Optional.ofNullable(stored.get(smscId));
    }

    /** The smsc_id of a stored gateway's id, when it is known. */
    public Optional<String> smscIdOf(long gatewayId) {
        return stored.values().stream().filter(g -> g.id() == gatewayId).map(Gateway::smscId).findFirst();
    }

    @Override
    public Optional<SmscSettings> settings(String smscId) {
        return Optional.ofNullable(settings.get(smscId));
    }

    @Override
    public CompletableFuture<SubmitSmResp> submit(String smscId, SubmitSm submitSm) {
        GatewayPool current = pool;
        if (current == null) {
            return CompletableFuture.failedFuture(new SmscUnavailableException(smscId, "the gateways are not started"));
        }
        return current.submit(smscId, submitSm).handle((response, failure) -> {
            if (failure == null) {
                return response;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof GatewayUnavailableException unavailable) {
                throw new SmscUnavailableException(smscId, unavailable.getMessage());
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
        });
    }

    @Override
    public void onDelivery(SmscDeliveryHandler handler) {
        this.deliveries = handler;
    }

    /** The request handler of one gateway's sessions: deliver_sm and data_sm go to the flows. */
    public RequestHandler inboundFor(String smscId) {
        return (session, request) -> {
            if (!(request instanceof DeliverSm) && !(request instanceof DataSm)) {
                return null;
            }
            SmscDeliveryHandler handler = deliveries;
            if (handler == null) {
                return CompletableFuture.failedFuture(new CommandStatusException(CommandStatus.ESME_RX_T_APPN,
                        "not ready for deliveries yet"));
            }
            return handler.onDelivery(smscId, request);
        };
    }
}
