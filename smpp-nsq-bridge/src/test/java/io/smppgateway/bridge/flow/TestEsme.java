package io.smppgateway.bridge.flow;

import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** An ESME bound to the gateway's server over a real socket; it keeps the deliver_sm it receives and answers them OK. */
final class TestEsme implements AutoCloseable {

    private final ChannelSession session;
    private final List<DeliverSm> received;

    private TestEsme(ChannelSession session, List<DeliverSm> received) {
        this.session = session;
        this.received = received;
    }

    static TestEsme bind(SmppConnector connector, int port, BindType type, InterfaceVersion version, String systemId) {
        List<DeliverSm> received = new CopyOnWriteArrayList<>();
        BindRequest bind = BindRequest.of(type, 1, systemId, "secret", "", version, Address.EMPTY);
        ChannelSession session = connector.connectAndBind("127.0.0.1", port, null, Duration.ofSeconds(5),
                SessionConfig.defaults(), bind, (s, request) -> {
                    if (request instanceof DeliverSm deliver) {
                        received.add(deliver);
                        return CompletableFuture.completedFuture(deliver.response(""));
                    }
                    return CompletableFuture.failedFuture(new CommandStatusException(CommandStatus.ESME_RINVCMDID, "no"));
                }, PduListener.NONE).join();
        return new TestEsme(session, received);
    }

    ChannelSession session() {
        return session;
    }

    List<DeliverSm> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        session.unbind().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
