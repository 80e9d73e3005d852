package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The host's answer to a request from the peer that the session does not handle itself (the session
 * handles binds, unbind, enquire_link and generic_nack). The response goes out when the future
 * completes, so the host can store or publish the message first. It is called on the event loop:
 * return at once and do the work elsewhere. A future that fails is answered with ESME_RSYSERR.
 */
@FunctionalInterface
public interface RequestHandler {

    CompletableFuture<? extends PduResponse> onRequest(SmppSession session, PduRequest<?> request);
}
