package io.smppgateway.http.engine;

/**
 * A quantile estimated from histogram buckets as Prometheus's {@code histogram_quantile} does: the
 * bucket that holds the rank, linearly between its lower and upper bound; a rank in the last
 * (unbounded) bucket answers the highest bound.
 */
final class BucketQuantile {

    private BucketQuantile() {
    }

    /**
     * @param quantile     between 0 and 1
     * @param upperBounds  the buckets' upper bounds, ascending
     * @param counts       observations per bucket (not cumulative), one more than the bounds: the last
     *                     holds those above the highest bound
     * @return the estimate, or {@code NaN} without observations
     */
    static double of(double quantile, double[] upperBounds, long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double rank = quantile * total;
        long below = 0;
        for (int i = 0; i < upperBounds.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                double lower = i == 0 ? 0 : upperBounds[i - 1];
                return lower + (upperBounds[i] - lower) * (rank - below) / counts[i];
            }
            below += counts[i];
        }
        return upperBounds[upperBounds.length - 1];
    }
}
