package io.smppgateway.http.live;

/**
 * The traffic history the runner keeps in memory, sampled from its counters every
 * {@link #RESOLUTION_SECONDS} seconds for the last {@link #KEPT_SECONDS}: what {@code GET /api/traffic}
 * answers and the dashboard's charts start from. Each instance keeps its own. Called from HTTP
 * worker threads; must return at once.
 */
public interface TrafficHistory {

    /** The finest step: one sample of the counters. */
    int RESOLUTION_SECONDS = 10;
    /** How far back the history goes: 24 hours. */
    int KEPT_SECONDS = 24 * 3600;

    /** No history (a gateway that keeps none). */
    TrafficHistory NONE = (sinceMillis, stepSeconds) -> TrafficWindow.empty(sinceMillis, stepSeconds);

    /**
     * The history from the step that holds {@code sinceMillis} (or the oldest kept) to the last
     * sample, in steps of {@code stepSeconds} (a multiple of {@link #RESOLUTION_SECONDS}).
     */
    TrafficWindow since(long sinceMillis, int stepSeconds);
}
