package io.smppgateway.http.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes JSON answers and the API's error body. */
public final class JsonResponses {

    /** Compact JSON; {@code <}, {@code >} and {@code &} stay escaped so no answer can be read as HTML. */
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private JsonResponses() {
    }

    public static void send(HttpServerExchange exchange, int status, JsonElement body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(GSON.toJson(body), StandardCharsets.UTF_8);
    }

    /** {@code {"error": message, "fields": {...}}} with the given status. */
    public static void error(HttpServerExchange exchange, int status, String message, Map<String, String> fields) {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        JsonObject fieldErrors = new JsonObject();
        fields.forEach(fieldErrors::addProperty);
        body.add("fields", fieldErrors);
        send(exchange, status, body);
    }
}
