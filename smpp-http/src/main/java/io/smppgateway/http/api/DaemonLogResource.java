package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.live.DaemonLog;
import io.smppgateway.http.web.ApiException;
import io.smppgateway.http.web.JsonResponses;
import io.smppgateway.http.web.QueryParams;
import io.undertow.server.HttpServerExchange;
import java.util.Optional;

/** {@code GET /api/logs/daemon?lines=N} (ours): the answering instance's own recent log events. */
public final class DaemonLogResource {

    public static final int MAX_LINES = 1_000;
    private static final int DEFAULT_LINES = 200;

    private final DaemonLog log;

    public DaemonLogResource(DaemonLog log) {
        this.log = log;
    }

    public void recent(HttpServerExchange exchange) {
        int lines = DEFAULT_LINES;
        Optional<String> asked = QueryParams.single(exchange, "lines");
        if (asked.isPresent()) {
            try {
                lines = Integer.parseInt(asked.get());
            } catch (NumberFormatException e) {
                lines = -1;
            }
            if (lines < 1 || lines > MAX_LINES) {
                throw ApiException.badField("lines", "between 1 and " + MAX_LINES);
            }
        }
        JsonArray events = new JsonArray();
        log.recentLines(lines).forEach(events::add);
        JsonObject json = new JsonObject();
        json.add("lines", events);
        JsonResponses.send(exchange, 200, json);
    }
}
