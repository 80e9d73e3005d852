package io.smppgateway.http.live;

import java.util.List;

/**
 * A stretch of the traffic history this instance keeps: every series over the same steps.
 *
 * @param startMillis  unix milliseconds at which the first step starts
 * @param stepSeconds  the length of each step
 * @param points       how many steps each series holds
 * @param counts       the count series: totals, per SMSC, per ESME, DLR statuses
 * @param latencies    the latency quantiles
 */
public record TrafficWindow(long startMillis, int stepSeconds, int points, List<CountSeries> counts,
                            List<LatencySeries> latencies) {

    public TrafficWindow {
        counts = List.copyOf(counts);
        latencies = List.copyOf(latencies);
    }

    public static TrafficWindow empty(long startMillis, int stepSeconds) {
        return new TrafficWindow(startMillis, stepSeconds, 0, List.of(), List.of());
    }
}
