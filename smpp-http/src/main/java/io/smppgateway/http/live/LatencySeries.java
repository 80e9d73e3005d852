package io.smppgateway.http.live;

import java.util.Objects;

/**
 * One latency quantile in each step of a {@link TrafficWindow}, estimated from the step's
 * histogram (every peer's together) as Prometheus's {@code histogram_quantile} does.
 *
 * @param operation the histogram's operation, e.g. {@code esme_submit} or {@code smsc_submit}
 * @param quantile  e.g. 0.5, 0.95, 0.99
 * @param seconds   the quantile in each step, oldest first; {@code NaN} in a step without observations
 */
public record LatencySeries(String operation, double quantile, double[] seconds) {

    public LatencySeries {
        Objects.requireNonNull(operation, "operation");
        seconds = seconds.clone();
    }

    @Override
    public double[] seconds() {
        return seconds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencySeries that && operation.equals(that.operation) && quantile == that.quantile
                && java.util.Arrays.equals(seconds, that.seconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, quantile, java.util.Arrays.hashCode(seconds));
    }

    @Override
    public String toString() {
        return operation + "/p" + quantile + java.util.Arrays.toString(seconds);
    }
}
