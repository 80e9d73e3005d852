package io.smppgateway.http.live;

/**
 * The counters the runner keeps, read by {@code GET /metrics} and by the dashboard's chart, and the
 * build that keeps them. Bind counts and per-connection queues come from {@link LiveConnections}
 * and are not repeated here. Called from HTTP worker threads; must return at once.
 */
public interface MetricsSource {

    MetricsSnapshot snapshot();

    /** The version of the running gateway, e.g. {@code 0.1.0}: the {@code version} label of {@code smpp_build_info}. */
    String buildVersion();

    /** The history sampled from these counters, for the dashboard's charts; none unless the runner keeps one. */
    default TrafficHistory history() {
        return TrafficHistory.NONE;
    }
}
