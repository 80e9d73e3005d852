package io.smppgateway.http.live;

import java.util.List;
import java.util.Objects;

/**
 * A latency distribution, rendered as a Prometheus histogram.
 *
 * @param operation        what is timed, e.g. "submit_sm" (to its resp) or "sms_in_publish"
 * @param peer             the smsc_id or username, or empty
 * @param upperBounds      bucket upper bounds in seconds, ascending (without +Inf)
 * @param cumulativeCounts observations at or below each bound (same size as {@code upperBounds})
 * @param count            all observations (the +Inf bucket)
 * @param sumSeconds       the sum of all observations
 */
public record LatencyHistogram(String operation, String peer, List<Double> upperBounds, List<Long> cumulativeCounts,
                               long count, double sumSeconds) {

    public LatencyHistogram {
        Objects.requireNonNull(operation, "operation");
        peer = peer == null ? "" : peer;
        upperBounds = List.copyOf(upperBounds);
        cumulativeCounts = List.copyOf(cumulativeCounts);
        if (upperBounds.size() != cumulativeCounts.size()) {
            throw new IllegalArgumentException("one count per bucket bound");
        }
    }
}
