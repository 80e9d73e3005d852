package io.smppgateway.smpp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(1000), Duration.ofMillis(60_000));

    @Test
    void delayDoublesPerFailureWithinTheUpperHalfAndStopsAtTheMaximum() {
        SplittableRandom random = new SplittableRandom(42);
        long[] full = {1000, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000};
        for (int failures = 0; failures < full.length; failures++) {
            for (int draw = 0; draw < 200; draw++) {
                long millis = backoff.delay(failures, random).toMillis();
                long ceiling = full[failures];
                assertTrue(millis >= ceiling / 2 && millis <= ceiling,
                        failures + " failures gave " + millis + " ms, outside [" + ceiling / 2 + ", " + ceiling + "]");
            }
        }
    }

    @Test
    void manyFailuresDoNotOverflow() {
        long millis = backoff.delay(Integer.MAX_VALUE, new SplittableRandom(1)).toMillis();
        assertTrue(millis >= 30_000 && millis <= 60_000, "got " + millis);
    }

    @Test
    void jitterSpreadsTheDelays() {
        SplittableRandom random = new SplittableRandom(7);
        long first = backoff.delay(5, random).toMillis();
        boolean differs = false;
        for (int i = 0; i < 20 && !differs; i++) {
            differs = backoff.delay(5, random).toMillis() != first;
        }
        assertTrue(differs, "20 draws gave the same delay");
    }

    @Test
    void equalMinimumAndMaximumGiveThatDelayOrItsUpperHalf() {
        ReconnectBackoff flat = new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(10));
        long millis = flat.delay(3, new SplittableRandom(3)).toMillis();
        assertTrue(millis >= 5 && millis <= 10);
        assertEquals(1, new ReconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(1))
                .delay(1, new SplittableRandom(3)).toMillis());
    }

    @Test
    void invalidBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
