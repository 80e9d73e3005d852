package io.smppgateway.runner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.runner.daemon.GatewayDaemon;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The scenario of the dependency-restart tests: the daemon (in this JVM) on {@code conf}, an SMSC
 * and an ESME, {@value #MESSAGES} messages each way ({@link TwoWayLoad}); once 100 are
 * acknowledged each way, {@code restart} runs; then it measures how long each direction took to
 * move again and checks that everything acknowledged arrived. It prints one line of figures,
 * starting with {@code what}, for docs/security-soak.md.
 */
final class RestartUnderLoad {

    static final int MESSAGES = 400;
    private static final String SMSC_ID = "restart-smsc";

    /** Restarts a dependency, returning once it answers again. */
    @FunctionalInterface
    interface Restart {
        void run() throws Exception;
    }

    private RestartUnderLoad() {
    }

    static void run(String what, Path home, RestartableNsqd nsqd, PrivateGatewayConf conf, Restart restart)
            throws Exception {
        GatewayDaemon daemon = GatewayDaemon.start(conf.settings(home));
        try (CloudhopperSmsc smsc = CloudhopperSmsc.start("gw", "pw",
                     receiver -> CloudhopperSmsc.Outcome.delivered());
             NsqMessageBus application = new NsqMessageBus(conf.applicationBus());
             DlrInRecorder dlrIn = DlrInRecorder.start(application);
             NsqApplication smsIn = new NsqApplication("127.0.0.1", nsqd.tcpPort(), conf.topic(Topic.SMS_IN),
                     nsqd.http(), conf.topic(Topic.DLR_OUT))) {
            GatewayRestApi rest = new GatewayRestApi(conf.restBase(), conf.apiToken());
            rest.createGateway("""
                    {"smsc_id": "%s", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                     "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true, "tx_binds": 0,
                     "rx_binds": 0, "trx_binds": 1, "window_size": 10, "smpp_version": "3.4", "is_gsm7": true,
                     "is_secure": false, "enabled": true}""".formatted(SMSC_ID, smsc.port()));
            JsonObject client = new JsonObject();
            client.addProperty("username", "shop");
            client.addProperty("password", "pw");
            client.addProperty("throughput", 0);
            client.addProperty("binds", 1);
            client.addProperty("enabled", true);
            rest.createClient(client);
            Awaiting.until(() -> smsc.boundSessions().size() == 1, () -> "the gateway's bind: "
                    + smsc.boundSessions());

            try (TwoWayLoad load = new TwoWayLoad(nsqd, conf, SMSC_ID, daemon.smppServer().port(), "shop", "pw",
                    MESSAGES)) {
                load.start();
                load.awaitAcknowledged(100);

                int outInFlight = load.outAcknowledged.size() - finals(dlrIn, load.outAcknowledgedIds());
                int inInFlight = load.inInFlight();
                restart.run();
                long up = System.nanoTime();
                int submissionsAtUp = smsc.submissions().size();
                int inAckedAtUp = load.inAcknowledged.size();
                long outRecovered = -1;
                long inRecovered = -1;
                while ((outRecovered < 0 || inRecovered < 0) && System.nanoTime() - up < TimeUnit.SECONDS
                        .toNanos(30)) {
                    long now = System.nanoTime();
                    if (outRecovered < 0 && smsc.submissions().size() > submissionsAtUp) {
                        outRecovered = TimeUnit.NANOSECONDS.toMillis(now - up);
                    }
                    if (inRecovered < 0 && load.inAcknowledged.size() > inAckedAtUp) {
                        inRecovered = TimeUnit.NANOSECONDS.toMillis(now - up);
                    }
                    Thread.sleep(20);
                }
                assertTrue(outRecovered >= 0, "no SMS_OUT reached the SMSC within 30 s of the restart");
                assertTrue(inRecovered >= 0, "no submit was acknowledged within 30 s of the restart: refused "
                        + load.inRefused + ", unanswered " + load.inUnanswered);
                load.awaitEnd();

                List<String> outIds = load.outAcknowledgedIds();
                Awaiting.until(60, () -> finals(dlrIn, outIds) == outIds.size(), () -> "final DLR_IN for "
                        + finals(dlrIn, outIds) + " of " + outIds.size() + " acknowledged SMS_OUT; missing "
                        + outIds.stream().filter(id -> dlrIn.finals(id).isEmpty()).sorted().limit(20).toList());
                List<JsonObject> smsInEvents = new ArrayList<>();
                Set<String> inIds = new HashSet<>(load.inAcknowledged);
                Awaiting.until(60, () -> {
                    smsInEvents.addAll(smsIn.untaken());
                    return seen(smsInEvents).containsAll(inIds);
                }, () -> "acknowledged submits missing on SMS_IN: " + missing(inIds, smsInEvents));

                Map<String, Integer> smscCopies = smsc.submitsByText();
                long outDuplicates = outIds.stream().filter(id -> smscCopies.getOrDefault(id, 0) > 1).count();
                long finalDuplicates = outIds.stream().filter(id -> dlrIn.finals(id).size() > 1).count();
                long inDuplicates = TwoWayLoad.countByMsgId(smsInEvents).values().stream()
                        .filter(n -> n > 1).count();
                System.out.printf("%s: SMS_OUT %d acknowledged (%d refused while down), %d in flight at"
                                + " the restart, first submit to the SMSC %d ms after it was back, %d sent twice"
                                + " to the SMSC, %d with two finals; ESME %d acknowledged, refused %s, %d"
                                + " unanswered, %d in flight at the restart, first acknowledged submit %d ms"
                                + " after it was back, %d twice on SMS_IN%n",
                        what, outIds.size(), load.outRefused.get(), outInFlight, outRecovered, outDuplicates,
                        finalDuplicates, inIds.size(), load.inRefused, load.inUnanswered.get(),
                        inInFlight, inRecovered,
                        inDuplicates);
                assertEquals(Set.of(), missing(inIds, smsInEvents));
            }
        } finally {
            daemon.stop();
        }
    }

    private static int finals(DlrInRecorder dlrIn, List<String> ids) {
        return (int) ids.stream().filter(id -> !dlrIn.finals(id).isEmpty()).count();
    }

    private static Set<String> seen(List<JsonObject> events) {
        return events.stream().map(e -> e.get("msg_id").getAsString()).collect(Collectors.toSet());
    }

    private static Set<String> missing(Set<String> acknowledged, List<JsonObject> events) {
        Set<String> missing = new TreeSet<>(acknowledged);
        missing.removeAll(seen(events));
        return missing;
    }
}
