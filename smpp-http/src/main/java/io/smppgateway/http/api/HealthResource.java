package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.live.HealthProbes;
import io.smppgateway.http.live.ProbeResult;
import io.smppgateway.http.web.JsonResponses;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/health}: liveness (the process answers) and readiness (every required probe is
 * up: the database, NSQ), with each probe listed, the gateways' included. 200 when ready, 503 when
 * not, so a load balancer or orchestrator can use the status code alone.
 */
public final class HealthResource {

    private final HealthProbes probes;
    private final Duration timeout;

    public HealthResource(HealthProbes probes, Duration timeout) {
        this.probes = probes;
        this.timeout = timeout;
    }

    public void check(HttpServerExchange exchange) {
        List<ProbeResult> results = results();
        boolean ready = isReady(results);
        JsonObject body = new JsonObject();
        body.addProperty("status", ready ? "up" : "down");
        body.addProperty("live", true);
        body.addProperty("ready", ready);
        JsonArray checks = new JsonArray();
        for (ProbeResult result : results) {
            JsonObject check = new JsonObject();
            check.addProperty("name", result.name());
            check.addProperty("status", result.up() ? "up" : "down");
            check.addProperty("required", result.required());
            check.addProperty("detail", result.detail());
            checks.add(check);
        }
        body.add("checks", checks);
        JsonResponses.send(exchange, ready ? 200 : 503, body);
    }

    /**
     * {@code GET|HEAD /readyz}, for load balancers and orchestrators that cannot send the API token:
     * 200 when every required probe (the database, NSQ) is up, 503 otherwise; the status code and
     * one word only, the details stay behind the token in {@code /api/health}.
     */
    public void ready(HttpServerExchange exchange) {
        boolean ready = isReady(results());
        sendWord(exchange, ready ? 200 : 503, ready ? "ready" : "not ready");
    }

    /**
     * {@code GET|HEAD /livez}: the process answers. Answered on the I/O thread, so a busy worker pool
     * or a dependency that is down (NSQ, the database) never makes an orchestrator restart a
     * gateway that would recover by itself.
     */
    public static void live(HttpServerExchange exchange) {
        sendWord(exchange, 200, "live");
    }

    private static void sendWord(HttpServerExchange exchange, int status, String word) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (exchange.getRequestMethod().equalToString("HEAD")) {
            exchange.setResponseContentLength(0);
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(word + "\n");
        }
    }

    private static boolean isReady(List<ProbeResult> results) {
        return results.stream().allMatch(result -> result.up() || !result.required());
    }

    private List<ProbeResult> results() {
        List<ProbeResult> results;
        try {
            results = probes.probe().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            results = List.of(new ProbeResult("probes", false, true, "no answer within " + timeout.toSeconds() + " s"));
        } catch (ExecutionException e) {
            results = List.of(new ProbeResult("probes", false, true, "failed: " + e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            results = List.of(new ProbeResult("probes", false, true, "interrupted"));
        }
        return results;
    }
}
