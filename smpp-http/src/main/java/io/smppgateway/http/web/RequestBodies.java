package io.smppgateway.http.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.smppgateway.store.JsonSyntax;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a request body with a size bound: a declared or actual length over the bound is refused with
 * 413 before the body is held in memory. Routes put {@link BufferedBodies} in front, so the body is
 * already in memory when a worker gets here; without it the body is read in blocking mode, so call
 * from a worker thread.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as a JSON object; 400 when it is empty, not JSON, or not an object. */
    public static JsonObject jsonObject(HttpServerExchange exchange, int maxBytes) {
        String text = text(exchange, maxBytes);
        if (text.isBlank()) {
            throw ApiException.badRequest("the request needs a JSON object body", Map.of());
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw ApiException.badRequest("the body is " + JsonSyntax.describe(e), Map.of());
        }
        if (!parsed.isJsonObject()) {
            throw ApiException.badRequest("the body must be a JSON object", Map.of());
        }
        return parsed.getAsJsonObject();
    }

    /** The body as UTF-8 text, at most {@code maxBytes} long. */
    public static String text(HttpServerExchange exchange, int maxBytes) {
        byte[] buffered = exchange.getAttachment(BufferedBodies.BODY);
        if (buffered != null) {
            if (buffered.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return new String(buffered, StandardCharsets.UTF_8);
        }
        long declared = exchange.getRequestContentLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (body.size() + read > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                body.write(buffer, 0, read);
            }
        } catch (RequestTooBigException e) {
            throw tooLarge(maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** Whether the request says its body is JSON. */
    public static boolean isJson(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "the request body is larger than " + maxBytes + " bytes", Map.of());
    }
}
