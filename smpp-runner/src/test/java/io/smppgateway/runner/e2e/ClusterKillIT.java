package io.smppgateway.runner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway processes (the packaged jar) as one cluster, on one MariaDB database and the same NSQ
 * topics, one of them killed with SIGKILL under load in both directions: SMS_OUT published by the
 * application towards a cloudhopper SMSC both instances bind, and submit_sm from a jsmpp ESME bound
 * to each instance. The survivor must take over everything the killed one held:
 * <ul>
 *   <li>every acknowledged SMS_OUT gets its {@code sent} and its final DLR_IN (the SMSC sends a
 *       receipt for each), the SMS_OUT the killed instance held (by nsqd's count) within
 *       {@value #HANDOVER_BOUND_SECONDS} s of the kill: nsqd's own msg_timeout is 60 s, the gateway
 *       asks for 10 s;</li>
 *   <li>the SMSC gets each message once, twice only as a kill -9 of a single instance may cost
 *       ({@link KillAccount}, the same bound as {@code GatewayCrashIT});</li>
 *   <li>every submit_sm answered OK is on SMS_IN; the ESME bound to the killed instance binds to
 *       the survivor and goes on submitting there;</li>
 *   <li>the survivor ends up holding every bind of the gateway (it held them all already when each
 *       instance opens every bind; it opens the killed one's share when the instances deal them
 *       out), and its REST API shows it alone.</li>
 * </ul>
 * It prints the measured figures ({@code cluster kill:} lines).
 */
@Tag("jar")
class ClusterKillIT {

    private static final String SMSC_ID = "cluster-smsc";
    private static final String CHANNEL = "smpp-gateway";
    /** The gateway's trx_binds: what its SMSC sees, from every instance or dealt out over them. */
    private static final int BINDS = 2;
    /** The SMS_OUT one instance's consumer holds at once (NSQ_MAX_IN_FLIGHT's default). */
    private static final int MAX_IN_FLIGHT = 200;
    /** About 80 SMS_OUT a second. */
    private static final long SMS_OUT_PACE_MILLIS = 12;
    /** About 40 submit_sm a second from each ESME (less: each waits for its answer). */
    private static final long ESME_PACE_MILLIS = 25;
    /** The load keeps going on the survivor this long after the kill. */
    private static final long LOAD_AFTER_KILL_SECONDS = 20;
    /** What the SMS_OUT the killed instance held may take to be finished by the survivor. */
    private static final long HANDOVER_BOUND_SECONDS = 30;
    /** A message whose `sent` came later than this after the kill was not the survivor's own at the kill. */
    private static final long SURVIVORS_OWN_MILLIS = 3_000;

    // what both instances share, set up once by the test
    private PrivateNsqd nsqd;
    private PrivateGatewayConf confOfA;
    private PrivateGatewayConf confOfB;
    private CloudhopperSmsc smsc;
    private DlrInRecorder dlrIn;
    private NsqApplication application;
    private long began;

    @Test
    void anInstanceKilledUnderLoadLosesNothingAcknowledgedAndTheOtherTakesOverItsWork(
            @TempDir Path homeOfA, @TempDir Path homeOfB, @TempDir Path nsqdData) throws Exception {
        // nsqd with its own default msg_timeout: what the killed instance held comes back sooner only
        // because the gateway asks for less in IDENTIFY
        try (PrivateNsqd privateNsqd = PrivateNsqd.start(nsqdData, Duration.ofSeconds(60))) {
            nsqd = privateNsqd;
            confOfA = PrivateGatewayConf.create("ck", "127.0.0.1", nsqd.tcpPort());
            confOfB = confOfA.anotherInstance();
            TestServices.createDatabase(confOfA.database());
            try {
                run(homeOfA, homeOfB);
            } finally {
                TestServices.dropDatabase(confOfA.database());
                keepConsoles(homeOfA, homeOfB);
            }
        }
    }

    private void run(Path homeOfA, Path homeOfB) throws Exception {
        confOfA.writeTo(homeOfA);
        confOfB.writeTo(homeOfB);
        String smsOut = confOfA.topic(Topic.SMS_OUT);
        began = System.nanoTime();
        try (CloudhopperSmsc simulator = CloudhopperSmsc.start("gw", "pw",
                     receiver -> CloudhopperSmsc.Outcome.delivered());
             NsqMessageBus bus = new NsqMessageBus(confOfA.applicationBus());
             DlrInRecorder recorder = DlrInRecorder.start(bus);
             NsqApplication app = new NsqApplication("127.0.0.1", nsqd.tcpPort(), confOfA.topic(Topic.SMS_IN),
                     nsqd.http(), confOfA.topic(Topic.DLR_OUT));
             GatewayProcess a = GatewayProcess.run(homeOfA, homeOfA.resolve("console.log"))) {
            smsc = simulator;
            dlrIn = recorder;
            application = app;
            // A alone first, so that its SMSC sessions and its NSQ connections can be told from B's
            a.awaitLine("INFO smpp - ready");
            GatewayRestApi restOfA = new GatewayRestApi(confOfA.restBase(), confOfA.apiToken());
            restOfA.createGateway("""
                    {"smsc_id": "%s", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                     "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true, "tx_binds": 0,
                     "rx_binds": 0, "trx_binds": %d, "window_size": 10, "smpp_version": "3.4", "is_gsm7": true,
                     "is_secure": false, "enabled": true}""".formatted(SMSC_ID, smsc.port(), BINDS));
            JsonObject client = new JsonObject();
            client.addProperty("username", "shop");
            client.addProperty("password", "pw");
            client.addProperty("throughput", 0);
            // room for the rebind while the killed instance's bind still counts (until it is taken as gone)
            client.addProperty("binds", 4);
            client.addProperty("enabled", true);
            restOfA.createClient(client);
            Awaiting.until(() -> smsc.boundSessions().size() == BINDS, () -> "A's binds: " + smsc.boundSessions());
            Set<Long> boundBeforeB = smsc.sessionsEverBound();
            Awaiting.until(() -> !nsqd.inFlightByClient(smsOut, CHANNEL).byClient().isEmpty(),
                    () -> "A's SMS_OUT consumer on nsqd");
            Set<String> consumersOfA = nsqd.inFlightByClient(smsOut, CHANNEL).byClient().keySet();
            phase("A ready");
            try (GatewayProcess b = GatewayProcess.run(homeOfB, homeOfB.resolve("console.log"))) {
                underLoad(a, restOfA, b, boundBeforeB, consumersOfA);
            }
        }
    }

    /**
     * B joins A, the load starts, A is killed, then everything is checked.
     *
     * @param boundBeforeB the SMSC sessions bound before B started, all A's
     * @param consumersOfA the remote addresses of A's SMS_OUT connections at nsqd
     */
    private void underLoad(GatewayProcess a, GatewayRestApi restOfA, GatewayProcess b, Set<Long> boundBeforeB,
                           Set<String> consumersOfA) throws Exception {
        String smsOut = confOfA.topic(Topic.SMS_OUT);
        b.awaitLine("INFO smpp - ready");
        assertTrue(b.output().stream().anyMatch(line -> line.contains("mode: cluster member")),
                "B's start-up log names it a cluster member:\n" + String.join("\n", b.output()));
        // B's binds: all of the gateway's as well, or its share of them once the instances deal them out
        Awaiting.until(() -> !boundBeforeB.containsAll(smsc.boundSessions()), () -> "a bind of B's: "
                + smsc.boundSessions());
        Awaiting.until(() -> nsqd.inFlightByClient(smsOut, CHANNEL).byClient().size() > consumersOfA.size(),
                () -> "B's SMS_OUT consumer on nsqd");
        phase("B ready");

        try (SteadySmsOut out = new SteadySmsOut(application, smsOut, SMSC_ID, confOfA.prefix() + "-out",
                     SMS_OUT_PACE_MILLIS);
             RebindingEsme esmeOnA = new RebindingEsme(List.of(confOfA.smppPort(), confOfB.smppPort()), "shop",
                     "pw", confOfA.prefix() + "-in-a", ESME_PACE_MILLIS);
             RebindingEsme esmeOnB = new RebindingEsme(List.of(confOfB.smppPort(), confOfA.smppPort()), "shop",
                     "pw", confOfA.prefix() + "-in-b", ESME_PACE_MILLIS)) {
            esmeOnA.start();
            esmeOnB.start();
            out.start();
            // both instances at work in both directions
            Awaiting.until(() -> submittedOn(smsc, boundBeforeB) >= 50 && submittedNotOn(smsc, boundBeforeB) >= 50
                            && esmeOnA.acknowledged().size() >= 50 && esmeOnB.acknowledged().size() >= 50,
                    () -> "SMS_OUT submitted by A " + submittedOn(smsc, boundBeforeB) + ", by B "
                            + submittedNotOn(smsc, boundBeforeB) + "; submits acknowledged by A "
                            + esmeOnA.acknowledged().size() + ", by B " + esmeOnB.acknowledged().size());
            // A's sessions: those from before B, and any A holds now (A lists its own binds from memory)
            String instanceOfA = thisInstance(restOfA.get("/api/instances"));
            Set<Long> sessionsOfA = new HashSet<>(boundBeforeB);
            sessionsOfA.addAll(smsc.sessionsFromPorts(localPorts(restOfA.get("/api/gateways"), instanceOfA)));
            Awaiting.until(() -> nsqd.inFlightByClient(smsOut, CHANNEL).heldBy(consumersOfA) > 0,
                    () -> "A never held an SMS_OUT: " + nsqd.inFlightByClient(smsOut, CHANNEL));

            a.kill();
            long killed = System.nanoTime();
            long heldByA = nsqd.inFlightByClient(smsOut, CHANNEL).heldBy(consumersOfA);
            KillAccount account = KillAccount.atKill(confOfA.database(), sessionsOfA);
            Set<String> unsentAtKill = out.acknowledged().stream()
                    .filter(id -> dlrIn.withStatus(id, "sent").isEmpty()).collect(Collectors.toSet());
            int acknowledgedOnAAtKill = esmeOnA.acknowledged().size();
            phase("A killed, holding " + heldByA + " SMS_OUT at nsqd");
            assertTrue(heldByA > 0, "A held no SMS_OUT at the kill: nothing to take over");

            Takeover takeover = awaitTakeover(unsentAtKill, sessionsOfA, killed);
            long handover = takeover.sentAfterKill().values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<Long> takenOver = takeover.sentAfterKill().values().stream()
                    .filter(ms -> ms > SURVIVORS_OWN_MILLIS).sorted().toList();
            long bindsMoved = takeover.bindsMoved();
            phase("every SMS_OUT unsent at the kill sent, the gateway's binds all B's");
            Awaiting.until(() -> esmeOnA.acknowledgedOn(confOfB.smppPort()) > 0,
                    () -> "the ESME that was on A: binds " + esmeOnA.bindPorts() + ", failed " + esmeOnA.failed());
            while (System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(LOAD_AFTER_KILL_SECONDS)) {
                Thread.sleep(100);
            }
            out.stop();
            esmeOnA.stop();
            esmeOnB.stop();
            phase("load stopped");

            List<String> outIds = out.acknowledged();
            Awaiting.until(90, () -> withFinal(dlrIn, outIds) == outIds.size(), () -> "final DLR_IN for "
                    + withFinal(dlrIn, outIds) + " of " + outIds.size() + " acknowledged SMS_OUT; missing "
                    + outIds.stream().filter(id -> dlrIn.finals(id).isEmpty()).sorted().limit(20).toList());
            Set<String> inIds = new HashSet<>(esmeOnA.acknowledged());
            inIds.addAll(esmeOnB.acknowledged());
            List<JsonObject> smsInEvents = new ArrayList<>();
            Awaiting.until(60, () -> {
                smsInEvents.addAll(application.untaken());
                return msgIds(smsInEvents).containsAll(inIds);
            }, () -> "acknowledged submits missing on SMS_IN: " + missing(inIds, smsInEvents));
            // quiet: nothing left on the topics, every receipt acknowledged; only then is "once" meaningful
            Awaiting.until(() -> nsqd.unfinished(smsOut, CHANNEL) == 0
                            && nsqd.unfinished(confOfA.topic(Topic.DLR_IN), "app") == 0
                            && smsc.receiptsPending() == 0,
                    () -> "SMS_OUT unfinished " + nsqd.unfinished(smsOut, CHANNEL) + ", DLR_IN unread "
                            + nsqd.unfinished(confOfA.topic(Topic.DLR_IN), "app") + ", receipts unacknowledged "
                            + smsc.receiptsPending());
            smsInEvents.addAll(application.untaken());
            phase("quiet");

            GatewayRestApi restOfB = new GatewayRestApi(confOfB.restBase(), confOfB.apiToken());
            String instanceOfB = thisInstance(restOfB.get("/api/instances"));
            Awaiting.until(() -> instanceIds(restOfB.get("/api/instances")).equals(List.of(instanceOfB)),
                    () -> "A taken as gone: " + restOfB.get("/api/instances"));
            Awaiting.until(() -> {
                List<JsonObject> binds = gatewayConnections(restOfB.get("/api/gateways"));
                return binds.size() == BINDS && binds.stream().allMatch(c -> c.get("instance").getAsString()
                        .equals(instanceOfB) && c.get("status").getAsString().equals("BOUND_TRX"));
            }, () -> "the gateway's binds, B's alone: " + restOfB.get("/api/gateways"));
            Set<Long> boundAtEnd = smsc.boundSessions();
            assertEquals(BINDS, boundAtEnd.size(), "the SMSC's binds at the end: " + boundAtEnd);
            assertTrue(Collections.disjoint(boundAtEnd, sessionsOfA), "A's binds still open: " + boundAtEnd);

            KillAccount.Settled settled = account.settle(outIds, smsc, dlrIn);
            long smsInTwice = TwoWayLoad.countByMsgId(smsInEvents).values().stream().filter(n -> n > 1).count();
            System.out.printf("cluster kill: SMS_OUT %d acknowledged (%d refused), %d held by A at nsqd when"
                            + " killed, %d without 'sent' at the kill, %d of them finished more than %d ms after"
                            + " it (from %d ms); the last 'sent' %d ms after the kill (bound %d s); %d submitted by"
                            + " A without a recorded submit_sm_resp, %d submitted again by B, %d final events"
                            + " twice, %d receipts resent by the SMSC%n",
                    outIds.size(), out.refused(), heldByA, unsentAtKill.size(), takenOver.size(),
                    SURVIVORS_OWN_MILLIS, takenOver.isEmpty() ? -1 : takenOver.get(0), handover,
                    HANDOVER_BOUND_SECONDS, settled.unrecordedAtKill(), settled.resubmitted(), settled.finalTwice(),
                    smsc.receiptsResent());
            List<RebindingEsme.Bind> bindsOfEsmeOnA = esmeOnA.binds();
            long rebound = TimeUnit.NANOSECONDS.toMillis(bindsOfEsmeOnA.get(bindsOfEsmeOnA.size() - 1).nanoTime()
                    - killed);
            System.out.printf("cluster kill: ESME on A: %d acknowledged (%d before the kill, %d after its"
                            + " rebind to B), %d failed, bound to ports %s (A %d, B %d), the last bind %d ms after"
                            + " the kill, %d bind attempts refused; ESME on B: %d acknowledged, %d failed, bound"
                            + " to %s; %d SMS_IN events, %d twice; the gateway's %d binds all B's %d ms after the"
                            + " kill%n",
                    esmeOnA.acknowledged().size(), acknowledgedOnAAtKill,
                    esmeOnA.acknowledgedOn(confOfB.smppPort()), esmeOnA.failed(), esmeOnA.bindPorts(),
                    confOfA.smppPort(), confOfB.smppPort(), rebound, esmeOnA.bindsRefused(),
                    esmeOnB.acknowledged().size(), esmeOnB.failed(), esmeOnB.bindPorts(), smsInEvents.size(),
                    smsInTwice, BINDS, bindsMoved);

            assertEquals(Set.of(), missing(inIds, smsInEvents), "acknowledged submits missing on SMS_IN");
            assertEquals(List.of(confOfA.smppPort(), confOfB.smppPort()), esmeOnA.bindPorts(),
                    "the ESME on A: bound to A, then to B once A died");
            assertEquals(List.of(confOfB.smppPort()), esmeOnB.bindPorts(), "the ESME on B kept its bind");
            assertEquals(Map.of(), settled.finalsNotAsDocumented(), "msg_ids whose final DLR_IN is not exactly"
                    + " one 'delivered' (or the same one twice after a receipt A did not answer), all events;"
                    + " the processes' output is kept in target/cluster-kill-it");
            assertEquals(List.of(), settled.withoutSent(), "msg_ids never reported sent");
            assertEquals(Map.of(), settled.submitsNotAsDocumented(), "msg_ids submitted other than once (or"
                    + " twice after a submit_sm_resp A had not recorded)");
            assertTrue(settled.unrecordedAtKill() <= MAX_IN_FLIGHT, settled.unrecordedAtKill()
                    + " segments unrecorded at the kill");
            assertTrue(handover < TimeUnit.SECONDS.toMillis(HANDOVER_BOUND_SECONDS), "the SMS_OUT A held were"
                    + " finished by B " + handover + " ms after the kill");
        }
        assertEquals(0, b.stop(), "B's exit code after SIGTERM");
    }

    /**
     * What the survivor took over, each from the kill.
     *
     * @param sentAfterKill each SMS_OUT without {@code sent} at the kill, and when its {@code sent} came
     * @param bindsMoved    when the SMSC saw the gateway's binds all open again, none of them the killed one's
     */
    private record Takeover(Map<String, Long> sentAfterKill, long bindsMoved) {
    }

    /**
     * Waits until each of {@code unsentAtKill} has a {@code sent} and the SMSC sees the gateway's
     * {@value #BINDS} binds, none of them {@code killedSessions}, noting when each happened (in
     * milliseconds from {@code killed}, as polled).
     */
    private Takeover awaitTakeover(Set<String> unsentAtKill, Set<Long> killedSessions, long killed) {
        Map<String, Long> sent = new HashMap<>();
        long[] bindsMoved = {-1};
        Awaiting.until(60, () -> {
            long now = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            for (String id : unsentAtKill) {
                if (!sent.containsKey(id) && !dlrIn.withStatus(id, "sent").isEmpty()) {
                    sent.put(id, now);
                }
            }
            Set<Long> bound = smsc.boundSessions();
            if (bindsMoved[0] < 0 && bound.size() == BINDS && Collections.disjoint(bound, killedSessions)) {
                bindsMoved[0] = now;
            }
            return sent.size() == unsentAtKill.size() && bindsMoved[0] >= 0;
        }, () -> "SMS_OUT without 'sent' since the kill: " + unsentAtKill.stream().filter(id -> !sent.containsKey(id))
                .sorted().limit(20).toList() + "; the SMSC's binds " + smsc.boundSessions() + ", the killed"
                + " instance's were " + killedSessions);
        return new Takeover(Map.copyOf(sent), bindsMoved[0]);
    }

    private static long submittedOn(CloudhopperSmsc smsc, Set<Long> sessions) {
        return smsc.submissions().stream().filter(s -> sessions.contains(s.sessionId())).count();
    }

    private static long submittedNotOn(CloudhopperSmsc smsc, Set<Long> sessions) {
        return smsc.submissions().stream().filter(s -> !sessions.contains(s.sessionId())).count();
    }

    private static int withFinal(DlrInRecorder dlrIn, List<String> ids) {
        return (int) ids.stream().filter(id -> !dlrIn.finals(id).isEmpty()).count();
    }

    private static Set<String> msgIds(List<JsonObject> events) {
        return events.stream().map(e -> e.get("msg_id").getAsString()).collect(Collectors.toSet());
    }

    private static Set<String> missing(Set<String> acknowledged, List<JsonObject> events) {
        Set<String> missing = new TreeSet<>(acknowledged);
        missing.removeAll(msgIds(events));
        return missing;
    }

    private static List<String> instanceIds(JsonObject answer) {
        List<String> ids = new ArrayList<>();
        for (JsonElement instance : answer.getAsJsonArray("instances")) {
            ids.add(instance.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    private static String thisInstance(JsonObject answer) {
        for (JsonElement instance : answer.getAsJsonArray("instances")) {
            if (instance.getAsJsonObject().get("this_instance").getAsBoolean()) {
                return instance.getAsJsonObject().get("id").getAsString();
            }
        }
        throw new AssertionError("no this_instance in " + answer);
    }

    /** The ports of {@code instance}'s ends of the gateway's binds in a GET /api/gateways answer. */
    private static Set<Integer> localPorts(JsonObject answer, String instance) {
        return gatewayConnections(answer).stream().filter(c -> c.get("instance").getAsString().equals(instance))
                .map(c -> c.get("localAddr").getAsString())
                .map(address -> Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)))
                .collect(Collectors.toSet());
    }

    /** The gateway's BIND_TRX connections in a GET /api/gateways answer (it is the only gateway). */
    private static List<JsonObject> gatewayConnections(JsonObject answer) {
        List<JsonObject> list = new ArrayList<>();
        for (JsonElement connection : answer.getAsJsonObject("connections").getAsJsonArray("BIND_TRX")) {
            list.add(connection.getAsJsonObject());
        }
        return list;
    }

    /** Both processes' output, next to the jar, to read after a failure. */
    private static void keepConsoles(Path homeOfA, Path homeOfB) throws java.io.IOException {
        Path kept = GatewayProcess.jar().resolveSibling("cluster-kill-it");
        Files.createDirectories(kept);
        for (Map.Entry<String, Path> home : Map.of("a", homeOfA, "b", homeOfB).entrySet()) {
            Path console = home.getValue().resolve("console.log");
            if (Files.exists(console)) {
                Files.copy(console, kept.resolve("console-" + home.getKey() + ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** For the log only: where the time goes. */
    private void phase(String what) {
        System.out.printf("cluster kill: %s after %d ms%n", what,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }
}
