package io.smppgateway.smpp.session;

/**
 * A per-bind limit of messages per minute, as the client's {@code throughput} sets it: a token
 * bucket that refills continuously and holds at most one second's worth (at least one token), so a
 * limit of 60 allows one message a second rather than 60 at once. Used on one event loop only.
 */
public final class RateLimiter {

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    private RateLimiter(int perMinute, long now) {
        this.tokensPerNano = perMinute / 60e9;
        this.capacity = Math.max(1.0, perMinute / 60.0);
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** A limiter for {@code perMinute} messages a minute; 0 means no limit ({@code null}). */
    public static RateLimiter perMinute(int perMinute) {
        return perMinute <= 0 ? null : new RateLimiter(perMinute, System.nanoTime());
    }

    /** A limiter whose clock starts at {@code nowNanos}, for tests that drive time themselves. */
    static RateLimiter startingAt(int perMinute, long nowNanos) {
        return new RateLimiter(perMinute, nowNanos);
    }

    /** Takes one token if there is one. */
    public boolean tryAcquire() {
        return tryAcquire(System.nanoTime());
    }

    boolean tryAcquire(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
}
