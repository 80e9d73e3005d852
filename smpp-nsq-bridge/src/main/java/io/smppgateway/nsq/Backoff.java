package io.smppgateway.nsq;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential delays with "equal jitter": attempt n waits a random time between half and all of
 * {@code min(initial * 2^n, max)}. The jitter keeps many clients that lost the same nsqd from
 * reconnecting in step.
 *
 * @param initial delay of the first retry (attempt 0)
 * @param max     the ceiling
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " below initial " + initial);
        }
    }

    /** The un-jittered ceiling of attempt {@code attempt} (0-based). */
    public long ceilingMillis(int attempt) {
        long initialMs = Math.max(1, initial.toMillis());
        int shift = Math.min(Math.max(attempt, 0), 30);
        long ms = initialMs << shift;
        return ms <= 0 || ms > max.toMillis() ? max.toMillis() : ms;
    }

    /** A jittered delay for attempt {@code attempt} (0-based). */
    public long delayMillis(int attempt) {
        long ceiling = ceilingMillis(attempt);
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }
}
