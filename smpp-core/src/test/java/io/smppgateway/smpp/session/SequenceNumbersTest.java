package io.smppgateway.smpp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void startsAtOne() {
        assertEquals(1, new SequenceNumbers().next());
    }

    @Test
    void wrapsFromTheMaximumBackToOne() {
        SequenceNumbers numbers = new SequenceNumbers(SequenceNumbers.MAX - 1);
        assertEquals(0x7FFFFFFF, numbers.next());
        assertEquals(1, numbers.next());
        assertEquals(2, numbers.next());
    }

    @Test
    void rateLimiterAllowsOneSecondsWorthThenRefillsWithTime() {
        RateLimiter limiter = RateLimiter.perMinute(120);
        long start = 1_000_000_000L;
        // a fresh limiter of 120/min holds 2 tokens
        RateLimiter fresh = RateLimiter.startingAt(120, start);
        assertTrue(fresh.tryAcquire(start));
        assertTrue(fresh.tryAcquire(start));
        assertFalse(fresh.tryAcquire(start));
        assertTrue(fresh.tryAcquire(start + 500_000_000L)); // half a second later, one more
        assertFalse(fresh.tryAcquire(start + 500_000_000L));
        assertEquals(null, RateLimiter.perMinute(0));
        assertTrue(limiter.tryAcquire());
    }
}
