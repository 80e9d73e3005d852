package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * One SMPP connection, on either side. Every method may be called from any thread and none blocks:
 * state changes happen on the connection's event loop.
 */
public interface SmppSession {

    /** A unique id for the connection (a UUID), as the REST API and the PDU log show it. */
    String id();

    SessionRole role();

    SessionState state();

    /** How it is bound, or {@code null} before the bind. */
    BindType bindType();

    /** The version agreed at bind time (3.4 before the bind). */
    InterfaceVersion version();

    /** The ESME's system_id once bound (on the server side: the account's login). */
    String systemId();

    String systemType();

    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    /** Unix seconds of the last state change. */
    long stateChangedAt();

    /** Requests we sent that await a response. */
    int inflightCount();

    /** Requests waiting for room in the window. */
    int queueCount();

    /**
     * Sends a request and completes with its response, whatever its command_status. Fails with a
     * {@link SessionException} that says whether the request may have reached the peer.
     */
    <R extends PduResponse> CompletableFuture<R> send(PduRequest<R> request);

    /** Unbinds politely (waiting a bounded time for unbind_resp), then closes. */
    CompletableFuture<Void> unbind();

    /** Closes at once; requests in flight fail with {@link SessionClosedException}. */
    void close();

    /** Completes when the connection has closed. */
    CompletableFuture<Void> closeFuture();
}
