package io.smppgateway.http.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: a gateway's registry ({@link GatewayRegistry}) in the Prometheus text
 * format 0.0.4, written by the Prometheus client with the bucket bounds in Prometheus's form
 * ({@link BucketBounds}). Runs on a worker thread (the scrape reads the gateway list).
 */
public final class MetricsResource {

    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    private final PrometheusRegistry registry;

    public MetricsResource(PrometheusRegistry registry) {
        this.registry = registry;
    }

    public void send(HttpServerExchange exchange) throws IOException {
        String text = render();
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, PrometheusTextFormatWriter.CONTENT_TYPE);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
    }

    String render() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        WRITER.write(out, registry.scrape());
        return BucketBounds.rewrite(out.toString(StandardCharsets.UTF_8));
    }
}
