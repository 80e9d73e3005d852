package io.smppgateway.http.live;

import java.util.List;

/**
 * The runner's counters at one moment. Counters only grow (from the process start); the dashboard
 * derives messages per second from two snapshots.
 *
 * @param gateways  messages exchanged with each SMSC
 * @param clients   messages exchanged with each ESME account
 * @param statuses  DLR_IN statuses published per SMSC (sent, delivered, undelivered, rejected...)
 * @param latencies latency histograms (e.g. submit_sm to submit_sm_resp per SMSC)
 * @param queues    depths of the bounded internal queues
 * @param pduLogDropped PDU log entries dropped, by reason (the SMPP traffic went on)
 */
public record MetricsSnapshot(List<PeerTraffic> gateways, List<PeerTraffic> clients, List<StatusCount> statuses,
                              List<LatencyHistogram> latencies, List<QueueDepth> queues,
                              List<DropCount> pduLogDropped) {

    public MetricsSnapshot {
        gateways = List.copyOf(gateways);
        clients = List.copyOf(clients);
        statuses = List.copyOf(statuses);
        latencies = List.copyOf(latencies);
        queues = List.copyOf(queues);
        pduLogDropped = List.copyOf(pduLogDropped);
    }

    /** A snapshot without PDU log drop counts. */
    public MetricsSnapshot(List<PeerTraffic> gateways, List<PeerTraffic> clients, List<StatusCount> statuses,
                           List<LatencyHistogram> latencies, List<QueueDepth> queues) {
        this(gateways, clients, statuses, latencies, queues, List.of());
    }

    public static MetricsSnapshot empty() {
        return new MetricsSnapshot(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Messages that came in from any peer: submits from ESMEs and deliveries from SMSCs. */
    public long messagesIn() {
        return gateways.stream().mapToLong(PeerTraffic::messagesIn).sum()
                + clients.stream().mapToLong(PeerTraffic::messagesIn).sum();
    }

    /** Messages that went out to any peer: submits to SMSCs and deliveries to ESMEs. */
    public long messagesOut() {
        return gateways.stream().mapToLong(PeerTraffic::messagesOut).sum()
                + clients.stream().mapToLong(PeerTraffic::messagesOut).sum();
    }
}
