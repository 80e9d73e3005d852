package io.smppgateway.http.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Headers on every answer that keep the admin panel from being framed, sniffed or made to load code
 * from anywhere but this server (the panel has no inline script and uses no CDN). An answer over TLS
 * ({@link RequestScheme}) also tells the browser to use only HTTPS for this host for a year.
 */
public final class SecurityHeaders implements HttpHandler {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final HttpHandler next;

    public SecurityHeaders(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(HttpString.tryFromString("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        headers.put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
        headers.put(HttpString.tryFromString("X-Frame-Options"), "DENY");
        headers.put(HttpString.tryFromString("Referrer-Policy"), "no-referrer");
        if ("https".equals(exchange.getRequestScheme())) {
            headers.put(HttpString.tryFromString("Strict-Transport-Security"), STRICT_TRANSPORT_SECURITY);
        }
        next.handleRequest(exchange);
    }
}
