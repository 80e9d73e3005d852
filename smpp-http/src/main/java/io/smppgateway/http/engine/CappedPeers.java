package io.smppgateway.http.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of one kind of peer (SMSCs, ESME accounts, DLR statuses) with a bounded number of
 * series: each peer has {@code lanes} rings (say submitted and received), up to {@code cap} peers
 * have their own, and the rest add up under {@code other}. A peer with traffic gets rings while
 * there is room; when there is none, a kept peer whose rings saw nothing for the whole history
 * makes room; otherwise the newcomer counts under {@code other}. So a flood of new clients costs
 * at most {@code (cap + 1) * lanes} rings. Not thread-safe: its owner synchronises.
 */
final class CappedPeers {

    private final int cap;
    private final int lanes;
    private final int capacity;
    private final Map<String, StepRing[]> kept = new LinkedHashMap<>();
    private final StepRing[] other;

    CappedPeers(int cap, int lanes, int capacity) {
        this.cap = cap;
        this.lanes = lanes;
        this.capacity = capacity;
        this.other = rings();
    }

    /**
     * Records one step: {@code deltas} maps each peer to its count per lane in that step. The
     * busiest newcomers are given rings first.
     */
    void record(long step, Map<String, long[]> deltas) {
        advanceTo(step);
        List<Map.Entry<String, long[]>> busiestFirst = new ArrayList<>(deltas.entrySet());
        busiestFirst.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue())));
        for (Map.Entry<String, long[]> entry : busiestFirst) {
            long[] counts = entry.getValue();
            if (sum(counts) <= 0) {
                continue;
            }
            StepRing[] rings = ringsOf(entry.getKey());
            for (int lane = 0; lane < lanes; lane++) {
                rings[lane].add(step, counts[lane]);
            }
        }
    }

    private void advanceTo(long step) {
        for (StepRing[] rings : kept.values()) {
            for (StepRing ring : rings) {
                ring.advanceTo(step);
            }
        }
        for (StepRing ring : other) {
            ring.advanceTo(step);
        }
    }

    private StepRing[] ringsOf(String peer) {
        StepRing[] rings = kept.get(peer);
        if (rings != null) {
            return rings;
        }
        if (kept.size() >= cap) {
            kept.values().removeIf(CappedPeers::quiet);
        }
        if (kept.size() >= cap) {
            return other;
        }
        rings = rings();
        kept.put(peer, rings);
        return rings;
    }

    private static boolean quiet(StepRing[] rings) {
        for (StepRing ring : rings) {
            if (ring.total() > 0) {
                return false;
            }
        }
        return true;
    }

    private StepRing[] rings() {
        StepRing[] rings = new StepRing[lanes];
        for (int i = 0; i < lanes; i++) {
            rings[i] = new StepRing(capacity);
        }
        return rings;
    }

    /** The peers that have their own rings, in the order they got them. */
    Map<String, StepRing[]> kept() {
        return kept;
    }

    /** The rings of every other peer, added up. */
    StepRing[] other() {
        return other;
    }

    /** How many rings it holds now (at most {@code (cap + 1) * lanes}). */
    int ringCount() {
        return (kept.size() + 1) * lanes;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
