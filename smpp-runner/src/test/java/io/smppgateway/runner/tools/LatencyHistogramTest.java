package io.smppgateway.runner.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Percentiles from the bucketed response times. */
class LatencyHistogramTest {

    @Test
    void smallValuesAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            histogram.record(i);
        }

        assertEquals(50, histogram.percentile(50));
        assertEquals(99, histogram.percentile(99));
        assertEquals(100, histogram.percentile(100));
        assertEquals(100, histogram.max());
        assertEquals(100, histogram.count());
    }

    @Test
    void largeValuesAreWithinTwoPercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 1; i <= 10_000; i++) {
            histogram.record(i * 1000L);
        }

        long p50 = histogram.percentile(50);
        long p99 = histogram.percentile(99);
        assertTrue(Math.abs(p50 - 5_000_000) <= 100_000, "p50 " + p50);
        assertTrue(Math.abs(p99 - 9_900_000) <= 200_000, "p99 " + p99);
        assertEquals(10_000_000, histogram.percentile(100));
    }

    @Test
    void anEmptyHistogramSaysZero() {
        assertEquals(0, new LatencyHistogram().percentile(99));
    }
}
