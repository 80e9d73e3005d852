package io.smppgateway.runner.daemon;

import io.smppgateway.bridge.flow.SmscDeliveryHandler;
import io.smppgateway.bridge.flow.SmscGateways;
import io.smppgateway.bridge.flow.SmscSettings;
import io.smppgateway.bridge.flow.SmscUnavailableException;
import io.smppgateway.persistence.gateway.Gateway;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.smpp.client.GatewayUnavailableException;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.RequestHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flows' port to the SMSCs, over the client pool: each stored gateway's settings (disabled ones
 * too, so that SMS_OUT to one is rejected as disabled rather than unknown), submits through the
 * running gateway named by {@code smsc_id}, and the deliver_sm/data_sm the gateways' sessions
 * receive handed to the correlation flow.
 */
final class PoolSmscGateways implements SmscGateways {

    private final Map<String, SmscSettings> settings = new ConcurrentHashMap<>();
    private final Map<String, Gateway> stored = new ConcurrentHashMap<>();
    private volatile GatewayPool pool;
    private volatile SmscDeliveryHandler deliveries;

    void attach(GatewayPool gatewayPool) {
        this.pool = gatewayPool;
    }

    void saved(Gateway gateway) {
        // an edit may rename the smsc_id: forget the old name
        stored.values().removeIf(previous -> previous.id() == gateway.id() && !previous.smscId().equals(gateway.smscId()));
        settings.keySet().retainAll(stored.keySet());
        stored.put(gateway.smscId(), gateway);
        settings.put(gateway.smscId(), SmscSettings.of(gateway));
    }

    void deleted(String smscId) {
        stored.remove(smscId);
        settings.remove(smscId);
    }

    /** The stored gateway of a running smsc_id, as last saved. */
    Optional<Gateway> stored(String smscId) {
        return Optional.ofNullable(stored.get(smscId));
    }

    /** The smsc_id of a stored gateway's id, when it is known. */
    Optional<String> smscIdOf(long gatewayId) {
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
    RequestHandler inboundFor(String smscId) {
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
