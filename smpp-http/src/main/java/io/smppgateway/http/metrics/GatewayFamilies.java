package io.smppgateway.http.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.live.DropCount;
import io.smppgateway.http.live.LatencyHistogram;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.live.QueueDepth;
import io.smppgateway.http.live.StatusCount;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway's own metric families ({@code smpp_*}), built at each scrape from the runner's
 * {@link io.smppgateway.http.live.MetricsSource} (messages, DLR statuses, latencies, queue depths,
 * PDU log drops, the build) and from the live connections and the stored gateways (binds, requests
 * in flight, SMS queued per gateway). docs/operations.md lists every family; the names are what
 * operators alert on, so they change only with a line in the CHANGELOG. Runs on an HTTP worker
 * thread (it reads the gateway and client lists).
 */
final class GatewayFamilies implements MultiCollector {

    private final HttpBackend backend;

    GatewayFamilies(HttpBackend backend) {
        this.backend = backend;
    }

    @Override
    public MetricSnapshots collect() {
        MetricsSnapshot snapshot = backend.metrics().snapshot();
        List<Gateway> gateways = backend.gateways().list();
        Map<Long, String> smscIds = new HashMap<>();
        gateways.forEach(gateway -> smscIds.put(gateway.id(), gateway.smscId()));
        Map<Long, String> usernames = new HashMap<>();
        backend.clients().list().forEach((Client client) -> usernames.put(client.id(), client.username()));
        List<LiveConnection> gatewayConnections = backend.connections().ofGateways();
        List<LiveConnection> clientConnections = backend.connections().ofClients();

        return MetricSnapshots.of(
                gatewayMessages(snapshot.gateways()),
                clientMessages(snapshot.clients()),
                dlrStatuses(snapshot.statuses()),
                latencies(snapshot.latencies()),
                queues("smpp_queue_depth", "Entries waiting in a bounded internal queue", snapshot.queues(), true),
                queues("smpp_queue_capacity", "The bound of an internal queue", snapshot.queues(), false),
                pduLogDropped(snapshot.pduLogDropped()),
                gatewayQueuedMessages(gateways),
                binds(gatewayConnections, smscIds, clientConnections, usernames),
                inflight(gatewayConnections, smscIds, clientConnections, usernames),
                buildInfo(backend.metrics().buildVersion()));
    }

    private static CounterSnapshot gatewayMessages(List<PeerTraffic> peers) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name("smpp_gateway_messages")
                .help("Messages exchanged with an SMSC: out = submitted to it, in = delivered by it");
        for (PeerTraffic peer : peers) {
            family.dataPoint(counter(peer.messagesOut(), "smsc_id", peer.name(), "direction", "out"));
            family.dataPoint(counter(peer.messagesIn(), "smsc_id", peer.name(), "direction", "in"));
        }
        return family.build();
    }

    private static CounterSnapshot clientMessages(List<PeerTraffic> peers) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name("smpp_client_messages")
                .help("Messages exchanged with an ESME: in = submitted by it, out = delivered to it");
        for (PeerTraffic peer : peers) {
            String id = Long.toString(peer.id());
            family.dataPoint(counter(peer.messagesIn(), "client_id", id, "username", peer.name(), "direction", "in"));
            family.dataPoint(counter(peer.messagesOut(), "client_id", id, "username", peer.name(), "direction",
                    "out"));
        }
        return family.build();
    }

    private static CounterSnapshot dlrStatuses(List<StatusCount> statuses) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name("smpp_dlr_status")
                .help("DLR_IN events published, by SMSC and status");
        for (StatusCount status : statuses) {
            family.dataPoint(counter(status.count(), "smsc_id", status.smscId(), "status", status.status()));
        }
        return family.build();
    }

    private static HistogramSnapshot latencies(List<LatencyHistogram> histograms) {
        HistogramSnapshot.Builder family = HistogramSnapshot.builder().name("smpp_latency_seconds").unit(Unit.SECONDS)
                .help("Latency of an operation, by peer");
        for (LatencyHistogram histogram : histograms) {
            family.dataPoint(HistogramDataPointSnapshot.builder()
                    .labels(Labels.of("operation", histogram.operation(), "peer", histogram.peer()))
                    .classicHistogramBuckets(buckets(histogram))
                    .sum(histogram.sumSeconds())
                    .build());
        }
        return family.build();
    }

    /** Our cumulative counts as the client's per-bucket counts, with the +Inf bucket the rest of the total. */
    private static ClassicHistogramBuckets buckets(LatencyHistogram histogram) {
        int bounds = histogram.upperBounds().size();
        double[] upperBounds = new double[bounds + 1];
        long[] counts = new long[bounds + 1];
        long below = 0;
        for (int i = 0; i < bounds; i++) {
            upperBounds[i] = histogram.upperBounds().get(i);
            long cumulative = histogram.cumulativeCounts().get(i);
            counts[i] = cumulative - below;
            below = cumulative;
        }
        upperBounds[bounds] = Double.POSITIVE_INFINITY;
        counts[bounds] = histogram.count() - below;
        return ClassicHistogramBuckets.of(upperBounds, counts);
    }

    private static GaugeSnapshot queues(String name, String help, List<QueueDepth> queues, boolean depth) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        for (QueueDepth queue : queues) {
            family.dataPoint(gauge(depth ? queue.depth() : queue.capacity(), "queue", queue.queue(), "peer",
                    queue.peer()));
        }
        return family.build();
    }

    private static CounterSnapshot pduLogDropped(List<DropCount> drops) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name("smpp_pdu_log_dropped")
                .help("PDU log entries dropped (the traffic went on), by reason: queue_full, disk_refused, file_full");
        for (DropCount drop : drops) {
            family.dataPoint(counter(drop.count(), "reason", drop.reason()));
        }
        return family.build();
    }

    private GaugeSnapshot gatewayQueuedMessages(List<Gateway> gateways) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name("smpp_gateway_queued_messages")
                .help("SMS waiting to be sent through an SMSC (the gateway's queue_count)");
        for (Gateway gateway : gateways) {
            family.dataPoint(gauge(backend.connections().gatewayQueueCount(gateway.id()), "smsc_id",
                    gateway.smscId()));
        }
        return family.build();
    }

    private static GaugeSnapshot binds(List<LiveConnection> gatewayConnections, Map<Long, String> smscIds,
                                       List<LiveConnection> clientConnections, Map<Long, String> usernames) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name("smpp_binds")
                .help("SMPP connections by side, peer, bind type and status");
        bindCounts("gateway", gatewayConnections, smscIds, family);
        bindCounts("client", clientConnections, usernames, family);
        return family.build();
    }

    private static void bindCounts(String side, List<LiveConnection> connections, Map<Long, String> names,
                                   GaugeSnapshot.Builder family) {
        Map<List<String>, Long> counts = new TreeMap<>(GatewayFamilies::compare);
        for (LiveConnection connection : connections) {
            List<String> key = List.of(name(connection, names), connection.bindType().label(),
                    String.valueOf(connection.status()));
            counts.merge(key, 1L, Long::sum);
        }
        counts.forEach((key, count) -> family.dataPoint(gauge(count, "side", side, "peer", key.get(0), "bind_type",
                key.get(1), "status", key.get(2))));
    }

    private static GaugeSnapshot inflight(List<LiveConnection> gatewayConnections, Map<Long, String> smscIds,
                                          List<LiveConnection> clientConnections, Map<Long, String> usernames) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name("smpp_connection_inflight")
                .help("Requests sent and not yet answered, by side and peer");
        inflightCounts("gateway", gatewayConnections, smscIds, family);
        inflightCounts("client", clientConnections, usernames, family);
        return family.build();
    }

    private static void inflightCounts(String side, List<LiveConnection> connections, Map<Long, String> names,
                                       GaugeSnapshot.Builder family) {
        Map<String, Long> inflight = new TreeMap<>();
        for (LiveConnection connection : connections) {
            inflight.merge(name(connection, names), (long) connection.inflightCount(), Long::sum);
        }
        inflight.forEach((peer, count) -> family.dataPoint(gauge(count, "side", side, "peer", peer)));
    }

    private static InfoSnapshot buildInfo(String version) {
        return InfoSnapshot.builder().name("smpp_build").help("The running gateway's version; always 1")
                .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("version", version)).build())
                .build();
    }

    /** The peer's smsc_id or username; its id while the store does not know it (deleted while bound). */
    private static String name(LiveConnection connection, Map<Long, String> names) {
        return names.getOrDefault(connection.ownerId(), Long.toString(connection.ownerId()));
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static CounterDataPointSnapshot counter(long value, String... labels) {
        return CounterDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build();
    }

    private static GaugeDataPointSnapshot gauge(long value, String... labels) {
        return GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build();
    }
}
