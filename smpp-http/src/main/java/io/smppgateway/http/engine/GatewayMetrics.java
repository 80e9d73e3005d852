package io.smppgateway.http.engine;

import io.smppgateway.bridge.flow.PoolSmscGateways;
import io.smppgateway.http.live.DropCount;
import io.smppgateway.http.live.LatencyHistogram;
import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.MetricsSource;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.live.QueueDepth;
import io.smppgateway.smpp.client.GatewayClient;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.store.GatewayStores;
import io.smppgateway.store.WriteStats;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /metrics} and the dashboard: messages in and out per SMSC and per ESME, DLR_IN events
 * by SMSC and status, submit response times on both sides, and the depth of every bounded queue
 * the gateway owns (each gateway's submit queue, the PDU log queue, the stores' pending writes),
 * so that a queue filling up shows before it refuses work, and the PDU log entries dropped (queue
 * full, disk refusing), and the version that runs; and the traffic history sampled from them.
 */
final class GatewayMetrics implements MetricsSource {

    /** The counters {@link AdminTelemetry}'s listeners feed as messages pass. */
    record Counters(TrafficCounters<String> smscTraffic, TrafficCounters<EsmeName> esmeTraffic,
                    DlrInTally dlrInStatuses, ResponseTimes esmeSubmits, ResponseTimes smscSubmits,
                    ResponseTimes smscReceipts) {
    }

    private final Counters counters;
    private final GatewayPool pool;
    private final PoolSmscGateways gateways;
    private final PduLogQueue pduLogs;
    private final GatewayStores stores;
    private final String version;
    private final TrafficRecorder history = new TrafficRecorder();

    GatewayMetrics(Counters counters, GatewayPool pool, PoolSmscGateways gateways, PduLogQueue pduLogs,
                   GatewayStores stores, String version) {
        this.counters = counters;
        this.pool = pool;
        this.gateways = gateways;
        this.pduLogs = pduLogs;
        this.stores = stores;
        this.version = version;
    }

    @Override
    public MetricsSnapshot snapshot() {
        List<PeerTraffic> smscTraffic = new ArrayList<>();
        counters.smscTraffic().snapshot().forEach((smscId, traffic) -> smscTraffic.add(new PeerTraffic(
                gateways.stored(smscId).map(g -> g.id()).orElse(0L), smscId, traffic.in.sum(), traffic.out.sum())));
        List<PeerTraffic> esmeTraffic = new ArrayList<>();
        counters.esmeTraffic().snapshot().forEach((esme, traffic) -> esmeTraffic.add(new PeerTraffic(esme.clientId(),
                esme.username(), traffic.in.sum(), traffic.out.sum())));
        List<QueueDepth> queues = new ArrayList<>();
        for (GatewayClient client : pool.all()) {
            queues.add(new QueueDepth("gateway_submits", client.smscId(), client.queueCount(),
                    client.config().queueCapacity()));
        }
        PduLogQueue.Stats pduLog = pduLogs.stats();
        queues.add(new QueueDepth("pdu_log", "", pduLog.queued(), pduLog.capacity()));
        WriteStats writes = stores.writeStats();
        queues.add(new QueueDepth("database_writes", "", writes.pending(), writes.capacity()));
        List<LatencyHistogram> latencies = new ArrayList<>(counters.esmeSubmits().snapshot());
        latencies.addAll(counters.smscSubmits().snapshot());
        latencies.addAll(counters.smscReceipts().snapshot());
        List<DropCount> pduLogDropped = List.of(new DropCount("queue_full", pduLog.dropped()),
                new DropCount("disk_refused", pduLog.failed()), new DropCount("file_full", pduLog.overLimit()));
        return new MetricsSnapshot(smscTraffic, esmeTraffic, counters.dlrInStatuses().snapshot(), latencies, queues,
                pduLogDropped);
    }

    @Override
    public String buildVersion() {
        return version;
    }

    /** The history {@link HistorySampler} fills from {@link #snapshot()}. */
    @Override
    public TrafficRecorder history() {
        return history;
    }
}
