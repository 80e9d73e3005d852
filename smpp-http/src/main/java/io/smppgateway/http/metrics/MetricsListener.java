package io.smppgateway.http.metrics;

import io.smppgateway.http.ConnectionLimits;
import io.smppgateway.http.ListenAddress;
import io.smppgateway.http.web.Workers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xnio.Options;

/**
 * The listener {@code SMPP_METRICS_ADDRESS} opens: plain HTTP that answers {@code GET /metrics}
 * and nothing else, without the API token, for a Prometheus that should not hold the token that
 * also edits gateways and clients. The operator chooses who reaches it by the address it listens
 * on (loopback, a management network) and the firewall; the main port's {@code /metrics} stays
 * behind the token. Scrapes run on the API's bounded workers; the main port's timeouts apply.
 */
public final class MetricsListener implements AutoCloseable {

    /** A scraper keeps one connection open; a few Prometheus servers and a curl need no more. */
    private static final int MAX_CONNECTIONS = 16;

    private final Undertow undertow;

    private MetricsListener(Undertow undertow) {
        this.undertow = undertow;
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException when the address cannot be listened on (the cause says why)
     */
    public static MetricsListener start(ListenAddress address, MetricsResource metrics, Workers workers,
                                        ConnectionLimits limits) {
        HttpHandler scrape = workers.blocking(metrics::send);
        HttpHandler root = exchange -> {
            if (!exchange.getRelativePath().equals("/metrics")) {
                plain(exchange, 404, "Not found; this port serves only /metrics");
            } else if (!exchange.getRequestMethod().equals(Methods.GET)) {
                exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
                plain(exchange, 405, exchange.getRequestMethod() + " is not allowed on /metrics");
            } else {
                scrape.handleRequest(exchange);
            }
        };
        Undertow undertow = Undertow.builder()
                .addHttpListener(address.port(), address.host())
                .setIoThreads(1)
                .setWorkerThreads(1)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(limits.requestParseTimeout()))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(limits.noRequestTimeout()))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(limits.idleTimeout()))
                .setSocketOption(Options.READ_TIMEOUT, millis(limits.readTimeout()))
                .setSocketOption(Options.CONNECTION_HIGH_WATER, MAX_CONNECTIONS)
                .setSocketOption(Options.CONNECTION_LOW_WATER, MAX_CONNECTIONS - 2)
                .setSocketOption(Options.BALANCING_TOKENS, -1)
                .setHandler(root)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + address + " (SMPP_METRICS_ADDRESS): "
                    + e.getMessage(), e);
        }
        return new MetricsListener(undertow);
    }

    /** The port it listens on (the one picked when the address said 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        undertow.stop();
    }

    private static void plain(HttpServerExchange exchange, int status, String message) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(message);
    }

    private static int millis(Duration duration) {
        return (int) duration.toMillis();
    }
}
