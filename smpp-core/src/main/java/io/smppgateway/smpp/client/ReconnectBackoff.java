package io.smppgateway.smpp.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a bind waits before its next connection attempt: {@code min} after the first failure,
 * doubling with each further failure in a row up to {@code max}, each delay drawn from its upper
 * half so that the binds of a gateway (and gateways restarted together) do not reconnect in step.
 * A refused bind or an SMSC that is down therefore sees a handful of attempts a minute, never a storm.
 */
public record ReconnectBackoff(Duration min, Duration max) {

    public ReconnectBackoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
    }

    public static ReconnectBackoff defaults() {
        return new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** The delay before the attempt that follows {@code failures} failures in a row (at least 1). */
    public Duration delay(int failures, RandomGenerator random) {
        long minMillis = min.toMillis();
        long ceiling = max.toMillis();
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long full = minMillis << doublings;
        if (full <= 0 || full > ceiling) {
            full = ceiling;
        }
        long half = full / 2;
        return Duration.ofMillis(full - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
