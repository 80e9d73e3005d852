package io.smppgateway.http.api;

import com.google.gson.JsonObject;
import io.smppgateway.http.live.LiveChange;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, on a worker thread and for a bounded time, for the runtime to apply a saved change to its
 * live sessions, and renders what it did as the answer's {@code "live"} member. The store change is
 * already committed: a runtime that fails or is slow makes it "pending", never an error.
 */
final class LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

    private final Duration timeout;

    LiveChanges(Duration timeout) {
        this.timeout = timeout;
    }

    LiveChange await(String what, CompletableFuture<LiveChange> applying) {
        try {
            return applying.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{}: live sessions not updated within {}", what, timeout);
            return new LiveChange(LiveChange.Action.PENDING, 0,
                    "saved; the running gateway is still applying it (no confirmation within "
                            + timeout.toSeconds() + " s)");
        } catch (ExecutionException e) {
            log.warn("{}: updating live sessions failed: {}", what, e.getCause().toString());
            return new LiveChange(LiveChange.Action.PENDING, 0,
                    "saved; applying it to live sessions failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LiveChange(LiveChange.Action.PENDING, 0, "saved; interrupted while applying it");
        }
    }

    static JsonObject json(LiveChange change) {
        JsonObject live = new JsonObject();
        live.addProperty("action", change.action().name().toLowerCase(Locale.ROOT));
        live.addProperty("connections", change.connections());
        live.addProperty("message", change.message());
        return live;
    }
}
