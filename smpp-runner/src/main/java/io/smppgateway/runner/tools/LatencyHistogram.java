package io.smppgateway.runner.tools;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Response times in microseconds, in buckets about 1.5 % wide (64 per power of two), so that any
 * number of samples fits in a few kilobytes and percentiles come out within that precision.
 * Thread-safe; recording never allocates.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKETS = 64;
    private static final int POWERS = 40;

    private final AtomicLongArray counts = new AtomicLongArray(SUB_BUCKETS * POWERS);
    private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();

    void record(long micros) {
        long value = Math.max(0, micros);
        counts.incrementAndGet(index(value));
        total.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
    }

    long count() {
        return total.get();
    }

    long max() {
        return max.get();
    }

    /** The value below which {@code percentile} percent of the samples lie (the bucket's upper end), 0 when empty. */
    long percentile(double percentile) {
        long samples = total.get();
        if (samples == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(samples * percentile / 100.0));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperBound(i), max.get());
            }
        }
        return max.get();
    }

    private static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int log2 = 63 - Long.numberOfLeadingZeros(value);  // 6 or more
        int shift = log2 - 6;
        int sub = (int) (value >>> shift) - SUB_BUCKETS;     // 0..63
        return Math.min(SUB_BUCKETS * POWERS - 1, SUB_BUCKETS * (shift + 1) + sub);
    }

    /** "p50 1.20 ms, p99 3.40 ms, max 5.60 ms": the summary line's figures. */
    String percentilesInMillis() {
        return "p50 " + millis(percentile(50)) + ", p99 " + millis(percentile(99)) + ", max " + millis(max());
    }

    /** A value of this histogram (microseconds) as milliseconds with two decimals. */
    static String millis(long micros) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    private static long upperBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        int sub = index % SUB_BUCKETS;
        return ((long) (SUB_BUCKETS + sub + 1) << shift) - 1;
    }
}
