package io.smppgateway.http.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.http.metrics.PrometheusParser;
import io.smppgateway.http.metrics.PrometheusParser.Family;
import io.smppgateway.http.metrics.PrometheusParser.Sample;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.store.client.Client;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that embeds the engine and builds the REST API with {@link EngineBackend}: the API answers
 * from the engine and its stores, and what {@link AdminTelemetry}'s listeners counted shows in
 * {@code /metrics}.
 */
class EngineBackendTest {

    @TempDir
    Path home;

    private EngineOnEmbeddedStores host;

    @BeforeEach
    void start() {
        host = new EngineOnEmbeddedStores(home);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void healthNamesTheStoresAndTheBus() throws Exception {
        HttpResponse<String> response = host.get("/api/health");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals("up", health.get("status").getAsString(), response.body());
        Map<String, JsonObject> checks = new LinkedHashMap<>();
        for (JsonElement check : health.getAsJsonArray("checks")) {
            checks.put(check.getAsJsonObject().get("name").getAsString(), check.getAsJsonObject());
        }
        assertEquals(host.database.description(), checks.get("database").get("detail").getAsString());
        assertEquals("up", checks.get("message bus").get("status").getAsString(), response.body());
    }

    @Test
    void metricsCountAnEsmesSubmitsUnderItsAccount() throws Exception {
        Client client = host.database.clients().create(Client.builder().username("esme1").password("pw").binds(1)
                .enabled(true).build());
        ChannelSession esme = host.bindTransmitter("esme1");
        for (int i = 0; i < 2; i++) {
            assertEquals(0, esme.send(SubmitSm.builder().source(5, 0, "Shop").destination(1, 1, "380991234567")
                    .shortMessage("Hi".getBytes(StandardCharsets.ISO_8859_1)).build()).get(20, TimeUnit.SECONDS)
                    .commandStatus());
        }

        Map<String, Family> metrics = metrics();

        assertEquals(2, value(metrics, "smpp_client_messages_total", "smpp_client_messages_total",
                Map.of("username", "esme1", "client_id", Long.toString(client.id()), "direction", "in")));
        assertEquals(2, value(metrics, "smpp_latency_seconds", "smpp_latency_seconds_count",
                Map.of("operation", "esme_submit", "peer", "esme1")));
        assertEquals(1, value(metrics, "smpp_build_info", "smpp_build_info", Map.of("version", "9.8.7-test")));
    }

    private Map<String, Family> metrics() throws Exception {
        HttpResponse<String> response = host.get("/metrics");
        assertEquals(200, response.statusCode(), response.body());
        return PrometheusParser.parse(response.body());
    }

    /** The value of the sample with these labels (and maybe more), or -1 when there is none. */
    private static double value(Map<String, Family> families, String family, String sample,
                                Map<String, String> labels) {
        return PrometheusParser.sample(families, family, sample, labels).map(Sample::value).orElse(-1.0);
    }
}
