package io.smppgateway.http.web;

import io.smppgateway.http.TrustedProxies;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;

/**
 * Settles whether a request reached us over TLS, which decides the session cookie's {@code Secure}
 * flag and the {@code Strict-Transport-Security} header: yes on the native HTTPS listener; yes when
 * a trusted proxy ({@link TrustedProxies}) says {@code X-Forwarded-Proto: https}; otherwise no. The
 * header from any other peer is ignored, so nobody can make the server treat a plain connection as
 * secure, nor insecure when it is not.
 */
public final class RequestScheme implements HttpHandler {

    static final HttpString X_FORWARDED_PROTO = new HttpString("X-Forwarded-Proto");

    private final TrustedProxies proxies;
    private final HttpHandler next;

    public RequestScheme(TrustedProxies proxies, HttpHandler next) {
        this.proxies = proxies;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        boolean overTls = exchange.getConnection().getSslSessionInfo() != null;
        if (!overTls && !proxies.isEmpty() && fromTrustedProxy(exchange)) {
            String forwarded = exchange.getRequestHeaders().getLast(X_FORWARDED_PROTO);
            // a chain of proxies appends: the last one names what the nearest proxy saw
            if (forwarded != null) {
                String[] hops = forwarded.split(",");
                overTls = hops[hops.length - 1].strip().equalsIgnoreCase("https");
            }
        }
        exchange.setRequestScheme(overTls ? "https" : "http");
        next.handleRequest(exchange);
    }

    private boolean fromTrustedProxy(HttpServerExchange exchange) {
        // the socket's own peer, never an address a header names
        InetSocketAddress peer = exchange.getConnection().getPeerAddress(InetSocketAddress.class);
        return peer != null && proxies.trusts(peer.getAddress());
    }
}
