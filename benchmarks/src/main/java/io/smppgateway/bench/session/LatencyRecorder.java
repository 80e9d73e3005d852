package io.smppgateway.bench.session;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every submit_sm_resp latency of one measured run, in nanoseconds, kept whole so that the
 * percentiles are exact. Written from the libraries' I/O threads, read once the run is over.
 */
final class LatencyRecorder {

    private final long[] nanos;
    private final AtomicInteger next = new AtomicInteger();

    LatencyRecorder(int capacity) {
        nanos = new long[capacity];
    }

    void record(long latencyNanos) {
        int index = next.getAndIncrement();
        if (index < nanos.length) {
            nanos[index] = latencyNanos;
        }
    }

    /** The recorded latencies, sorted; call after every answer has come. */
    long[] sorted() {
        long[] copy = Arrays.copyOf(nanos, Math.min(next.get(), nanos.length));
        Arrays.sort(copy);
        return copy;
    }

    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
