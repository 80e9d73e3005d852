package io.smppgateway.bridge.flow;

import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.CommandStatusException;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SmppSession;
import io.smppgateway.smpp.pdu.CommandStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * An SMSC for the tests, over a real socket: the gateway binds to it as {@code gw}/{@code pw};
 * it records every submit_sm and answers with an upper-case hex id unless a rule for the
 * receiver says otherwise; it sends receipts back on the gateway's bind.
 */
final class TestSmsc implements AutoCloseable {

    static final long GATEWAY_ACCOUNT = 1;

    private final SmppServer server;
    private final List<SubmitSm> submits = new CopyOnWriteArrayList<>();
    private final Map<String, BiFunction<SmppSession, SubmitSm, CompletableFuture<SubmitSmResp>>> rules =
            new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(0x1A2B3C00L);

    TestSmsc() {
        EsmeAccount gateway = new EsmeAccount(GATEWAY_ACCOUNT, "gw", "pw", true, List.of(), 10, 0);
        server = SmppServer.start(SmppServerConfig.defaults().withAddress("127.0.0.1", 0).withSystemId("smsc"),
                systemId -> CompletableFuture.completedFuture(
                        systemId.equals("gw") ? Optional.of(gateway) : Optional.empty()),
                (account, session, request) -> {
                    if (request instanceof SubmitSm submit) {
                        return answer(session, submit);
                    }
                    return CompletableFuture.<PduResponse>failedFuture(
                            new CommandStatusException(CommandStatus.ESME_RINVCMDID, "not supported"));
                },
                PduListener.NONE);
    }

    private CompletableFuture<SubmitSmResp> answer(SmppSession session, SubmitSm submit) {
        submits.add(submit);
        var rule = rules.get(submit.destination().address());
        if (rule != null) {
            return rule.apply(session, submit);
        }
        return CompletableFuture.completedFuture(submit.response(Long.toHexString(ids.incrementAndGet()).toUpperCase()));
    }

    int port() {
        return server.port();
    }

    /** How submits to this receiver are answered from now on. */
    void rule(String receiver, BiFunction<SmppSession, SubmitSm, CompletableFuture<SubmitSmResp>> answer) {
        rules.put(receiver, answer);
    }

    static CompletableFuture<SubmitSmResp> status(SubmitSm submit, CommandStatus status) {
        return CompletableFuture.completedFuture(new SubmitSmResp(status.value(), submit.sequenceNumber(), "", Tlvs.EMPTY));
    }

    static CompletableFuture<SubmitSmResp> ok(SubmitSm submit, String messageId) {
        return CompletableFuture.completedFuture(submit.response(messageId));
    }

    List<SubmitSm> submitsTo(String receiver) {
        return submits.stream().filter(s -> s.destination().address().equals(receiver)).toList();
    }

    CompletableFuture<DeliverSmResp> deliver(DeliverSm deliverSm) {
        return server.deliver(GATEWAY_ACCOUNT, deliverSm);
    }

    @Override
    public void close() {
        server.close();
    }
}
