package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.metrics.PrometheusParser;
import io.smppgateway.http.metrics.PrometheusParser.Family;
import io.smppgateway.http.metrics.WellFormedExposition;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SMPP_METRICS_ADDRESS}: a second port with {@code /metrics} alone, without the token. */
class MetricsListenerTest {

    @TempDir
    Path folder;

    @Test
    void theMetricsPortAnswersMetricsWithoutTheTokenAndNothingElse() {
        HttpConfig config = HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                .withAddress("127.0.0.1", 0).withLiveChangeTimeout(Duration.ofSeconds(2))
                .withMetricsAddress(new ListenAddress("127.0.0.1", 0));
        try (TestGateway gateway = new TestGateway(folder, config)) {
            gateway.live.metrics = new MetricsSnapshot(List.of(new PeerTraffic(3, "smsc-a", 4, 7)), List.of(),
                    List.of(), List.of(), List.of());
            String metricsBase = "http://127.0.0.1:" + gateway.server.metricsPort().orElseThrow();

            HttpResponse<String> open = Http.send(Http.request(metricsBase + "/metrics").GET().build());
            assertEquals(200, open.statusCode(), open.body());
            assertTrue(open.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            Map<String, Family> families = WellFormedExposition.check(open.body());
            assertEquals(7.0, PrometheusParser.sample(families, "smpp_gateway_messages_total",
                    "smpp_gateway_messages_total", Map.of("smsc_id", "smsc-a", "direction", "out"))
                    .orElseThrow().value());

            // the main port still wants the token for /metrics
            assertEquals(401, Http.send(Http.request(gateway.base + "/metrics").GET().build()).statusCode());
            assertEquals(200, Http.get(gateway.base + "/metrics").statusCode());
            // and the metrics port serves nothing of the API or the panel
            assertEquals(404, Http.send(Http.request(metricsBase + "/api/gateways").GET().build()).statusCode());
            assertEquals(404, Http.get(metricsBase + "/api/gateways").statusCode());
            assertEquals(404, Http.send(Http.request(metricsBase + "/").GET().build()).statusCode());
            assertEquals(405, Http.send(Http.request(metricsBase + "/metrics")
                    .POST(HttpRequest.BodyPublishers.ofString("")).build()).statusCode());
        }
    }

    @Test
    void withoutAMetricsAddressThereIsNoSecondPort() {
        try (TestGateway gateway = new TestGateway(folder)) {
            assertTrue(gateway.server.metricsPort().isEmpty());
        }
    }
}
