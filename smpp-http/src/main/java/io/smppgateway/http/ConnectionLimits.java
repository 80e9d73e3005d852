package io.smppgateway.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What a peer of the HTTP port may hold, and for how long: the bounds that keep a few slow or idle
 * sockets from taking the port away from everyone else.
 *
 * @param requestParseTimeout a request's line and headers must have arrived this long after their
 *                            first byte, or the connection is closed (slowloris)
 * @param noRequestTimeout    a connection that carries no request for this long is closed
 * @param idleTimeout         a connection on which nothing is read or written for this long is closed,
 *                            whatever it is doing
 * @param readTimeout         a connection that sends nothing for this long while the server waits for
 *                            the rest of a request (a body that never comes) is closed
 * @param maxConnections      open connections at most; beyond that new ones wait in the kernel's
 *                            backlog until older ones close
 */
public record ConnectionLimits(Duration requestParseTimeout, Duration noRequestTimeout, Duration idleTimeout,
                               Duration readTimeout, int maxConnections) {

    public ConnectionLimits {
        requirePositive("requestParseTimeout", requestParseTimeout);
        requirePositive("noRequestTimeout", noRequestTimeout);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("readTimeout", readTimeout);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive, got " + maxConnections);
        }
    }

    /** Headers within 10 s, idle connections closed after 30 s, silent ones after 60 s, 500 connections. */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(30), 500);
    }

    public ConnectionLimits withTimeouts(Duration parse, Duration noRequest, Duration idle, Duration read) {
        return new ConnectionLimits(parse, noRequest, idle, read, maxConnections);
    }

    public ConnectionLimits withMaxConnections(int connections) {
        return new ConnectionLimits(requestParseTimeout, noRequestTimeout, idleTimeout, readTimeout, connections);
    }

    /** Accepting resumes when the open connections fall to this many (90 % of the maximum). */
    int resumeAcceptingAt() {
        return Math.max(1, maxConnections * 9 / 10);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be from 1 ms to 24 days, got " + value);
        }
    }
}
