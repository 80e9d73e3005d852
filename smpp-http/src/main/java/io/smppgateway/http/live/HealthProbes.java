package io.smppgateway.http.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Probes of what the gateway needs to work: the database, NSQ, each enabled gateway's binds.
 * {@code http.engine} implements it over the engine; {@code GET /api/health} waits a bounded time for the answer and reports a
 * probe that did not answer as down.
 */
@FunctionalInterface
public interface HealthProbes {

    CompletableFuture<List<ProbeResult>> probe();
}
