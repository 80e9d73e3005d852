package io.smppgateway.http.live;

/**
 * The counters the runner keeps, read by {@code GET /metrics} and by the dashboard's chart. Bind
 * counts and per-connection queues come from {@link LiveConnections} and are not repeated here.
 * Called from HTTP worker threads; must return at once.
 */
@FunctionalInterface
public interface MetricsSource {

    MetricsSnapshot snapshot();
}
