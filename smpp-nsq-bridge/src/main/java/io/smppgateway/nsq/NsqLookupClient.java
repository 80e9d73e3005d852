package io.smppgateway.nsq;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks nsqlookupd which nsqd hold a topic: {@code GET /lookup?topic=...}
 * (<a href="https://nsq.io/components/nsqlookupd.html">nsqlookupd HTTP API</a>). Understands both
 * the current answer {@code {"channels":[...],"producers":[...]}} and the older one wrapped in
 * {@code {"status_code":200,"data":{...}}}; a 404 (topic unknown) means no producers.
 */
final class NsqLookupClient {

    private final HttpClient http;
    private final Duration timeout;

    NsqLookupClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    CompletableFuture<List<NsqAddress>> lookup(NsqAddress lookupd, String topic) {
        URI uri = URI.create("http://" + lookupd + "/lookup?topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/vnd.nsq; version=1.0").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() == 404) {
                return List.of();
            }
            if (response.statusCode() != 200) {
                throw new NsqProtocolException("nsqlookupd " + lookupd + " answered " + response.statusCode()
                        + " to " + uri.getPath() + "?" + uri.getQuery());
            }
            return parseProducers(response.body());
        });
    }

    static List<NsqAddress> parseProducers(String body) {
        try {
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            if (json.has("data") && json.get("data").isJsonObject()) {
                json = json.getAsJsonObject("data");
            }
            JsonElement producersElement = json.get("producers");
            if (producersElement == null || !producersElement.isJsonArray()) {
                return List.of();
            }
            JsonArray producers = producersElement.getAsJsonArray();
            List<NsqAddress> addresses = new ArrayList<>(producers.size());
            for (JsonElement e : producers) {
                JsonObject p = e.getAsJsonObject();
                JsonElement host = p.has("broadcast_address") ? p.get("broadcast_address") : p.get("address");
                addresses.add(new NsqAddress(host.getAsString(), p.get("tcp_port").getAsInt()));
            }
            return addresses;
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new NsqProtocolException("cannot read nsqlookupd answer: " + body);
        }
    }
}
