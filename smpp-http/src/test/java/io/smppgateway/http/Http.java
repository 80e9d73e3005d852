package io.smppgateway.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to the server under test, with the token unless told otherwise. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    }

    static HttpRequest.Builder withToken(String url) {
        return request(url).header("X-API-Key", TestGateway.TOKEN);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String url) {
        return send(withToken(url).GET().build());
    }

    static HttpResponse<String> post(String url, String json) {
        return send(withToken(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpResponse<String> put(String url, String json) {
        return send(withToken(url).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpResponse<String> delete(String url) {
        return send(withToken(url).DELETE().build());
    }

    static JsonElement json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body());
    }

    static JsonObject object(HttpResponse<String> response) {
        return json(response).getAsJsonObject();
    }

    /** The {@code fields} of an error answer. */
    static JsonObject fields(HttpResponse<String> response) {
        return object(response).getAsJsonObject("fields");
    }
}
