package io.smppgateway.runner.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.runner.config.BusChoice;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.runner.daemon.GatewayDaemon;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smpp app-load} as the application of a real daemon (embedded database, the test nsqd,
 * an SMSC simulator behind it): every SMS_OUT it publishes comes back sent, then final.
 */
class AppLoadCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int appLoad(String... args) {
        return AppLoadCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A final status from the SMSC's receipt (rejected included, which may arrive before its sent
     * event) is counted once, and its sent event once; a warm-up's messages are sent first and
     * are not in the report.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"DELIVERED, 0", "REJECTED, 0", "DELIVERED, 50"})
    void everyPublishedSmsOutComesBackSentThenFinal(FinalStatus outcome, int warmup) throws Exception {
        String nsqd = System.getenv("SMPP_TEST_NSQD_TCP");
        if (nsqd == null || nsqd.isBlank()) {
            throw new IllegalStateException("environment variable SMPP_TEST_NSQD_TCP is not set: run the tests"
                    + " through scripts/test.sh, or source .scratch/services.env");
        }
        String[] hostPort = nsqd.split(":");
        String prefix = "al" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = new HashMap<>();
        for (Topic topic : Topic.values()) {
            environment.put("NSQ_" + topic + "_HOST", hostPort[0]);
            environment.put("NSQ_" + topic + "_PORT", hostPort[1]);
            environment.put("NSQ_" + topic + "_TOPIC", prefix + "_" + topic.name().toLowerCase());
        }
        environment.put("SMPP_PORT", String.valueOf(freePort()));
        environment.put("HTTP_PORT", String.valueOf(freePort()));
        GatewaySettings settings = new SettingsReader(home, environment, warning -> { }).read(null);
        assertInstanceOf(BusChoice.Nsq.class, settings.bus());
        settings = settings.withHttp(new GeneratedCredentials().complete(settings.dataFolder(), settings.http()).access());

        try (SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults()
                     .withReceiptDelay(java.time.Duration.ZERO).withOutcomes(ReceiptOutcomes.always(outcome)));
             GatewayDaemon daemon = GatewayDaemon.start(settings)) {
            java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                                    + daemon.httpServer().port() + "/api/gateways"))
                            .header("X-API-Key", daemon.settings().http().apiToken())
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(("{\"smsc_id\": \"sim\","
                                    + " \"host\": \"127.0.0.1\", \"port\": %d, \"username\": \"gw\","
                                    + " \"password\": \"pw\", \"enq_interval\": 30, \"src_autodetect\": true,"
                                    + " \"dst_autodetect\": true, \"tx_binds\": 0, \"rx_binds\": 0, \"trx_binds\": 2,"
                                    + " \"smpp_version\": \"3.4\", \"is_gsm7\": true, \"is_secure\": false,"
                                    + " \"enabled\": true}").formatted(smsc.port()))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());

            int exit = appLoad("--smsc-id", "sim", "--nsqd", nsqd, "--count", "200", "--warmup", String.valueOf(warmup),
                    "--sms-out-topic", prefix + "_sms_out", "--dlr-in-topic", prefix + "_dlr_in", "--timeout", "60");

            String out = stdout.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, stderr.toString(StandardCharsets.UTF_8) + out);
            assertTrue(out.contains("DLR_IN sent: 200, final: 200 in "), out);
            assertTrue(out.contains("statuses: {" + outcome.value() + "=200, sent=200}"), out);
            assertTrue(out.contains("repeated events: 0"), out);
            assertEquals(warmup > 0, out.contains("warming up with " + warmup + " SMS_OUT (not measured)"), out);
            assertTrue(!out.contains("warning"), out);
            assertEquals(200 + warmup, smsc.counters().submitsReceived());
        }
    }

    @Test
    void aMissingSmscIdIsAUsageError() {
        assertEquals(2, appLoad("--count", "10"));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith(
                "smpp app-load: Missing required option: '--smsc-id=ID'\n"), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutTopicsInTheGatewaysSettingsItSaysSoAndExits2() {
        int exit = AppLoadCommand.run(new String[] {"--smsc-id", "sim"}, new PrintStream(stdout, true,
                StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8), home, Map.of());

        assertEquals(2, exit);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(err.startsWith("smpp app-load: no SMS_OUT/DLR_IN topic: the gateway's settings (no "
                + home.resolve("smpp.conf") + ", environment and defaults) name no NSQ topic, so the gateway runs on"
                + " its in-process bus and consumes nothing from nsqd. Set NSQ_SMS_OUT_TOPIC and NSQ_DLR_IN_TOPIC"
                + " in smpp.conf"), err);
    }

    /**
     * With nothing consuming its topic, app-load publishes its first SMS_OUT only, says every 10 s
     * that nothing answers, and gives up after --timeout saying where the message was left.
     */
    @Test
    void whenNothingConsumesTheTopicOnlyTheFirstIsPublishedAndItSaysSo() throws Exception {
        String nsqd = io.smppgateway.runner.e2e.TestServices.nsqdTcp();
        String topic = "alq" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = Map.of("NSQ_HOST", nsqd.split(":")[0], "NSQ_PORT", nsqd.split(":")[1],
                "NSQ_SMS_OUT_TOPIC", topic + "_sms_out", "NSQ_DLR_IN_TOPIC", topic + "_dlr_in",
                "NSQ_SMS_IN_TOPIC", topic + "_sms_in", "NSQ_DLR_OUT_TOPIC", topic + "_dlr_out");
        try {
            int exit = AppLoadCommand.run(new String[] {"--smsc-id", "sim", "--count", "500", "--timeout", "11"},
                    new PrintStream(stdout, true, StandardCharsets.UTF_8),
                    new PrintStream(stderr, true, StandardCharsets.UTF_8), home, environment);

            assertEquals(1, exit);
            String err = stderr.toString(StandardCharsets.UTF_8);
            assertTrue(err.contains("smpp app-load: nothing has answered the first SMS_OUT in 10 s: it waits in topic '"
                    + topic + "_sms_out' on nsqd " + nsqd), err);
            assertTrue(err.contains("smpp app-load: nothing answered the first SMS_OUT within 11 s: it is left in"
                    + " topic '" + topic + "_sms_out' on nsqd " + nsqd + ", unconsumed; no other was published"), err);
            assertTrue(stdout.toString(StandardCharsets.UTF_8).startsWith("publishing SMS_OUT for sim to topic '"
                    + topic + "_sms_out' on " + nsqd), stdout.toString(StandardCharsets.UTF_8));
            java.net.http.HttpResponse<String> stats = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://"
                            + io.smppgateway.runner.e2e.TestServices.nsqdHttp() + "/stats?format=json&topic="
                            + topic + "_sms_out")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(stats.body().contains("\"message_count\":1,"), stats.body());
        } finally {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://" + io.smppgateway.runner.e2e.TestServices.nsqdHttp() + "/topic/delete?topic=" + topic
                            + "_sms_out")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }
}
