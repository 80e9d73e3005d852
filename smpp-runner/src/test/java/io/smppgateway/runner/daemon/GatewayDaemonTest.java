package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.http.metrics.PrometheusParser;
import io.smppgateway.http.metrics.PrometheusParser.Family;
import io.smppgateway.http.metrics.PrometheusParser.Sample;
import io.smppgateway.http.metrics.WellFormedExposition;
import io.smppgateway.runner.ProjectVersion;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in-process on free ports with the embedded defaults: an ESME binds to it and submits,
 * an SMSC simulator takes what the application sends, and the daemon stops by unbinding both.
 */
class GatewayDaemonTest {

    @TempDir
    Path home;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector connector = new SmppConnector();
    private GatewayDaemon daemon;

    @BeforeEach
    void start() throws IOException {
        Map<String, String> environment = Map.of("SMPP_PORT", String.valueOf(freePort()),
                "HTTP_PORT", String.valueOf(freePort()));
        GatewaySettings settings = new SettingsReader(home, environment, warning -> { }).read(null);
        settings = settings.withHttp(new GeneratedCredentials().complete(settings.dataFolder(), settings.http()).access());
        daemon = GatewayDaemon.start(settings);
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        daemon.stop();
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private ChannelSession bind(String username, String password) throws Exception {
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, username, password, "", InterfaceVersion.SMPP_3_4,
                Address.EMPTY);
        return connector.connectAndBind("127.0.0.1", daemon.smppServer().port(), null, Duration.ofSeconds(5),
                SessionConfig.defaults(), bind, (session, request) -> null, PduListener.NONE).get(20, TimeUnit.SECONDS);
    }

    private BlockingQueue<JsonObject> consume(Topic topic) {
        BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        toClose.add(daemon.bus().consume(topic, "test", delivery -> {
            received.add(JsonParser.parseString(delivery.body()).getAsJsonObject());
            delivery.finish();
        }));
        return received;
    }

    @Test
    void startsOnTheEmbeddedDefaultsInTheLaunchersFolder() {
        assertTrue(daemon.settings().embeddedDefaults());
        assertTrue(Files.isRegularFile(home.resolve("data/smpp.mv.db")));
        assertTrue(Files.isDirectory(home.resolve("logs/server")));
        assertTrue(Files.isDirectory(home.resolve("logs/client")));
        assertTrue(Files.isRegularFile(home.resolve("data/generated-credentials.conf")));
    }

    @Test
    void anEsmeOfTheClientsTableGetsAMessageIdAndTheMessageIsOnSmsIn() throws Exception {
        Client client = daemon.database().clients().create(Client.builder().username("esme1").password("pw")
                .binds(2).enabled(true).build());
        BlockingQueue<JsonObject> smsIn = consume(Topic.SMS_IN);

        ChannelSession esme = bind("esme1", "pw");
        SubmitSmResp response = esme.send(SubmitSm.builder().source(5, 0, "MySender").destination(1, 1, "380991234567")
                .registeredDelivery(1).shortMessage("Have a nice day!".getBytes(StandardCharsets.ISO_8859_1)).build())
                .get(20, TimeUnit.SECONDS);

        assertEquals(0, response.commandStatus());
        JsonObject event = smsIn.poll(20, TimeUnit.SECONDS);
        assertEquals(response.messageId(), event.get("msg_id").getAsString());
        assertEquals(client.id(), event.get("client_id").getAsLong());
        assertEquals("Have a nice day!", event.get("message").getAsString());
        assertEquals("380991234567", event.get("receiver").getAsString());

        Path log = home.resolve("logs/server").resolve(LocalDate.now().toString()).resolve(client.id() + ".log");
        awaitTrue(() -> Files.exists(log) && read(log).contains("SUBMIT_SM_RESP:"));
        assertTrue(read(log).contains("\"message_id\": \"" + response.messageId() + "\""));
    }

    @Test
    void aWrongPasswordIsRefused() {
        daemon.database().clients().create(Client.builder().username("esme1").password("pw").binds(2).enabled(true)
                .build());

        assertBindRefused(CommandStatus.ESME_RINVPASWD, () -> bind("esme1", "nope"));
    }

    @Test
    void smsOutGoesThroughTheGatewayNamedBySmscIdAndDlrInSaysSentThenDelivered() throws Exception {
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults()
                .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)).withReceiptDelay(Duration.ofMillis(50)));
        toClose.add(smsc);
        Gateway gateway = daemon.database().gateways().create(Gateway.builder().smscId("sim").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true).secure(false)
                .enabled(true).build());
        daemon.engine().gatewaySaved(gateway);
        BlockingQueue<JsonObject> dlrIn = consume(Topic.DLR_IN);
        awaitTrue(() -> smsc.sessions().size() == 1 && smsc.sessions().get(0).state().isBound());

        daemon.bus().publish(Topic.SMS_OUT, """
                {"smsc_id": "sim", "msg_id": "m-1", "sender": "MySender", "receiver": "380991234567",
                 "message": "Hello"}""").get(10, TimeUnit.SECONDS);

        // The simulator's receipt follows its submit_sm_resp by 50 ms: sent and delivered may come in
        // either order (docs/message-flows.md), each exactly once.
        Map<String, JsonObject> byStatus = new java.util.TreeMap<>();
        for (int i = 0; i < 2; i++) {
            JsonObject event = dlrIn.poll(30, TimeUnit.SECONDS);
            assertTrue(event != null, "two DLR_IN events, got " + byStatus.values());
            assertEquals("m-1", event.get("msg_id").getAsString());
            assertEquals(null, byStatus.put(event.get("status").getAsString(), event), "repeated: " + event);
        }
        assertEquals(List.of("delivered", "sent"), List.copyOf(byStatus.keySet()));
        assertEquals(byStatus.get("sent").get("gateway_msg_id"), byStatus.get("delivered").get("gateway_msg_id"));
        Path log = home.resolve("logs/client").resolve(LocalDate.now().toString()).resolve("sim.log");
        awaitTrue(() -> Files.exists(log) && read(log).contains("DELIVER_SM_RESP:"));
    }

    @Test
    void aTestSmsPostedToTheRestApiGoesOutThroughSmsOutAndItsTimelineShowsTheDlrInEvents() throws Exception {
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults()
                .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)).withReceiptDelay(Duration.ofMillis(50)));
        toClose.add(smsc);
        Gateway gateway = daemon.database().gateways().create(Gateway.builder().smscId("sim").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true).secure(false)
                .enabled(true).build());
        daemon.engine().gatewaySaved(gateway);
        BlockingQueue<JsonObject> dlrIn = consume(Topic.DLR_IN);
        awaitTrue(() -> smsc.sessions().size() == 1 && smsc.sessions().get(0).state().isBound());

        HttpResponse<String> sent = api("POST", "/api/messages", """
                {"smsc_id": "sim", "sender": "MySender", "receiver": "380991234567", "message": "Hello"}""");

        assertEquals(202, sent.statusCode(), sent.body());
        String msgId = JsonParser.parseString(sent.body()).getAsJsonObject().get("msg_id").getAsString();
        awaitTrue(() -> smsc.counters().submitsReceived() == 1);
        // the application reading DLR_IN gets the usual events
        Map<String, JsonObject> byStatus = new java.util.TreeMap<>();
        for (int i = 0; i < 2; i++) {
            JsonObject event = dlrIn.poll(30, TimeUnit.SECONDS);
            assertTrue(event != null, "two DLR_IN events, got " + byStatus.values());
            assertEquals(msgId, event.get("msg_id").getAsString());
            byStatus.put(event.get("status").getAsString(), event);
        }
        assertEquals(List.of("delivered", "sent"), List.copyOf(byStatus.keySet()));
        String gatewayMsgId = byStatus.get("sent").get("gateway_msg_id").getAsString();
        // and the API's timeline shows them, the stored steps and the PDU log entries
        awaitTrue(() -> timelineOf(msgId).getAsJsonArray("dlr_in").size() == 2
                && timelineOf(msgId).getAsJsonArray("segments").get(0).getAsJsonObject().get("status")
                .getAsString().equals("delivered"));
        JsonObject timeline = timelineOf(msgId);
        List<String> events = new ArrayList<>();
        timeline.getAsJsonArray("timeline").forEach(e -> events.add(e.getAsJsonObject().get("event").getAsString()));
        assertEquals("published", events.get(0), events.toString());
        assertTrue(events.containsAll(List.of("accepted", "submitted", "sent", "delivered")), events.toString());
        Path log = home.resolve("logs/client").resolve(LocalDate.now().toString()).resolve("sim.log");
        awaitTrue(() -> Files.exists(log) && read(log).contains("DELIVER_SM_RESP:"));
        awaitTrue(() -> timelineOf(msgId).getAsJsonObject("pdu_log").getAsJsonArray("entries").toString()
                .contains("DELIVER_SM"));
        JsonObject byGatewayId = JsonParser.parseString(api("GET", "/api/messages?smsc_id=sim&gateway_msg_id="
                + java.net.URLEncoder.encode(gatewayMsgId, StandardCharsets.UTF_8), null).body()).getAsJsonArray()
                .get(0).getAsJsonObject();
        assertEquals(msgId, byGatewayId.get("msg_id").getAsString());

        HttpResponse<String> invalid = api("POST", "/api/messages", """
                {"smsc_id": "sim", "receiver": "not a number", "message": "Hello"}""");
        assertEquals(400, invalid.statusCode(), invalid.body());
        JsonObject fields = JsonParser.parseString(invalid.body()).getAsJsonObject().getAsJsonObject("fields");
        assertTrue(fields.has("sender") && fields.has("receiver"), invalid.body());
        assertEquals(1, smsc.counters().submitsReceived(), "nothing more was published");
        assertEquals(404, api("GET", "/api/messages/no-such-message", null).statusCode());
    }

    @Test
    void theRestApiServesTheDaemonsOwnRecentLogWithIsoTimes() throws Exception {
        HttpResponse<String> answer = api("GET", "/api/logs/daemon?lines=1000", null);

        assertEquals(200, answer.statusCode(), answer.body());
        List<String> lines = new ArrayList<>();
        JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("lines")
                .forEach(line -> lines.add(line.getAsString()));
        assertTrue(lines.stream().anyMatch(line -> line.contains("HTTP API and admin panel listening")), lines.toString());
        for (String line : lines) {
            assertTrue(line.matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\[.*"), line);
        }
    }

    private JsonObject timelineOf(String msgId) {
        try {
            HttpResponse<String> answer = api("GET", "/api/messages/" + msgId, null);
            assertEquals(200, answer.statusCode(), answer.body());
            return JsonParser.parseString(answer.body()).getAsJsonObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + daemon.httpServer().port() + path))
                .header("X-API-Key", daemon.settings().http().apiToken()).timeout(Duration.ofSeconds(30));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsCountDlrStatusesAndTimeSubmitsOnBothSides() throws Exception {
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults()
                .withOutcomes(ReceiptOutcomes.always(FinalStatus.UNDELIVERED)).withReceiptDelay(Duration.ofMillis(50)));
        toClose.add(smsc);
        Gateway gateway = daemon.database().gateways().create(Gateway.builder().smscId("sim").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true).secure(false)
                .enabled(true).build());
        daemon.engine().gatewaySaved(gateway);
        Client client = daemon.database().clients().create(Client.builder().username("esme1").password("pw").binds(2)
                .enabled(true).build());
        BlockingQueue<JsonObject> dlrIn = consume(Topic.DLR_IN);
        awaitTrue(() -> smsc.sessions().size() == 1 && smsc.sessions().get(0).state().isBound());

        ChannelSession esme = bind("esme1", "pw");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, esme.send(SubmitSm.builder().source(5, 0, "MySender").destination(1, 1, "380991234567")
                    .shortMessage("Hi".getBytes(StandardCharsets.ISO_8859_1)).build()).get(20, TimeUnit.SECONDS)
                    .commandStatus());
        }
        for (String target : List.of("sim:m-1", "sim:m-2", "nowhere:m-3")) {
            String[] parts = target.split(":");
            daemon.bus().publish(Topic.SMS_OUT, """
                    {"smsc_id": "%s", "msg_id": "%s", "sender": "MySender", "receiver": "380991234567",
                     "message": "Hello"}""".formatted(parts[0], parts[1])).get(10, TimeUnit.SECONDS);
        }
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonObject event = dlrIn.poll(30, TimeUnit.SECONDS);
            assertTrue(event != null, "DLR_IN events so far: " + statuses);
            statuses.add(event.get("status").getAsString());
        }

        awaitTrue(() -> value(metrics(), "smpp_dlr_status_total", "smpp_dlr_status_total",
                Map.of("smsc_id", "sim", "status", "undelivered")) == 2);
        // the receipts are answered once their final status is stored, after their DLR_IN
        awaitTrue(() -> value(metrics(), "smpp_latency_seconds", "smpp_latency_seconds_count",
                Map.of("operation", "smsc_receipt", "peer", "sim")) == 2);
        Map<String, Family> metrics = metrics();
        assertEquals(2, value(metrics, "smpp_dlr_status_total", "smpp_dlr_status_total",
                Map.of("smsc_id", "sim", "status", "sent")));
        assertEquals(1, value(metrics, "smpp_dlr_status_total", "smpp_dlr_status_total",
                Map.of("smsc_id", "nowhere", "status", "rejected")));
        assertEquals(3, value(metrics, "smpp_latency_seconds", "smpp_latency_seconds_count",
                Map.of("operation", "esme_submit", "peer", "esme1")));
        assertEquals(2, value(metrics, "smpp_latency_seconds", "smpp_latency_seconds_count",
                Map.of("operation", "smsc_submit", "peer", "sim")));
        assertEquals(3, value(metrics, "smpp_latency_seconds", "smpp_latency_seconds_bucket",
                Map.of("operation", "esme_submit", "peer", "esme1", "le", "+Inf")));
        // the same bounds as ever, written as Prometheus writes them
        List<String> bounds = metrics.get("smpp_latency_seconds").samples().stream()
                .filter(sample -> sample.name().endsWith("_bucket")
                        && sample.labels().equals(Map.of("operation", "esme_submit", "peer", "esme1",
                        "le", sample.labels().get("le"))))
                .map(sample -> sample.labels().get("le")).toList();
        assertEquals(List.of("0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1",
                "2.5", "5", "10", "30", "+Inf"), bounds);
        // an ESME by its username, with its id beside it
        assertEquals(3, value(metrics, "smpp_client_messages_total", "smpp_client_messages_total",
                Map.of("username", "esme1", "client_id", Long.toString(client.id()), "direction", "in")));
        assertEquals(1, value(metrics, "smpp_binds", "smpp_binds",
                Map.of("side", "client", "peer", "esme1", "bind_type", "BIND_TRX", "status", "BOUND_TRX")));
        assertEquals(2, value(metrics, "smpp_gateway_messages_total", "smpp_gateway_messages_total",
                Map.of("smsc_id", "sim", "direction", "out")));
        assertEquals(0, value(metrics, "smpp_gateway_queued_messages", "smpp_gateway_queued_messages",
                Map.of("smsc_id", "sim")));
        // every bounded queue with its real bound
        for (String queue : List.of("gateway_submits", "pdu_log", "database_writes")) {
            Family capacities = metrics.get("smpp_queue_capacity");
            assertTrue(capacities.samples().stream().anyMatch(sample -> sample.labels().get("queue").equals(queue)
                    && sample.value() > 0), queue + " in " + capacities);
        }
        assertEquals(1, value(metrics, "smpp_build_info", "smpp_build_info",
                Map.of("version", ProjectVersion.version())));
        for (String family : List.of("jvm_memory_used_bytes", "jvm_threads_current", "jvm_gc_collection_seconds",
                "process_cpu_seconds_total", "process_start_time_seconds")) {
            assertTrue(metrics.containsKey(family), family + " in " + metrics.keySet());
        }
    }

    @Test
    void trafficHistoryHoldsWhatPassedBeforeItWasAskedFor() throws Exception {
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults()
                .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)).withReceiptDelay(Duration.ofMillis(20)));
        toClose.add(smsc);
        Gateway gateway = daemon.database().gateways().create(Gateway.builder().smscId("sim").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true).secure(false)
                .enabled(true).build());
        daemon.engine().gatewaySaved(gateway);
        daemon.database().clients().create(Client.builder().username("esme1").password("pw").binds(1).enabled(true)
                .build());
        BlockingQueue<JsonObject> dlrIn = consume(Topic.DLR_IN);
        awaitTrue(() -> smsc.sessions().size() == 1 && smsc.sessions().get(0).state().isBound());
        long started = System.currentTimeMillis();
        ChannelSession esme = bind("esme1", "pw");
        for (int i = 0; i < 4; i++) {
            assertEquals(0, esme.send(SubmitSm.builder().source(5, 0, "MySender").destination(1, 1, "380991234567")
                    .shortMessage("Hi".getBytes(StandardCharsets.ISO_8859_1)).build()).get(20, TimeUnit.SECONDS)
                    .commandStatus());
        }
        for (int i = 1; i <= 3; i++) {
            daemon.bus().publish(Topic.SMS_OUT, """
                    {"smsc_id": "sim", "msg_id": "m-%d", "sender": "MySender", "receiver": "380991234567",
                     "message": "Hello"}""".formatted(i)).get(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 6; i++) {
            assertTrue(dlrIn.poll(30, TimeUnit.SECONDS) != null, "sent and delivered for each of the three");
        }

        // sampled every 10 s: wait for the sample that holds it all
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonObject traffic;
        do {
            Thread.sleep(500);
            traffic = JsonParser.parseString(api("GET", "/api/traffic?since=" + (started - 60_000), null).body())
                    .getAsJsonObject();
        } while (System.nanoTime() < deadline && !(sum(traffic, "dlr_statuses", "status", "delivered", "counts") == 3
                && sum(traffic, "clients", "username", "esme1", "submitted") == 4
                && sum(traffic, "gateways", "smsc_id", "sim", "received") == 3));
        assertEquals(4, sum(traffic, "clients", "username", "esme1", "submitted"), traffic.toString());
        assertEquals(3, sum(traffic, "gateways", "smsc_id", "sim", "submitted"), traffic.toString());
        assertEquals(3, sum(traffic, "gateways", "smsc_id", "sim", "received"), "the receipts: " + traffic);
        assertEquals(3, sum(traffic, "dlr_statuses", "status", "sent", "counts"), traffic.toString());
        assertEquals(3, sum(traffic, "dlr_statuses", "status", "delivered", "counts"), traffic.toString());
        long in = 0;
        for (var count : traffic.getAsJsonArray("messages_in")) {
            in += count.getAsLong();
        }
        assertEquals(4 + 3, in, "the ESME's submits and the SMSC's receipts");
        assertEquals(daemon.engine().instanceId(), traffic.get("instance").getAsString());
        assertEquals(10, traffic.get("step").getAsInt());
        int points = traffic.get("points").getAsInt();
        assertTrue(points >= 1 && points <= 20, traffic.toString());
        JsonObject esmeLatency = null;
        for (var latency : traffic.getAsJsonArray("latency")) {
            if (latency.getAsJsonObject().get("operation").getAsString().equals("esme_submit")) {
                esmeLatency = latency.getAsJsonObject();
            }
        }
        assertTrue(esmeLatency != null, traffic.toString());
        boolean timed = false;
        for (var p99 : esmeLatency.getAsJsonArray("p99")) {
            timed |= !p99.isJsonNull() && p99.getAsDouble() > 0;
        }
        assertTrue(timed, "the ESME's submits are timed: " + esmeLatency);
        assertEquals(points, esmeLatency.getAsJsonArray("p50").size());
    }

    /** The sum of the series {@code field} of the member of {@code list} whose {@code nameField} is {@code name}. */
    private static long sum(JsonObject traffic, String list, String nameField, String name, String field) {
        long sum = 0;
        for (var member : traffic.getAsJsonArray(list)) {
            JsonObject peer = member.getAsJsonObject();
            if (peer.get(nameField).getAsString().equals(name)) {
                for (var count : peer.getAsJsonArray(field)) {
                    sum += count.getAsLong();
                }
            }
        }
        return sum;
    }

    @Test
    void aGatewayBindThatIsRefusedSaysWhyInTheListAndTheHealth() throws Exception {
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults().withCredentials(Map.of("gw", "right")));
        toClose.add(smsc);
        Gateway gateway = daemon.database().gateways().create(Gateway.builder().smscId("refusing").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("wrong").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(1).rxBinds(0).trxBinds(0).smppVersion("3.4").gsm7(true).secure(false)
                .enabled(true).build());
        daemon.engine().gatewaySaved(gateway);
        awaitTrue(() -> smsc.counters().bindsRefused() >= 1);

        JsonObject[] bind = new JsonObject[1];
        awaitTrue(() -> {
            try {
                bind[0] = JsonParser.parseString(api("GET", "/api/gateways/" + gateway.id(), null).body())
                        .getAsJsonObject().getAsJsonObject("connections").getAsJsonArray("BIND_TX").get(0)
                        .getAsJsonObject();
                return bind[0].get("status").getAsString().equals("CLOSED") && bind[0].get("nextAttempt").getAsLong() > 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("bind refused: ESME_RINVPASWD", bind[0].get("lastError").getAsString());
        assertTrue(bind[0].get("nextAttempt").getAsLong() >= System.currentTimeMillis() / 1000 - 60, bind[0].toString());

        JsonObject check = null;
        for (var each : JsonParser.parseString(api("GET", "/api/health", null).body()).getAsJsonObject()
                .getAsJsonArray("checks")) {
            if (each.getAsJsonObject().get("name").getAsString().equals("gateway refusing")) {
                check = each.getAsJsonObject();
            }
        }
        assertTrue(check != null);
        assertEquals("down", check.get("status").getAsString());
        assertTrue(check.get("detail").getAsString().contains("bind refused: ESME_RINVPASWD"), check.toString());
    }

    @Test
    void metricsAddressServesMetricsWithoutTheToken() throws Exception {
        daemon.stop();
        int metricsPort = freePort();
        Map<String, String> environment = Map.of("SMPP_PORT", String.valueOf(freePort()),
                "HTTP_PORT", String.valueOf(freePort()), "SMPP_METRICS_ADDRESS", "127.0.0.1:" + metricsPort);
        GatewaySettings settings = new SettingsReader(home, environment, warning -> { }).read(null);
        settings = settings.withHttp(new GeneratedCredentials().complete(settings.dataFolder(), settings.http()).access());
        daemon = GatewayDaemon.start(settings);

        HttpResponse<String> open = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, open.statusCode(), open.body());
        Map<String, Family> families = WellFormedExposition.check(open.body());
        assertEquals(1, value(families, "smpp_build_info", "smpp_build_info",
                Map.of("version", ProjectVersion.version())));
        HttpResponse<String> withoutToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + daemon.settings().http().port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, withoutToken.statusCode());
    }

    /** The scrape, checked with Prometheus's parser. */
    private Map<String, Family> metrics() {
        try {
            HttpResponse<String> response = api("GET", "/metrics", null);
            assertEquals(200, response.statusCode(), response.body());
            return WellFormedExposition.check(response.body());
        } catch (Exception e) {
            throw new AssertionError("GET /metrics failed", e);
        }
    }

    /** The value of the sample with these labels (and maybe more), or -1 when there is none. */
    private static double value(Map<String, Family> families, String family, String sample,
                                Map<String, String> labels) {
        return PrometheusParser.sample(families, family, sample, labels).map(Sample::value).orElse(-1.0);
    }

    @Test
    void clientsAndGatewaysSavedThroughTheRestApiTakeEffectAtOnce() throws Exception {
        HttpResponse<String> created = api("POST", "/api/clients", """
                {"username": "esme2", "password": "pw2", "allow_ip": "", "throughput": 0, "binds": 2,
                 "enabled": true}""");
        assertEquals(201, created.statusCode(), created.body());
        long clientId = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsLong();
        ChannelSession esme = bind("esme2", "pw2");

        JsonObject clients = JsonParser.parseString(api("GET", "/api/clients", null).body()).getAsJsonObject();
        JsonObject connection = clients.getAsJsonObject("connections").getAsJsonArray("BIND_TRX").get(0)
                .getAsJsonObject();
        assertEquals("127.0.0.1:" + esme.localAddress().getPort(), connection.get("remoteAddr").getAsString(),
                connection.toString());
        assertEquals("BOUND_TRX", connection.get("status").getAsString());

        HttpResponse<String> disabled = api("PUT", "/api/clients/" + clientId, """
                {"id": %d, "username": "esme2", "password": "pw2", "allow_ip": "", "throughput": 0, "binds": 2,
                 "enabled": false}""".formatted(clientId));
        assertEquals(200, disabled.statusCode(), disabled.body());
        esme.closeFuture().get(20, TimeUnit.SECONDS);
        assertBindRefused(CommandStatus.ESME_RBINDFAIL, () -> bind("esme2", "pw2"));

        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults());
        toClose.add(smsc);
        HttpResponse<String> gateway = api("POST", "/api/gateways", """
                {"smsc_id": "sim2", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                 "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true, "tx_binds": 1, "rx_binds": 0,
                 "trx_binds": 1, "smpp_version": "3.4", "is_gsm7": true, "is_secure": false, "enabled": true}"""
                .formatted(smsc.port()));
        assertEquals(201, gateway.statusCode(), gateway.body());
        assertEquals("bind", JsonParser.parseString(gateway.body()).getAsJsonObject().getAsJsonObject("live")
                .get("action").getAsString(), gateway.body());
        awaitTrue(() -> smsc.sessions().size() == 2 && smsc.sessions().stream().allMatch(s -> s.state().isBound()));
        JsonObject gateways = JsonParser.parseString(api("GET", "/api/gateways", null).body()).getAsJsonObject();
        assertEquals(1, gateways.getAsJsonObject("connections").getAsJsonArray("BIND_TX").size(), gateways.toString());
        assertEquals(1, gateways.getAsJsonObject("connections").getAsJsonArray("BIND_TRX").size(), gateways.toString());
        assertEquals(200, api("GET", "/api/health", null).statusCode());
    }

    @Test
    void stoppingUnbindsEveryEsmeAndSmsc() throws Exception {
        daemon.database().clients().create(Client.builder().username("esme1").password("pw").binds(2).enabled(true)
                .build());
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults());
        toClose.add(smsc);
        daemon.engine().gatewaySaved(daemon.database().gateways().create(Gateway.builder().smscId("sim").host("127.0.0.1")
                .port(smsc.port()).username("gw").password("pw").enqInterval(30).srcAutodetect(true)
                .dstAutodetect(true).txBinds(1).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true).secure(false)
                .enabled(true).build()));
        ChannelSession esme = bind("esme1", "pw");
        awaitTrue(() -> smsc.sessions().size() == 2 && smsc.sessions().stream().allMatch(s -> s.state().isBound()));

        assertTrue(daemon.stop());

        assertTrue(esme.closeFuture().isDone());
        awaitTrue(() -> smsc.sessions().isEmpty());
        assertTrue(read(home.resolve("logs/server").resolve(LocalDate.now().toString()).resolve("1.log"))
                .contains("UNBIND_RESP:"));
    }

    interface Binding {
        void run() throws Exception;
    }

    /** The bind is answered with this status; a timeout or any other failure fails the test. */
    private static void assertBindRefused(CommandStatus expected, Binding bind) {
        java.util.concurrent.ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, bind::run);
        BindRefusedException refused = org.junit.jupiter.api.Assertions.assertInstanceOf(BindRefusedException.class,
                failure.getCause());
        assertEquals(expected.value(), refused.commandStatus(), refused.getMessage());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
