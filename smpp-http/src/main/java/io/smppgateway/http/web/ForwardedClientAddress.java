package io.smppgateway.http.web;

import io.smppgateway.http.TrustedProxies;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Behind a trusted proxy ({@link TrustedProxies}), takes the browser's address from
 * {@code X-Forwarded-For}, so that the failed-login throttle counts each browser, not the proxy
 * (which would lock every user out after a few failures by anyone). The address used is the
 * right-most one that is not itself a trusted proxy: entries to its left were written by the
 * client and prove nothing. From any other peer the header is ignored.
 */
public final class ForwardedClientAddress implements HttpHandler {

    static final HttpString X_FORWARDED_FOR = Headers.X_FORWARDED_FOR;
    /** IPv4 or IPv6 literals only: a header never causes a name lookup. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final TrustedProxies proxies;
    private final HttpHandler next;

    public ForwardedClientAddress(TrustedProxies proxies, HttpHandler next) {
        this.proxies = proxies;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!proxies.isEmpty()) {
            InetSocketAddress peer = exchange.getConnection().getPeerAddress(InetSocketAddress.class);
            if (peer != null && proxies.trusts(peer.getAddress())) {
                InetAddress client = client(exchange.getRequestHeaders().get(X_FORWARDED_FOR));
                if (client != null) {
                    exchange.setSourceAddress(new InetSocketAddress(client, 0));
                }
            }
        }
        next.handleRequest(exchange);
    }

    private InetAddress client(Iterable<String> headers) {
        if (headers == null) {
            return null;
        }
        java.util.List<String> hops = new java.util.ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress address = literal(hops.get(i));
            if (address == null) {
                return null; // garbage where a proxy should have written an address: trust none of it
            }
            if (!proxies.trusts(address)) {
                return address;
            }
        }
        return null;
    }

    private static InetAddress literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
