package io.smppgateway.smpp.server;

import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.session.SmppSession;
import java.util.concurrent.CompletableFuture;

/**
 * The host's handling of what a bound ESME sends: submit_sm, data_sm, submit_multi, query_sm,
 * cancel_sm, replace_sm. The response goes out when the future completes; fail it with a
 * {@link io.smppgateway.smpp.session.CommandStatusException} to answer with a particular status.
 * Called on an event loop: return at once.
 */
@FunctionalInterface
public interface EsmeRequestHandler {

    CompletableFuture<? extends PduResponse> onRequest(EsmeAccount account, SmppSession session, PduRequest<?> request);
}
