package io.smppgateway.http.web;

import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import java.util.Map;
import org.xnio.IoUtils;

/**
 * Reads a request's whole body on the I/O thread, without blocking, before the request goes on to
 * a worker: a peer that sends headers and then its body slowly, or never, holds a socket and at most
 * {@code maxBytes} of memory, never a worker thread. A body declared or found larger than
 * {@code maxBytes} is answered 413 at once; a connection that fails or times out while its body is
 * read is closed. {@link RequestBodies} then hands the stored body to the handler.
 */
public final class BufferedBodies implements HttpHandler {

    /** The body this handler read, on the exchange. */
    static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

    private final int maxBytes;
    private final HttpHandler next;

    public BufferedBodies(int maxBytes, HttpHandler next) {
        this.maxBytes = maxBytes;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isRequestComplete()) {
            // nothing to read (a GET without a body)
            exchange.putAttachment(BODY, new byte[0]);
            next.handleRequest(exchange);
            return;
        }
        if (exchange.getRequestContentLength() > maxBytes) {
            tooLarge(exchange);
            return;
        }
        // the receiver's own bound, not Undertow's max entity size: past that one the request channel
        // is dead, the rest of the body cannot be drained, and closing with it unread resets the
        // connection before the client has read the 413
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize(maxBytes);
        receiver.receiveFullBytes((done, bytes) -> {
            done.putAttachment(BODY, bytes);
            try {
                next.handleRequest(done);
            } catch (Exception e) {
                ErrorResponses.send(done, e);
            }
        }, (failed, error) -> {
            boolean tooBig = error instanceof Receiver.RequestToLargeException
                    || error instanceof RequestTooBigException;
            if (tooBig && !failed.isResponseStarted()) {
                tooLarge(failed);
            } else {
                // the peer went away or stopped sending: there is no one to answer
                IoUtils.safeClose(failed.getConnection());
            }
        });
    }

    private void tooLarge(HttpServerExchange exchange) {
        // the unread rest of the body would be taken for the next request: close after answering
        exchange.setPersistent(false);
        JsonResponses.error(exchange, 413, "the request body is larger than " + maxBytes + " bytes", Map.of());
    }
}
