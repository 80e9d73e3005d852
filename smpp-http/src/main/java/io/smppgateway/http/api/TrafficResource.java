package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.live.CountSeries;
import io.smppgateway.http.live.LatencySeries;
import io.smppgateway.http.live.TrafficFamily;
import io.smppgateway.http.live.TrafficHistory;
import io.smppgateway.http.live.TrafficWindow;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.http.web.JsonResponses;
import io.smppgateway.http.web.QueryParams;
import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/traffic?since=<unix ms>&step=10s} (ours): the traffic history the answering
 * instance keeps (24 h at 10 s), which the dashboard's charts start from. Every series is an array
 * of counts per step, oldest first, from {@code start} on; latency quantiles are in milliseconds,
 * {@code null} in a step without submits. {@code since} defaults to an hour ago; {@code step} is
 * 10 s to 1 h, a multiple of 10 s ({@code 10s}, {@code 60s}, {@code 5m}...). The answer is bounded:
 * at most 8,640 steps per series, and a bounded number of series (the busiest peers, the rest as
 * {@code other}).
 */
public final class TrafficResource {

    private static final Pattern STEP = Pattern.compile("(\\d{1,4})([sm]?)");
    private static final long DEFAULT_SPAN_MILLIS = 3_600_000;
    private static final int MAX_STEP_SECONDS = 3600;

    private final HttpBackend backend;

    public TrafficResource(HttpBackend backend) {
        this.backend = backend;
    }

    public void traffic(HttpServerExchange exchange) {
        long now = System.currentTimeMillis();
        long since = QueryParams.single(exchange, "since").map(TrafficResource::since)
                .orElse(now - DEFAULT_SPAN_MILLIS);
        int step = QueryParams.single(exchange, "step").map(TrafficResource::step)
                .orElse(TrafficHistory.RESOLUTION_SECONDS);
        TrafficWindow window = backend.metrics().history().since(since, step);
        JsonObject body = new JsonObject();
        body.addProperty("instance", backend.connections().instance().id());
        body.addProperty("instance_host", backend.connections().instance().host());
        body.addProperty("time", now);
        body.addProperty("start", window.startMillis());
        body.addProperty("step", window.stepSeconds());
        body.addProperty("points", window.points());
        body.add("messages_in", new JsonArray());
        body.add("messages_out", new JsonArray());
        Map<String, JsonObject> gateways = new LinkedHashMap<>();
        Map<String, JsonObject> clients = new LinkedHashMap<>();
        Map<String, JsonObject> statuses = new LinkedHashMap<>();
        for (CountSeries series : window.counts()) {
            JsonArray counts = counts(series.perStep());
            switch (series.family()) {
                case MESSAGES_IN -> body.add("messages_in", counts);
                case MESSAGES_OUT -> body.add("messages_out", counts);
                case SMSC_SUBMITTED, SMSC_RECEIVED -> peer(gateways, "smsc_id", series)
                        .add(series.family() == TrafficFamily.SMSC_SUBMITTED ? "submitted" : "received", counts);
                case ESME_SUBMITTED, ESME_DELIVERED -> peer(clients, "username", series)
                        .add(series.family() == TrafficFamily.ESME_SUBMITTED ? "submitted" : "delivered", counts);
                case DLR_STATUS -> peer(statuses, "status", series).add("counts", counts);
            }
        }
        body.add("gateways", array(gateways));
        body.add("clients", array(clients));
        body.add("dlr_statuses", array(statuses));
        Map<String, JsonObject> latencies = new LinkedHashMap<>();
        for (LatencySeries series : window.latencies()) {
            JsonObject latency = latencies.computeIfAbsent(series.operation(), operation -> {
                JsonObject json = new JsonObject();
                json.addProperty("operation", operation);
                return json;
            });
            latency.add(quantileName(series.quantile()), milliseconds(series.seconds()));
        }
        body.add("latency", array(latencies));
        JsonResponses.send(exchange, 200, body);
    }

    private static long since(String value) {
        try {
            long since = Long.parseLong(value);
            if (since < 0) {
                throw ApiException.badField("since", "unix milliseconds, 0 or more");
            }
            return since;
        } catch (NumberFormatException e) {
            throw ApiException.badField("since", "unix milliseconds, e.g. 1721935100000");
        }
    }

    private static int step(String value) {
        Matcher matcher = STEP.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw ApiException.badField("step", "seconds, e.g. 10s, 60s or 5m");
        }
        int seconds = Integer.parseInt(matcher.group(1)) * (matcher.group(2).equals("m") ? 60 : 1);
        if (seconds < TrafficHistory.RESOLUTION_SECONDS || seconds > MAX_STEP_SECONDS
                || seconds % TrafficHistory.RESOLUTION_SECONDS != 0) {
            throw ApiException.badField("step", "a multiple of 10 s between 10s and 60m");
        }
        return seconds;
    }

    /** The object of the series' peer (or of "other"), created with its name the first time. */
    private static JsonObject peer(Map<String, JsonObject> peers, String nameField, CountSeries series) {
        return peers.computeIfAbsent((series.other() ? "\0other" : series.peer()), key -> {
            JsonObject json = new JsonObject();
            json.addProperty(nameField, series.other() ? "" : series.peer());
            json.addProperty("other", series.other());
            return json;
        });
    }

    private static JsonArray array(Map<String, JsonObject> objects) {
        JsonArray array = new JsonArray();
        objects.values().forEach(array::add);
        return array;
    }

    private static JsonArray counts(long[] perStep) {
        JsonArray array = new JsonArray(perStep.length);
        for (long count : perStep) {
            array.add(count);
        }
        return array;
    }

    private static JsonArray milliseconds(double[] seconds) {
        JsonArray array = new JsonArray(seconds.length);
        for (double value : seconds) {
            array.add(Double.isNaN(value) ? JsonNull.INSTANCE
                    : new JsonPrimitive(Math.round(value * 1_000_000) / 1000.0));
        }
        return array;
    }

    /** 0.5 as p50, 0.95 as p95, 0.99 as p99, 0.999 as p99.9. */
    private static String quantileName(double quantile) {
        long tenths = Math.round(quantile * 1000);
        return "p" + (tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10));
    }
}
