package io.smppgateway.http.engine;

import io.smppgateway.http.live.CountSeries;
import io.smppgateway.http.live.LatencyHistogram;
import io.smppgateway.http.live.LatencySeries;
import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.live.StatusCount;
import io.smppgateway.http.live.TrafficFamily;
import io.smppgateway.http.live.TrafficHistory;
import io.smppgateway.http.live.TrafficWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * This instance's traffic history: {@link #sample} turns two successive snapshots of the counters
 * into the counts of one 10 s step and adds them to bounded rings (24 h each, see
 * {@link StepRing}): messages in and out, per SMSC submitted and received, per ESME account
 * submitted and delivered, DLR_IN events per status, and the histograms of the ESMEs' and the
 * SMSCs' submit response times (a ring per bucket, every peer together, so that a quantile can be
 * computed over any step length). Per SMSC, per ESME and per status, the first {@link #PEERS_KEPT}
 * (or {@link #STATUSES_KEPT}) with traffic have their own series and the rest add up under
 * "other" ({@link CappedPeers}), so the memory is bounded whatever connects: at most
 * {@link #MAX_RINGS} rings of 34,560 bytes, about 3 MiB. The history starts empty at each start
 * and is this instance's only.
 */
final class TrafficRecorder implements TrafficHistory {

    static final int STEP_MILLIS = RESOLUTION_SECONDS * 1000;
    static final int CAPACITY = KEPT_SECONDS / RESOLUTION_SECONDS;
    static final int PEERS_KEPT = 10;
    static final int STATUSES_KEPT = 12;
    /** The histograms kept: the ESMEs' submits to our response, ours to the SMSCs' response. */
    static final List<String> LATENCY_OPERATIONS = List.of("esme_submit", "smsc_submit");
    static final double[] QUANTILES = {0.5, 0.95, 0.99};
    static final int MAX_RINGS = 2 + 2 * (PEERS_KEPT + 1) * 2 + (STATUSES_KEPT + 1)
            + LATENCY_OPERATIONS.size() * (ResponseTimes.BOUNDS.length + 1);

    /** What a cumulative counter of the previous sample was of. */
    private record Key(TrafficFamily family, String peer) {
    }

    private final int capacity;
    private final StepRing messagesIn;
    private final StepRing messagesOut;
    private final CappedPeers smscs;
    private final CappedPeers esmes;
    private final CappedPeers statuses;
    private final Map<String, StepRing[]> latencies = new LinkedHashMap<>();
    private final Map<Key, Long> previous = new HashMap<>();
    private final Map<String, long[]> previousBuckets = new HashMap<>();
    private long newest = Long.MIN_VALUE;

    TrafficRecorder() {
        this(CAPACITY);
    }

    /** A shorter history, for tests. */
    TrafficRecorder(int capacity) {
        this.capacity = capacity;
        messagesIn = new StepRing(capacity);
        messagesOut = new StepRing(capacity);
        smscs = new CappedPeers(PEERS_KEPT, 2, capacity);
        esmes = new CappedPeers(PEERS_KEPT, 2, capacity);
        statuses = new CappedPeers(STATUSES_KEPT, 1, capacity);
        for (String operation : LATENCY_OPERATIONS) {
            StepRing[] buckets = new StepRing[ResponseTimes.BOUNDS.length + 1];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new StepRing(capacity);
            }
            latencies.put(operation, buckets);
        }
    }

    /**
     * Adds what the counters counted since the previous sample (since the start for the first: the
     * counters start at zero) to the step that holds {@code nowMillis}.
     */
    synchronized void sample(MetricsSnapshot snapshot, long nowMillis) {
        long step = Math.floorDiv(nowMillis, STEP_MILLIS);
        newest = Math.max(newest, step);
        messagesIn.add(step, delta(new Key(TrafficFamily.MESSAGES_IN, ""), snapshot.messagesIn()));
        messagesOut.add(step, delta(new Key(TrafficFamily.MESSAGES_OUT, ""), snapshot.messagesOut()));
        // an SMSC submits what we send it; an ESME what it sends us
        smscs.record(step, pairs(snapshot.gateways(), PeerTraffic::messagesOut, PeerTraffic::messagesIn,
                TrafficFamily.SMSC_SUBMITTED, TrafficFamily.SMSC_RECEIVED));
        esmes.record(step, pairs(snapshot.clients(), PeerTraffic::messagesIn, PeerTraffic::messagesOut,
                TrafficFamily.ESME_SUBMITTED, TrafficFamily.ESME_DELIVERED));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (StatusCount count : snapshot.statuses()) {
            byStatus.merge(count.status(), count.count(), Long::sum);
        }
        Map<String, long[]> statusDeltas = new LinkedHashMap<>();
        byStatus.forEach((status, count) -> statusDeltas.put(status,
                new long[] {delta(new Key(TrafficFamily.DLR_STATUS, status), count)}));
        statuses.record(step, statusDeltas);
        for (Map.Entry<String, StepRing[]> entry : latencies.entrySet()) {
            long[] buckets = buckets(entry.getKey(), snapshot.latencies());
            long[] before = previousBuckets.getOrDefault(entry.getKey(), new long[buckets.length]);
            StepRing[] rings = entry.getValue();
            for (int i = 0; i < rings.length; i++) {
                rings[i].add(step, Math.max(0, buckets[i] - before[i]));
            }
            previousBuckets.put(entry.getKey(), buckets);
        }
    }

    /** What each peer (by name) counted as {@code first} and {@code second} since the previous sample. */
    private Map<String, long[]> pairs(List<PeerTraffic> peers, ToLongFunction<PeerTraffic> firstCount,
                                      ToLongFunction<PeerTraffic> secondCount, TrafficFamily first,
                                      TrafficFamily second) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (PeerTraffic peer : peers) {
            long[] sum = totals.computeIfAbsent(peer.name(), name -> new long[2]);
            sum[0] += firstCount.applyAsLong(peer);
            sum[1] += secondCount.applyAsLong(peer);
        }
        Map<String, long[]> deltas = new LinkedHashMap<>();
        totals.forEach((name, sum) -> deltas.put(name, new long[] {delta(new Key(first, name), sum[0]),
                delta(new Key(second, name), sum[1])}));
        return deltas;
    }

    private long delta(Key key, long cumulative) {
        Long before = previous.put(key, cumulative);
        return Math.max(0, cumulative - (before == null ? 0 : before));
    }

    /** Every peer's observations of {@code operation} per bucket (not cumulative), the last above the highest bound. */
    private static long[] buckets(String operation, List<LatencyHistogram> histograms) {
        long[] buckets = new long[ResponseTimes.BOUNDS.length + 1];
        for (LatencyHistogram histogram : histograms) {
            if (!histogram.operation().equals(operation)
                    || histogram.cumulativeCounts().size() != ResponseTimes.BOUNDS.length) {
                continue;
            }
            long below = 0;
            for (int i = 0; i < ResponseTimes.BOUNDS.length; i++) {
                long cumulative = histogram.cumulativeCounts().get(i);
                buckets[i] += cumulative - below;
                below = cumulative;
            }
            buckets[ResponseTimes.BOUNDS.length] += histogram.count() - below;
        }
        return buckets;
    }

    @Override
    public synchronized TrafficWindow since(long sinceMillis, int stepSeconds) {
        if (stepSeconds < RESOLUTION_SECONDS || stepSeconds % RESOLUTION_SECONDS != 0) {
            throw new IllegalArgumentException("the step is a multiple of " + RESOLUTION_SECONDS + " s");
        }
        int width = stepSeconds / RESOLUTION_SECONDS;
        long from = Math.floorDiv(sinceMillis, STEP_MILLIS);
        if (newest == Long.MIN_VALUE || from > newest) {
            return TrafficWindow.empty(Math.max(sinceMillis, 0), stepSeconds);
        }
        long first = Math.floorDiv(Math.max(from, newest - capacity + 1), width) * width;
        int points = (int) ((newest - first) / width + 1);
        List<CountSeries> counts = new ArrayList<>();
        counts.add(new CountSeries(TrafficFamily.MESSAGES_IN, "", false, messagesIn.sums(first, points, width)));
        counts.add(new CountSeries(TrafficFamily.MESSAGES_OUT, "", false, messagesOut.sums(first, points, width)));
        addPeers(counts, smscs, List.of(TrafficFamily.SMSC_SUBMITTED, TrafficFamily.SMSC_RECEIVED), first, points, width);
        addPeers(counts, esmes, List.of(TrafficFamily.ESME_SUBMITTED, TrafficFamily.ESME_DELIVERED), first, points, width);
        addPeers(counts, statuses, List.of(TrafficFamily.DLR_STATUS), first, points, width);
        List<LatencySeries> quantiles = new ArrayList<>();
        latencies.forEach((operation, rings) -> {
            long[][] perBucket = new long[rings.length][];
            for (int i = 0; i < rings.length; i++) {
                perBucket[i] = rings[i].sums(first, points, width);
            }
            for (double quantile : QUANTILES) {
                double[] seconds = new double[points];
                for (int point = 0; point < points; point++) {
                    long[] inStep = new long[rings.length];
                    for (int i = 0; i < rings.length; i++) {
                        inStep[i] = perBucket[i][point];
                    }
                    seconds[point] = BucketQuantile.of(quantile, ResponseTimes.BOUNDS, inStep);
                }
                quantiles.add(new LatencySeries(operation, quantile, seconds));
            }
        });
        return new TrafficWindow(first * STEP_MILLIS, stepSeconds, points, counts, quantiles);
    }

    /** Each kept peer with traffic in the window, then "other" when it has some. */
    private static void addPeers(List<CountSeries> counts, CappedPeers peers, List<TrafficFamily> families,
                                 long from, int points, int width) {
        peers.kept().forEach((peer, rings) -> addIfAny(counts, families, peer, false, rings, from, points, width));
        addIfAny(counts, families, "", true, peers.other(), from, points, width);
    }

    private static void addIfAny(List<CountSeries> counts, List<TrafficFamily> families, String peer, boolean other,
                                 StepRing[] rings, long from, int points, int width) {
        List<CountSeries> series = new ArrayList<>();
        boolean any = false;
        for (int lane = 0; lane < families.size(); lane++) {
            long[] sums = rings[lane].sums(from, points, width);
            for (long sum : sums) {
                any |= sum > 0;
            }
            series.add(new CountSeries(families.get(lane), peer, other, sums));
        }
        if (any) {
            counts.addAll(series);
        }
    }

    /** How many rings it holds now, never more than {@link #MAX_RINGS}. */
    synchronized int ringCount() {
        return 2 + smscs.ringCount() + esmes.ringCount() + statuses.ringCount()
                + latencies.values().stream().mapToInt(rings -> rings.length).sum();
    }
}
