package io.smppgateway.runner.e2e;

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

/**
 * The gateway's REST API called the way the manual's examples call it: JSON bodies and the
 * {@code X-API-Key} header with the API token. An answer with another status than the one expected
 * fails the test with the body the gateway sent.
 */
public final class GatewayRestApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String apiToken;

    public GatewayRestApi(String baseUrl, String apiToken) {
        this.baseUrl = baseUrl;
        this.apiToken = apiToken;
    }

    /** POST /api/clients: the saved record as the gateway answers it (201). */
    public JsonObject createClient(JsonObject client) {
        return call("POST", "/api/clients", client, 201);
    }

    /** POST /api/gateways with a JSON body as the manual prints it: the saved record (201). */
    public JsonObject createGateway(String json) {
        return call("POST", "/api/gateways", JsonParser.parseString(json), 201);
    }

    /** GET /api/clients: {@code {"clients": [...], "connections": {...}}}. */
    JsonObject listClients() {
        return call("GET", "/api/clients", null, 200);
    }

    /** GET of any path that answers a JSON object (200). */
    JsonObject get(String path) {
        return call("GET", path, null, 200);
    }

    private JsonObject call(String method, String path, JsonElement body, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-API-Key", apiToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + " instead of "
                    + expectedStatus + ": " + response.body());
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
