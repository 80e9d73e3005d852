package io.smppgateway.bridge.flow;

import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link SmscGateways} for the tests over real sockets: one transceiver session per gateway to a
 * {@link TestSmsc}, opened again 100 ms after it is lost, as the runner's pool would.
 */
final class TestSmscGateways implements SmscGateways, AutoCloseable {

    private final SmppConnector connector = new SmppConnector();
    private final Map<String, SmscSettings> settings = new ConcurrentHashMap<>();
    private final Map<String, ChannelSession> sessions = new ConcurrentHashMap<>();
    private volatile SmscDeliveryHandler handler;
    private volatile boolean closed;

    /** Adds a gateway and binds it to the SMSC on this port; returns once it is bound. */
    void add(SmscSettings gateway, int port) {
        settings.put(gateway.smscId(), gateway);
        connect(gateway.smscId(), port).join();
    }

    /** Adds a gateway that has no session (e.g. a disabled one). */
    void addUnbound(SmscSettings gateway) {
        settings.put(gateway.smscId(), gateway);
    }

    private CompletableFuture<Void> connect(String smscId, int port) {
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "gw", "pw", "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        return connector.connectAndBind("127.0.0.1", port, null, Duration.ofSeconds(5),
                        SessionConfig.defaults().withResponseTimeout(Duration.ofSeconds(5)), bind,
                        (session, request) -> deliveries(smscId, request), PduListener.NONE)
                .thenAccept(session -> {
                    sessions.put(smscId, session);
                    session.closeFuture().whenComplete((ignored, failure) -> {
                        sessions.remove(smscId, session);
                        if (!closed) {
                            connector.group().schedule(() -> connect(smscId, port), 100, TimeUnit.MILLISECONDS);
                        }
                    });
                });
    }

    private CompletableFuture<? extends PduResponse> deliveries(String smscId, PduRequest<?> request) {
        SmscDeliveryHandler current = handler;
        if (!(request instanceof DeliverSm) && !(request instanceof DataSm)) {
            return CompletableFuture.failedFuture(new CommandStatusException(CommandStatus.ESME_RINVCMDID, "no"));
        }
        if (current == null) {
            return CompletableFuture.failedFuture(new CommandStatusException(CommandStatus.ESME_RX_T_APPN, "not yet"));
        }
        return current.onDelivery(smscId, request);
    }

    @Override
    public Optional<SmscSettings> settings(String smscId) {
        return Optional.ofNullable(settings.get(smscId));
    }

    @Override
    public CompletableFuture<SubmitSmResp> submit(String smscId, SubmitSm submitSm) {
        ChannelSession session = sessions.get(smscId);
        if (session == null || !session.state().isTransmittable()) {
            return CompletableFuture.failedFuture(new SmscUnavailableException(smscId, "not bound"));
        }
        return session.send(submitSm);
    }

    @Override
    public void onDelivery(SmscDeliveryHandler deliveryHandler) {
        this.handler = deliveryHandler;
    }

    @Override
    public void close() {
        closed = true;
        sessions.values().forEach(ChannelSession::close);
        connector.close();
    }
}
