package io.smppgateway.http.metrics;

import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.live.LatencyHistogram;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.live.DropCount;
import io.smppgateway.http.live.QueueDepth;
import io.smppgateway.http.live.StatusCount;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /metrics}: the gateway's counters in the Prometheus text format. Messages in and out
 * per gateway and client, DLR statuses, latencies and internal queue depths come from the runner's
 * {@link io.smppgateway.http.live.MetricsSource}; binds by state and SMS queued per gateway from the
 * live connections. Runs on a worker thread (it reads the gateway list).
 */
public final class MetricsResource {

    private final HttpBackend backend;

    public MetricsResource(HttpBackend backend) {
        this.backend = backend;
    }

    public void send(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(render(), StandardCharsets.UTF_8);
    }

    String render() {
        PrometheusText text = new PrometheusText();
        MetricsSnapshot snapshot = backend.metrics().snapshot();
        List<Gateway> gateways = backend.gateways().list();
        Map<Long, String> smscIds = new HashMap<>();
        gateways.forEach(gateway -> smscIds.put(gateway.id(), gateway.smscId()));
        Map<Long, String> usernames = new HashMap<>();
        backend.clients().list().forEach((Client client) -> usernames.put(client.id(), client.username()));

        text.family("smpp_gateway_messages_total", "counter",
                "Messages exchanged with an SMSC: out = submitted to it, in = delivered by it");
        for (PeerTraffic peer : snapshot.gateways()) {
            text.sample("smpp_gateway_messages_total", peer.messagesOut(), "smsc_id", peer.name(), "direction", "out");
            text.sample("smpp_gateway_messages_total", peer.messagesIn(), "smsc_id", peer.name(), "direction", "in");
        }
        text.family("smpp_client_messages_total", "counter",
                "Messages exchanged with an ESME: in = submitted by it, out = delivered to it");
        for (PeerTraffic peer : snapshot.clients()) {
            String id = Long.toString(peer.id());
            text.sample("smpp_client_messages_total", peer.messagesIn(), "client_id", id, "username", peer.name(),
                    "direction", "in");
            text.sample("smpp_client_messages_total", peer.messagesOut(), "client_id", id, "username", peer.name(),
                    "direction", "out");
        }
        text.family("smpp_dlr_status_total", "counter", "DLR_IN events published, by SMSC and status");
        for (StatusCount status : snapshot.statuses()) {
            text.sample("smpp_dlr_status_total", status.count(), "smsc_id", status.smscId(), "status", status.status());
        }
        text.family("smpp_latency_seconds", "histogram", "Latency of an operation, by peer");
        for (LatencyHistogram histogram : snapshot.latencies()) {
            for (int i = 0; i < histogram.upperBounds().size(); i++) {
                text.sample("smpp_latency_seconds_bucket", histogram.cumulativeCounts().get(i), "operation",
                        histogram.operation(), "peer", histogram.peer(), "le",
                        PrometheusText.format(histogram.upperBounds().get(i)));
            }
            text.sample("smpp_latency_seconds_bucket", histogram.count(), "operation", histogram.operation(), "peer",
                    histogram.peer(), "le", "+Inf");
            text.sample("smpp_latency_seconds_sum", histogram.sumSeconds(), "operation", histogram.operation(), "peer",
                    histogram.peer());
            text.sample("smpp_latency_seconds_count", histogram.count(), "operation", histogram.operation(), "peer",
                    histogram.peer());
        }
        text.family("smpp_queue_depth", "gauge", "Entries waiting in a bounded internal queue");
        text.family("smpp_queue_capacity", "gauge", "The bound of an internal queue");
        for (QueueDepth queue : snapshot.queues()) {
            text.sample("smpp_queue_depth", queue.depth(), "queue", queue.queue(), "peer", queue.peer());
            text.sample("smpp_queue_capacity", queue.capacity(), "queue", queue.queue(), "peer", queue.peer());
        }
        text.family("smpp_pdu_log_dropped_total", "counter",
                "PDU log entries dropped (the traffic went on), by reason: queue_full, disk_refused");
        for (DropCount drops : snapshot.pduLogDropped()) {
            text.sample("smpp_pdu_log_dropped_total", drops.count(), "reason", drops.reason());
        }
        text.family("smpp_gateway_queue_count", "gauge", "SMS waiting to be sent through an SMSC (queue_count)");
        for (Gateway gateway : gateways) {
            text.sample("smpp_gateway_queue_count", backend.connections().gatewayQueueCount(gateway.id()),
                    "smsc_id", gateway.smscId());
        }
        binds(text, "gateway", "peer", backend.connections().ofGateways(), smscIds);
        binds(text, "client", "peer", backend.connections().ofClients(), usernames);
        return text.toString();
    }

    private static void binds(PrometheusText text, String side, String nameLabel, List<LiveConnection> connections,
                              Map<Long, String> names) {
        text.family("smpp_binds", "gauge", "SMPP connections by side, peer, bind type and status");
        text.family("smpp_connection_inflight", "gauge", "Requests sent and not yet answered, by side and peer");
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, long[]> inflight = new TreeMap<>();
        for (LiveConnection connection : connections) {
            String name = names.getOrDefault(connection.ownerId(), Long.toString(connection.ownerId()));
            counts.computeIfAbsent(name + '\u0000' + connection.bindType().label() + '\u0000' + connection.status(),
                    key -> new long[1])[0]++;
            inflight.computeIfAbsent(name, key -> new long[1])[0] += connection.inflightCount();
        }
        counts.forEach((key, count) -> {
            String[] parts = key.split("\u0000");
            text.sample("smpp_binds", count[0], "side", side, nameLabel, parts[0], "bind_type", parts[1], "status",
                    parts[2]);
        });
        inflight.forEach((name, count) -> text.sample("smpp_connection_inflight", count[0], "side", side, nameLabel,
                name));
    }
}
