package io.smppgateway.http.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.http.live.CountSeries;
import io.smppgateway.http.live.LatencyHistogram;
import io.smppgateway.http.live.LatencySeries;
import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.live.StatusCount;
import io.smppgateway.http.live.TrafficFamily;
import io.smppgateway.http.live.TrafficWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots of the counters turned into steps of history, bounded whatever the peers do. */
class TrafficRecorderTest {

    private static final long T0 = 1_765_000_000_000L;

    private static MetricsSnapshot snapshot(List<PeerTraffic> gateways, List<PeerTraffic> clients,
                                            List<StatusCount> statuses, List<LatencyHistogram> latencies) {
        return new MetricsSnapshot(gateways, clients, statuses, latencies, List.of());
    }

    private static CountSeries series(TrafficWindow window, TrafficFamily family, String peer, boolean other) {
        return window.counts().stream().filter(s -> s.family() == family && s.peer().equals(peer) && s.other() == other)
                .findFirst().orElseThrow(() -> new AssertionError(family + " " + peer + " in " + window.counts()));
    }

    @Test
    void eachSampleAddsWhatTheCountersCountedSinceThePrevious() {
        TrafficRecorder recorder = new TrafficRecorder();
        recorder.sample(snapshot(List.of(new PeerTraffic(1, "sim", 2, 10)), List.of(new PeerTraffic(7, "esme1", 10, 1)),
                List.of(new StatusCount("sim", "sent", 10)), List.of()), T0);
        recorder.sample(snapshot(List.of(new PeerTraffic(1, "sim", 5, 14)), List.of(new PeerTraffic(7, "esme1", 14, 4)),
                List.of(new StatusCount("sim", "sent", 14), new StatusCount("sim", "delivered", 3),
                        new StatusCount("other-smsc", "delivered", 1)), List.of()), T0 + 10_000);
        // a step without a sample, then one more
        recorder.sample(snapshot(List.of(new PeerTraffic(1, "sim", 5, 15)), List.of(new PeerTraffic(7, "esme1", 15, 4)),
                List.of(new StatusCount("sim", "sent", 15), new StatusCount("sim", "delivered", 3),
                        new StatusCount("other-smsc", "delivered", 1)), List.of()), T0 + 30_000);

        TrafficWindow window = recorder.since(T0, 10);

        assertEquals(T0, window.startMillis());
        assertEquals(4, window.points());
        assertArrayEquals(new long[] {12, 7, 0, 1}, series(window, TrafficFamily.MESSAGES_IN, "", false).perStep());
        assertArrayEquals(new long[] {11, 7, 0, 1}, series(window, TrafficFamily.MESSAGES_OUT, "", false).perStep());
        assertArrayEquals(new long[] {10, 4, 0, 1}, series(window, TrafficFamily.SMSC_SUBMITTED, "sim", false).perStep());
        assertArrayEquals(new long[] {2, 3, 0, 0}, series(window, TrafficFamily.SMSC_RECEIVED, "sim", false).perStep());
        assertArrayEquals(new long[] {10, 4, 0, 1}, series(window, TrafficFamily.ESME_SUBMITTED, "esme1", false)
                .perStep());
        assertArrayEquals(new long[] {1, 3, 0, 0}, series(window, TrafficFamily.ESME_DELIVERED, "esme1", false)
                .perStep());
        assertArrayEquals(new long[] {10, 4, 0, 1}, series(window, TrafficFamily.DLR_STATUS, "sent", false).perStep());
        assertArrayEquals(new long[] {0, 4, 0, 0}, series(window, TrafficFamily.DLR_STATUS, "delivered", false)
                .perStep(), "every SMSC's together");

        TrafficWindow wide = recorder.since(T0, 20);
        assertEquals(2, wide.points());
        assertArrayEquals(new long[] {19, 1}, series(wide, TrafficFamily.MESSAGES_IN, "", false).perStep());
        TrafficWindow later = recorder.since(T0 + 25_000, 10);
        assertEquals(T0 + 20_000, later.startMillis(), "from the step that holds since");
        assertArrayEquals(new long[] {0, 1}, series(later, TrafficFamily.MESSAGES_IN, "", false).perStep());
        assertEquals(0, recorder.since(T0 + 40_000, 10).points(), "nothing after the last sample");
    }

    @Test
    void aFloodOfPeersKeepsTheBusiestFirstAndAddsUpTheRestAsOther() {
        TrafficRecorder recorder = new TrafficRecorder(360);
        for (int round = 1; round <= 20; round++) {
            List<PeerTraffic> clients = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                // esme0 busiest, ... every round each sends i + 1 more
                clients.add(new PeerTraffic(i, "esme" + i, (long) round * (500 - i), 0));
            }
            List<StatusCount> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(new StatusCount("sim", "status" + i, round));
            }
            recorder.sample(snapshot(List.of(), clients, statuses, List.of()), T0 + round * 10_000L);
        }
        assertTrue(recorder.ringCount() <= TrafficRecorder.MAX_RINGS, recorder.ringCount() + " rings");
        TrafficWindow window = recorder.since(T0, 10);
        List<CountSeries> esmes = window.counts().stream()
                .filter(s -> s.family() == TrafficFamily.ESME_SUBMITTED).toList();
        assertEquals(TrafficRecorder.PEERS_KEPT + 1, esmes.size());
        for (int i = 0; i < TrafficRecorder.PEERS_KEPT; i++) {
            assertEquals("esme" + i, esmes.get(i).peer(), "the busiest of the first sample");
        }
        long everyone = 0;
        for (int i = 0; i < 500; i++) {
            everyone += 500 - i;
        }
        long perStep = 0;
        for (CountSeries series : esmes) {
            perStep += series.perStep()[window.points() - 1];
        }
        assertEquals(everyone, perStep, "nothing is lost: the rest is under other");
        assertTrue(series(window, TrafficFamily.ESME_SUBMITTED, "", true).perStep()[window.points() - 1] > 0);
        assertEquals(TrafficRecorder.STATUSES_KEPT + 1,
                window.counts().stream().filter(s -> s.family() == TrafficFamily.DLR_STATUS).count());
    }

    @Test
    void aPeerQuietForTheWholeHistoryMakesRoomForANewOne() {
        TrafficRecorder recorder = new TrafficRecorder(3);
        List<PeerTraffic> first = new ArrayList<>();
        for (int i = 0; i < TrafficRecorder.PEERS_KEPT; i++) {
            first.add(new PeerTraffic(i, "old" + i, 1, 0));
        }
        recorder.sample(snapshot(List.of(), first, List.of(), List.of()), T0);
        List<PeerTraffic> second = new ArrayList<>(first);
        second.add(new PeerTraffic(99, "new", 5, 0));
        recorder.sample(snapshot(List.of(), second, List.of(), List.of()), T0 + 40_000);
        TrafficWindow window = recorder.since(T0, 10);
        assertArrayEquals(new long[] {0, 0, 5}, series(window, TrafficFamily.ESME_SUBMITTED, "new", false).perStep());
    }

    @Test
    void latencyQuantilesComeFromEachStepsHistogramOfEveryPeer() {
        TrafficRecorder recorder = new TrafficRecorder();
        double[] bounds = ResponseTimes.BOUNDS;
        List<Double> boundList = Arrays.stream(bounds).boxed().toList();
        // 100 submits between 5 and 10 ms (bucket le=0.01) on one peer, and none yet on the other
        recorder.sample(snapshot(List.of(), List.of(), List.of(), List.of(
                histogram("esme_submit", "a", boundList, 0.01, 100),
                histogram("esme_submit", "b", boundList, 0.01, 0))), T0);
        // then 100 more on the other, between 50 and 100 ms
        recorder.sample(snapshot(List.of(), List.of(), List.of(), List.of(
                histogram("esme_submit", "a", boundList, 0.01, 100),
                histogram("esme_submit", "b", boundList, 0.1, 100))), T0 + 10_000);

        TrafficWindow window = recorder.since(T0, 10);
        LatencySeries p50 = latency(window, "esme_submit", 0.5);
        assertEquals(0.0075, p50.seconds()[0], 1e-9, "half way through 5..10 ms");
        assertEquals(0.075, p50.seconds()[1], 1e-9);
        assertTrue(Double.isNaN(latency(window, "smsc_submit", 0.5).seconds()[0]), "no submits, no quantile");
        TrafficWindow both = recorder.since(T0, 20);
        assertEquals(0.01, latency(both, "esme_submit", 0.5).seconds()[0], 1e-9, "the top of the lower half");
        assertEquals(0.099, latency(both, "esme_submit", 0.99).seconds()[0], 1e-9);
    }

    private static LatencySeries latency(TrafficWindow window, String operation, double quantile) {
        return window.latencies().stream().filter(s -> s.operation().equals(operation) && s.quantile() == quantile)
                .findFirst().orElseThrow();
    }

    /** {@code count} observations all in the bucket whose upper bound is {@code bound}. */
    private static LatencyHistogram histogram(String operation, String peer, List<Double> bounds, double bound,
                                              long count) {
        List<Long> cumulative = bounds.stream().map(b -> b >= bound ? count : 0L).toList();
        return new LatencyHistogram(operation, peer, bounds, cumulative, count, 0);
    }
}
