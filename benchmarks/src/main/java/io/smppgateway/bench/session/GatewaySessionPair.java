package io.smppgateway.bench.session;

import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our side: {@link ChannelSession} clients opened by an {@link SmppConnector}, bound as
 * transmitters to our {@link SmppServer}, whose handler answers each submit_sm at once.
 */
final class GatewaySessionPair implements SessionPair {

    private final SmppServer server;
    private final SmppConnector connector = new SmppConnector();
    private final List<ChannelSession> binds = new ArrayList<>();
    private final SubmitSm submit = SubmitSm.builder()
            .source(LoadMessage.SOURCE_TON, LoadMessage.SOURCE_NPI, LoadMessage.SOURCE)
            .destination(LoadMessage.DESTINATION_TON, LoadMessage.DESTINATION_NPI, LoadMessage.DESTINATION)
            .registeredDelivery(LoadMessage.REGISTERED_DELIVERY)
            .shortMessage(LoadMessage.TEXT)
            .build();

    GatewaySessionPair(int bindCount, int window) throws Exception {
        EsmeAccount account = new EsmeAccount(1, LoadMessage.SYSTEM_ID, LoadMessage.PASSWORD, true, List.of(),
                bindCount, 0);
        AtomicLong ids = new AtomicLong(0x10000000L);
        SmppServerConfig config = SmppServerConfig.defaults().withAddress("127.0.0.1", 0).withSystemId("bench");
        server = SmppServer.start(config,
                systemId -> CompletableFuture.completedFuture(Optional.of(account)),
                (esme, session, request) -> request instanceof SubmitSm received
                        ? CompletableFuture.completedFuture(received.response(Long.toHexString(ids.incrementAndGet())))
                        : null,
                PduListener.NONE);
        SessionConfig sessionConfig = SessionConfig.defaults()
                .withWindowSize(window)
                .withResponseTimeout(Duration.ofSeconds(30));
        for (int i = 0; i < bindCount; i++) {
            BindRequest bind = BindRequest.of(BindType.TRANSMITTER, 1, LoadMessage.SYSTEM_ID, LoadMessage.PASSWORD,
                    "", InterfaceVersion.SMPP_3_4, Address.EMPTY);
            binds.add(connector.connectAndBind("127.0.0.1", server.port(), null, Duration.ofSeconds(10),
                    sessionConfig, bind, (session, request) -> null, PduListener.NONE).get(10, TimeUnit.SECONDS));
        }
    }

    @Override
    public void submit(int bind, Answer answer) {
        binds.get(bind).send(submit).whenComplete((resp, failure) ->
                answer.answered(failure == null ? resp.commandStatus() : -1));
    }

    @Override
    public void close() throws Exception {
        for (ChannelSession bind : binds) {
            bind.unbind().get(10, TimeUnit.SECONDS);
        }
        connector.close();
        server.close();
    }
}
