package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway stopped as SIGTERM stops it while 300 SMS_OUT are going through, and started again on
 * the same database, topics and SMSC: every message still ends with exactly one final DLR_IN, and
 * none is submitted to the SMSC twice, because a graceful stop lets the submits in flight get their
 * answers before the SMSC sessions unbind (see {@link GatewayDaemon}).
 */
class GatewayRestartTest {

    private static final int MESSAGES = 300;
    /** Stop once this many messages are reported sent: well into the flow, far from its end. */
    private static final int SENT_BEFORE_STOP = 10;
    private static final Pattern SUBMIT_TEXT = Pattern.compile("\"short_message\": \"([^\"]*)\"");

    @TempDir
    Path home;

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: run the tests through"
                    + " scripts/test.sh, or source .scratch/services.env");
        }
        return value;
    }

    @Test
    void aGracefulRestartMidFlowLosesNothingAndSendsNothingTwice() throws Exception {
        String[] nsqd = required("SMPP_TEST_NSQD_TCP").split(":");
        String prefix = "rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, String> environment = new HashMap<>();
        environment.put("MYSQL_HOST", required("SMPP_TEST_MYSQL_HOST"));
        environment.put("MYSQL_PORT", required("SMPP_TEST_MYSQL_PORT"));
        environment.put("MYSQL_DBNAME", "smpp_" + prefix);
        environment.put("MYSQL_USERNAME", required("SMPP_TEST_MYSQL_USER"));
        environment.put("MYSQL_PASSWORD", required("SMPP_TEST_MYSQL_PASSWORD"));
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            String name = prefix + "_" + topic.name().toLowerCase();
            environment.put("NSQ_" + topic + "_HOST", nsqd[0]);
            environment.put("NSQ_" + topic + "_PORT", nsqd[1]);
            environment.put("NSQ_" + topic + "_TOPIC", name);
            topics.put(topic, new NsqTopicConfig(nsqd[0], Integer.parseInt(nsqd[1]), name));
        }
        environment.put("SMPP_PORT", String.valueOf(GatewayDaemonTest.freePort()));
        environment.put("HTTP_PORT", String.valueOf(GatewayDaemonTest.freePort()));
        GatewaySettings read = new SettingsReader(home, environment, warning -> { }).read(null);
        GatewaySettings settings = read.withHttp(new GeneratedCredentials().complete(read.dataFolder(), read.http())
                .access());

        Map<String, List<String>> statuses = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        executeOnServer("CREATE DATABASE smpp_" + prefix + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        try (SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults()
                     .withResponseLatency(Duration.ofMillis(5))
                     .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)));
             NsqMessageBus application = new NsqMessageBus(NsqBusConfig.of(topics));
             NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(
                     List.of(new NsqAddress(nsqd[0], Integer.parseInt(nsqd[1]))))
                     .withBatching(MESSAGES, 4 * 1024 * 1024, Duration.ZERO))) {
            application.consume(Topic.DLR_IN, "app", delivery -> {
                JsonObject dlr = JsonParser.parseString(delivery.body()).getAsJsonObject();
                String status = dlr.get("status").getAsString();
                statuses.computeIfAbsent(dlr.get("msg_id").getAsString(), id -> new CopyOnWriteArrayList<>())
                        .add(status);
                if (status.equals("sent")) {
                    sent.incrementAndGet();
                }
                delivery.finish();
            });

            AtomicReference<GatewayDaemon> running = new AtomicReference<>(GatewayDaemon.start(settings));
            long submitsBeforeRestart;
            try {
                GatewayDaemon first = running.get();
                Gateway gateway = first.database().gateways().create(Gateway.builder().smscId(prefix)
                        .host("127.0.0.1").port(smsc.port()).username("gw").password("pw").enqInterval(30)
                        .srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1)
                        .smppVersion("3.4").gsm7(true).secure(false).enabled(true).build());
                first.engine().gatewaySaved(gateway).get(20, TimeUnit.SECONDS);
                GatewayDaemonTest.awaitTrue(() -> smsc.sessions().stream().anyMatch(s -> s.state().isBound()));

                List<byte[]> bodies = new ArrayList<>();
                for (int i = 0; i < MESSAGES; i++) {
                    bodies.add("""
                            {"smsc_id": "%s", "msg_id": "%s", "sender": "Bank", "receiver": "380991234567",
                             "message": "%s"}""".formatted(prefix, msgId(prefix, i), msgId(prefix, i))
                            .getBytes(StandardCharsets.UTF_8));
                }
                producer.publishBatch(topics.get(Topic.SMS_OUT).topic(), bodies).get(10, TimeUnit.SECONDS);
                GatewayDaemonTest.awaitTrue(() -> sent.get() >= SENT_BEFORE_STOP);

                assertTrue(first.stop(), "the first daemon did not stop cleanly within its budget");
                submitsBeforeRestart = smsc.counters().submitsReceived();
                running.set(GatewayDaemon.start(settings));
                await(() -> statuses.size() == MESSAGES && statuses.values().stream().allMatch(s -> finals(s) >= 1),
                        () -> "final DLR_IN for " + statuses.values().stream().filter(s -> finals(s) >= 1).count()
                                + " of " + MESSAGES + " messages; without one: " + withoutFinal(prefix, statuses)
                                + "; SMSC " + smsc.counters());
                assertTrue(running.get().stop(), "the second daemon did not stop cleanly within its budget");
            } finally {
                running.get().close();
            }

            assertTrue(submitsBeforeRestart < MESSAGES, "all " + MESSAGES
                    + " were submitted before the restart: the restart did not happen mid-flow");
            Map<String, Integer> submitsByText = submittedTexts(settings.clientLogs(), prefix);
            Map<String, List<String>> notOneFinal = new TreeMap<>();
            Map<String, Integer> sentTwice = new TreeMap<>();
            for (int i = 0; i < MESSAGES; i++) {
                String id = msgId(prefix, i);
                List<String> got = statuses.get(id);
                if (!got.stream().sorted().toList().equals(List.of("delivered", "sent"))) {
                    notOneFinal.put(id, got);
                }
                int submits = submitsByText.getOrDefault(id, 0);
                if (submits != 1) {
                    sentTwice.put(id, submits);
                }
            }
            System.out.printf("restart: %d submits before the restart, %d in all, %d submit_sm logged%n",
                    submitsBeforeRestart, smsc.counters().submitsReceived(),
                    submitsByText.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(Map.of(), notOneFinal, "msg_ids whose DLR_IN were not exactly one sent and one delivered");
            assertEquals(Map.of(), sentTwice, "msg_ids not submitted to the SMSC exactly once (count of submit_sm)");
            assertEquals(MESSAGES, smsc.counters().submitsReceived(), "submit_sm the SMSC received");
        } finally {
            executeOnServer("DROP DATABASE IF EXISTS smpp_" + prefix);
        }
    }

    private static String msgId(String prefix, int i) {
        return prefix + "-" + i;
    }

    private static List<String> withoutFinal(String prefix, Map<String, List<String>> statuses) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < MESSAGES && missing.size() < 10; i++) {
            List<String> got = statuses.get(msgId(prefix, i));
            if (got == null || finals(got) == 0) {
                missing.add(msgId(prefix, i) + " " + got);
            }
        }
        return missing;
    }

    private static long finals(List<String> statuses) {
        return statuses.stream().filter(s -> !s.equals("sent")).count();
    }

    /** How often each text was written to an SMSC in a submit_sm, from the SMSC-side PDU logs. */
    private static Map<String, Integer> submittedTexts(Path clientLogs, String smscId) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(clientLogs)) {
            files = walk.filter(p -> p.getFileName().toString().equals(smscId + ".log")).toList();
        }
        for (Path file : files) {
            // Entries start with a line "INFO[...]: >>>>> hex" (sent) or "<<<<<" (received), then the PDU name.
            for (String entry : Files.readString(file).split("(?m)^(?=INFO\\[)")) {
                if (entry.contains(">>>>>") && entry.contains("\nSUBMIT_SM:")) {
                    Matcher text = SUBMIT_TEXT.matcher(entry);
                    if (text.find()) {
                        counts.merge(text.group(1), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static void await(BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 120 s: " + state.get());
            }
            Thread.sleep(50);
        }
    }

    private static void executeOnServer(String sql) {
        String url = "jdbc:mysql://" + required("SMPP_TEST_MYSQL_HOST") + ":" + required("SMPP_TEST_MYSQL_PORT") + "/";
        try (Connection connection = DriverManager.getConnection(url, required("SMPP_TEST_MYSQL_USER"),
                required("SMPP_TEST_MYSQL_PASSWORD")); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test MariaDB: " + e.getMessage(), e);
        }
    }
}
