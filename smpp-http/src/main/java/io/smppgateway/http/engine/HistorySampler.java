package io.smppgateway.http.engine;

import io.smppgateway.http.live.MetricsSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the counters into the {@link TrafficRecorder} every 10 s, on a thread of its own, from
 * the {@link EngineBackend}'s start to its close.
 */
final class HistorySampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistorySampler.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "traffic-history");
        thread.setDaemon(true);
        return thread;
    });

    HistorySampler(MetricsSource counters, TrafficRecorder history) {
        timer.scheduleAtFixedRate(() -> {
            try {
                history.sample(counters.snapshot(), System.currentTimeMillis());
            } catch (RuntimeException e) {
                log.warn("the traffic history missed a sample: {}", e.toString());
            }
        }, TrafficRecorder.STEP_MILLIS, TrafficRecorder.STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
