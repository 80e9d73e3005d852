package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.BindRequest;
import java.util.concurrent.CompletableFuture;

/** Decides whether a bind request on our server side succeeds; the server implements it over the host's accounts. */
@FunctionalInterface
public interface BindHandler {

    CompletableFuture<BindOutcome> onBind(SmppSession session, BindRequest request);

    /** Called once the bind_resp of an accepted bind has been written; runs on the session's event loop. */
    default void onBound(SmppSession session) {
    }
}
