package io.smppgateway.bridge.flow;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what one flow did and refused (published, rejected, dead-lettered, unknown ids...),
 * by name, for logs, metrics and tests. The names each flow counts are listed in its class comment.
 */
public final class FlowStats {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void increment(String name) {
        counters.computeIfAbsent(name, key -> new LongAdder()).increment();
    }

    /** The count under a name; 0 when nothing was counted under it. */
    public long get(String name) {
        LongAdder counter = counters.get(name);
        return counter == null ? 0 : counter.sum();
    }

    /** Every counter, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((name, counter) -> copy.put(name, counter.sum()));
        return copy;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
