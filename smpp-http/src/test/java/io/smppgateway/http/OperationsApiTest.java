package io.smppgateway.http;

import static io.smppgateway.http.Http.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.http.live.DropCount;
import io.smppgateway.http.live.GatewayInstance;
import io.smppgateway.http.live.LatencyHistogram;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.LiveInstance;
import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.live.ProbeResult;
import io.smppgateway.http.live.QueueDepth;
import io.smppgateway.http.live.StatusCount;
import io.smppgateway.http.live.CountSeries;
import io.smppgateway.http.live.LatencySeries;
import io.smppgateway.http.live.TrafficFamily;
import io.smppgateway.http.live.TrafficWindow;
import io.smppgateway.http.metrics.PrometheusParser;
import io.smppgateway.http.metrics.PrometheusParser.Family;
import io.smppgateway.http.metrics.WellFormedExposition;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.session.SessionState;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, stats, Prometheus metrics and the OpenAPI document. */
class OperationsApiTest {

    @TempDir
    static Path folder;
    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = new TestGateway(folder);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        gateway.reset();
    }

    @Test
    void healthIsReadyWhenEveryRequiredProbeIsUp() {
        gateway.live.probes = List.of(new ProbeResult("database", true, true, "ok"),
                new ProbeResult("nsq", true, true, "ok"),
                new ProbeResult("gateway mysmsc", false, false, "0 of 1 binds up"));
        HttpResponse<String> health = Http.get(gateway.base + "/api/health");
        assertEquals(200, health.statusCode());
        JsonObject body = object(health);
        assertEquals("up", body.get("status").getAsString());
        assertTrue(body.get("ready").getAsBoolean());
        assertEquals(3, body.getAsJsonArray("checks").size());
        assertEquals("down", body.getAsJsonArray("checks").get(2).getAsJsonObject().get("status").getAsString());
    }

    @Test
    void healthIs503WhenTheDatabaseIsDown() {
        gateway.live.probes = List.of(new ProbeResult("database", false, true, "connection refused"),
                new ProbeResult("nsq", true, true, "ok"));
        HttpResponse<String> health = Http.get(gateway.base + "/api/health");
        assertEquals(503, health.statusCode());
        assertFalse(object(health).get("ready").getAsBoolean());
        assertTrue(object(health).get("live").getAsBoolean());
    }

    @Test
    void probesAnswerWithoutTheTokenAndTellOnlyTheirStatus() {
        gateway.live.probes = List.of(new ProbeResult("database", true, true, "ok"),
                new ProbeResult("nsq", false, true, "nsqd at 10.0.0.7:4150 refused the connection"));

        HttpResponse<String> live = Http.send(Http.request(gateway.base + "/livez").GET().build());
        HttpResponse<String> ready = Http.send(Http.request(gateway.base + "/readyz").GET().build());

        assertEquals(200, live.statusCode(), "NSQ being down does not make the process dead");
        assertEquals("live\n", live.body());
        assertEquals(503, ready.statusCode());
        assertEquals("not ready\n", ready.body(), "the details stay behind the token");

        gateway.live.probes = List.of(new ProbeResult("database", true, true, "ok"),
                new ProbeResult("nsq", true, true, "ok"), new ProbeResult("gateway mysmsc", false, false, "down"));
        assertEquals(200, Http.send(Http.request(gateway.base + "/readyz").GET().build()).statusCode(),
                "a gateway's binds are not required for readiness");
    }

    @Test
    void probesAnswerHeadWithTheStatusAlone() {
        gateway.live.probes = List.of(new ProbeResult("database", false, true, "down"));
        HttpResponse<String> live = Http.send(Http.request(gateway.base + "/livez")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> ready = Http.send(Http.request(gateway.base + "/readyz")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertEquals(200, live.statusCode());
        assertEquals("", live.body());
        assertEquals(503, ready.statusCode());
        assertEquals("", ready.body());
    }

    private void someTraffic() {
        long gatewayId = gateway.database.gateways().create(io.smppgateway.store.gateway.Gateway.builder()
                .smscId("smsc \"quoted\"").host("h").port(2775).username("u").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(1).rxBinds(0).trxBinds(0).smppVersion("3.4").gsm7(true).secure(false)
                .enabled(true).build()).id();
        gateway.live.gatewayQueues.put(gatewayId, 12L);
        gateway.live.gatewayConnections.add(new LiveConnection(gatewayId, BindType.TRANSMITTER,
                SessionState.BOUND_TX, "c1", "", "", 3, 1, 1L, ""));
        gateway.live.clientConnections.add(new LiveConnection(7, BindType.TRANSCEIVER, SessionState.BOUND_TRX,
                "c2", "", "", 0, 2, 1L, ""));
        gateway.live.metrics = new MetricsSnapshot(
                List.of(new PeerTraffic(gatewayId, "smsc \"quoted\"", 5, 100)),
                List.of(new PeerTraffic(7, "esme7", 90, 4)),
                List.of(new StatusCount("smsc \"quoted\"", "delivered", 80)),
                List.of(new LatencyHistogram("submit_sm", "smsc \"quoted\"", List.of(0.01, 0.1), List.of(60L, 95L),
                        100, 3.5),
                        new LatencyHistogram("esme_submit", "esme7", List.of(0.0005, 0.001, 10.0),
                                List.of(3L, 5L, 9L), 9, 0.75)),
                List.of(new QueueDepth("sms_out", "smsc \"quoted\"", 12, 10000)),
                List.of(new DropCount("queue_full", 2), new DropCount("disk_refused", 40)));
    }

    @Test
    void statsGiveTheTotalsTheDashboardCharts() {
        someTraffic();
        JsonObject stats = object(Http.get(gateway.base + "/api/stats"));
        assertEquals(95, stats.get("messages_in").getAsLong());
        assertEquals(104, stats.get("messages_out").getAsLong());
        assertEquals(1, stats.get("gateway_binds").getAsLong());
        assertEquals(1, stats.get("client_binds").getAsLong());
        assertEquals(3, stats.get("queue_count").getAsLong());
        assertTrue(stats.get("time").getAsLong() > 0);
        assertEquals(TestLive.SELF.id(), stats.get("instance").getAsString(), "whose figures these are");
        assertEquals(TestLive.SELF.host(), stats.get("instance_host").getAsString());
    }

    @Test
    void trafficGivesTheHistoryAsArraysPerSeries() {
        List<long[]> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        gateway.live.history = (since, step) -> {
            asked.add(new long[] {since, step});
            return new TrafficWindow(1_765_000_000_000L, step, 3, List.of(
                    new CountSeries(TrafficFamily.MESSAGES_IN, "", false, new long[] {1, 2, 3}),
                    new CountSeries(TrafficFamily.MESSAGES_OUT, "", false, new long[] {0, 2, 1}),
                    new CountSeries(TrafficFamily.SMSC_SUBMITTED, "sim", false, new long[] {0, 1, 1}),
                    new CountSeries(TrafficFamily.SMSC_RECEIVED, "sim", false, new long[] {0, 0, 2}),
                    new CountSeries(TrafficFamily.ESME_SUBMITTED, "esme1", false, new long[] {1, 2, 3}),
                    new CountSeries(TrafficFamily.ESME_DELIVERED, "esme1", false, new long[] {0, 1, 0}),
                    new CountSeries(TrafficFamily.ESME_SUBMITTED, "", true, new long[] {4, 0, 0}),
                    new CountSeries(TrafficFamily.ESME_DELIVERED, "", true, new long[] {0, 0, 0}),
                    new CountSeries(TrafficFamily.DLR_STATUS, "delivered", false, new long[] {0, 0, 1})),
                    List.of(new LatencySeries("esme_submit", 0.5, new double[] {Double.NaN, 0.0075, 0.0123456}),
                            new LatencySeries("esme_submit", 0.99, new double[] {Double.NaN, 0.02, 0.03})));
        };

        JsonObject answer = object(Http.get(gateway.base + "/api/traffic?since=1765000000000&step=1m"));

        assertEquals(1_765_000_000_000L, asked.get(0)[0]);
        assertEquals(60, asked.get(0)[1], "1m is 60 s");
        answer.remove("time");
        assertEquals(JsonParser.parseString("""
                {"instance": "%s", "instance_host": "gw-host-a", "start": 1765000000000, "step": 60, "points": 3,
                 "messages_in": [1, 2, 3], "messages_out": [0, 2, 1],
                 "gateways": [{"smsc_id": "sim", "other": false, "submitted": [0, 1, 1], "received": [0, 0, 2]}],
                 "clients": [{"username": "esme1", "other": false, "submitted": [1, 2, 3], "delivered": [0, 1, 0]},
                             {"username": "", "other": true, "submitted": [4, 0, 0], "delivered": [0, 0, 0]}],
                 "dlr_statuses": [{"status": "delivered", "other": false, "counts": [0, 0, 1]}],
                 "latency": [{"operation": "esme_submit", "p50": [null, 7.5, 12.346], "p99": [null, 20.0, 30.0]}]}
                """.formatted(TestLive.SELF.id())), answer);

        long before = System.currentTimeMillis();
        object(Http.get(gateway.base + "/api/traffic"));
        assertTrue(asked.get(1)[0] >= before - 3_600_000 - 1000 && asked.get(1)[0] <= before - 3_600_000 + 60_000,
                "an hour ago by default");
        assertEquals(10, asked.get(1)[1], "10 s by default");
        for (String refused : List.of("step=5s", "step=15s", "step=2h", "step=ten", "since=yesterday", "since=-1")) {
            HttpResponse<String> answer400 = Http.get(gateway.base + "/api/traffic?" + refused);
            assertEquals(400, answer400.statusCode(), refused);
            assertTrue(object(answer400).getAsJsonObject("fields").has(refused.substring(0, refused.indexOf('='))),
                    refused);
        }
    }

    @Test
    void trafficIsEmptyWhereNoHistoryIsKept() {
        JsonObject answer = object(Http.get(gateway.base + "/api/traffic"));
        assertEquals(0, answer.get("points").getAsInt());
        assertEquals(0, answer.getAsJsonArray("messages_in").size());
        assertEquals(0, answer.getAsJsonArray("gateways").size());
    }

    @Test
    void instancesListEveryLiveInstanceAndSayWhichAnswers() {
        LiveInstance other = new LiveInstance("9b8a7c6d-0000-4000-8000-00000000000b", "gw-host-b");
        gateway.live.instances.add(new GatewayInstance(other, 1_721_935_150L, 1_721_935_168L));

        JsonObject answer = object(Http.get(gateway.base + "/api/instances"));

        assertEquals(JsonParser.parseString("""
                {"instances": [
                  {"id": "%s", "host": "gw-host-a", "started": 1721935100, "heartbeat": 1721935169,
                   "this_instance": true},
                  {"id": "9b8a7c6d-0000-4000-8000-00000000000b", "host": "gw-host-b", "started": 1721935150,
                   "heartbeat": 1721935168, "this_instance": false}]}
                """.formatted(TestLive.SELF.id())), answer);
    }

    @Test
    void metricsAreInThePrometheusTextFormat() {
        someTraffic();
        HttpResponse<String> metrics = Http.get(gateway.base + "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = metrics.body();
        List<String> expected = List.of(
                "# TYPE smpp_gateway_messages_total counter",
                "smpp_gateway_messages_total{direction=\"out\",smsc_id=\"smsc \\\"quoted\\\"\"} 100.0",
                "smpp_gateway_messages_total{direction=\"in\",smsc_id=\"smsc \\\"quoted\\\"\"} 5.0",
                "smpp_client_messages_total{client_id=\"7\",direction=\"in\",username=\"esme7\"} 90.0",
                "smpp_dlr_status_total{smsc_id=\"smsc \\\"quoted\\\"\",status=\"delivered\"} 80.0",
                "# TYPE smpp_latency_seconds histogram",
                "smpp_latency_seconds_bucket{operation=\"submit_sm\",peer=\"smsc \\\"quoted\\\"\",le=\"0.01\"} 60",
                "smpp_latency_seconds_bucket{operation=\"submit_sm\",peer=\"smsc \\\"quoted\\\"\",le=\"+Inf\"} 100",
                "smpp_latency_seconds_sum{operation=\"submit_sm\",peer=\"smsc \\\"quoted\\\"\"} 3.5",
                "smpp_latency_seconds_bucket{operation=\"esme_submit\",peer=\"esme7\",le=\"0.0005\"} 3",
                "smpp_latency_seconds_bucket{operation=\"esme_submit\",peer=\"esme7\",le=\"10\"} 9",
                "smpp_latency_seconds_count{operation=\"esme_submit\",peer=\"esme7\"} 9",
                "smpp_queue_depth{peer=\"smsc \\\"quoted\\\"\",queue=\"sms_out\"} 12.0",
                "smpp_queue_capacity{peer=\"smsc \\\"quoted\\\"\",queue=\"sms_out\"} 10000.0",
                "smpp_gateway_queued_messages{smsc_id=\"smsc \\\"quoted\\\"\"} 12.0",
                "smpp_binds{bind_type=\"BIND_TX\",peer=\"smsc \\\"quoted\\\"\",side=\"gateway\",status=\"BOUND_TX\"} 1.0",
                "smpp_binds{bind_type=\"BIND_TRX\",peer=\"7\",side=\"client\",status=\"BOUND_TRX\"} 1.0",
                "smpp_connection_inflight{peer=\"smsc \\\"quoted\\\"\",side=\"gateway\"} 3.0",
                "# TYPE smpp_pdu_log_dropped_total counter",
                "smpp_pdu_log_dropped_total{reason=\"queue_full\"} 2.0",
                "smpp_pdu_log_dropped_total{reason=\"disk_refused\"} 40.0",
                "smpp_build_info{version=\"0.0.0-test\"} 1");
        for (String line : expected) {
            assertTrue(text.lines().anyMatch(line::equals), "missing line " + line + " in\n" + text);
        }
        for (String line : text.lines().toList()) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
                    || line.matches("[a-z_]+(\\{.*})? [-+0-9.eE]+|[a-z_]+(\\{.*})? \\+Inf"), "malformed: " + line);
        }
        assertEquals(1, text.lines().filter(line -> line.equals("# TYPE smpp_binds gauge")).count());
        assertFalse(text.contains("smpp_gateway_queue_count"), "the old name is gone");

        Map<String, Family> families = WellFormedExposition.check(text);
        Map<String, String> types = new TreeMap<>();
        families.values().forEach(family -> types.put(family.name(), family.type()));
        Map<String, String> ours = Map.ofEntries(Map.entry("smpp_gateway_messages_total", "COUNTER"),
                Map.entry("smpp_client_messages_total", "COUNTER"), Map.entry("smpp_dlr_status_total", "COUNTER"),
                Map.entry("smpp_latency_seconds", "HISTOGRAM"), Map.entry("smpp_queue_depth", "GAUGE"),
                Map.entry("smpp_queue_capacity", "GAUGE"), Map.entry("smpp_pdu_log_dropped_total", "COUNTER"),
                Map.entry("smpp_gateway_queued_messages", "GAUGE"), Map.entry("smpp_binds", "GAUGE"),
                Map.entry("smpp_connection_inflight", "GAUGE"), Map.entry("smpp_build_info", "GAUGE"));
        ours.forEach((name, type) -> assertEquals(type, types.get(name), name + " in " + types));
        assertTrue(types.keySet().stream().anyMatch(name -> name.startsWith("jvm_memory_")), types.toString());
        assertTrue(types.containsKey("process_cpu_seconds_total"), types.toString());
        assertEquals(5.0, PrometheusParser.sample(families, "smpp_gateway_messages_total",
                "smpp_gateway_messages_total", Map.of("smsc_id", "smsc \"quoted\"", "direction", "in"))
                .orElseThrow().value());
        assertEquals(95.0, PrometheusParser.sample(families, "smpp_latency_seconds", "smpp_latency_seconds_bucket",
                Map.of("operation", "submit_sm", "le", "0.1")).orElseThrow().value());
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        HttpResponse<String> response = Http.get(gateway.base + "/api/openapi.json");
        assertEquals(200, response.statusCode());
        JsonObject document = object(response);
        assertTrue(document.get("openapi").getAsString().startsWith("3."));
        JsonObject paths = document.getAsJsonObject("paths");
        for (Route route : gateway.server.routes()) {
            assertTrue(paths.has(route.path()), "no path " + route.path());
            assertTrue(paths.getAsJsonObject(route.path()).has(route.method().toLowerCase(Locale.ROOT)),
                    "no " + route.method() + " " + route.path());
        }
        int documented = paths.entrySet().stream().mapToInt(path -> (int) path.getValue().getAsJsonObject().keySet()
                .stream().filter(key -> !key.equals("parameters")).count()).sum();
        assertEquals(gateway.server.routes().size(), documented, "the document lists an endpoint that does not exist");
        // every $ref resolves
        JsonObject schemas = document.getAsJsonObject("components").getAsJsonObject("schemas");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)")
                .matcher(response.body());
        while (refs.find()) {
            assertTrue(schemas.has(refs.group(1)), "dangling $ref " + refs.group(1));
        }
    }

    @Test
    void unknownApiPathsAreJson404() {
        HttpResponse<String> missing = Http.get(gateway.base + "/api/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(JsonParser.parseString(missing.body()).getAsJsonObject().has("error"));
    }
}
