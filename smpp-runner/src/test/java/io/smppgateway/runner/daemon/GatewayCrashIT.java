package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import io.smppgateway.runner.e2e.Awaiting;
import io.smppgateway.runner.e2e.CloudhopperSmsc;
import io.smppgateway.runner.e2e.DlrInRecorder;
import io.smppgateway.runner.e2e.GatewayProcess;
import io.smppgateway.runner.e2e.GatewayRestApi;
import io.smppgateway.runner.e2e.KillAccount;
import io.smppgateway.runner.e2e.PrivateGatewayConf;
import io.smppgateway.runner.e2e.PrivateNsqd;
import io.smppgateway.runner.e2e.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as its own process (the packaged jar) on MariaDB and nsqd, killed with SIGKILL while
 * 400 SMS_OUT go through it to an SMSC (cloudhopper-smpp, in this JVM, resending the receipts it
 * gets no answer for), then started again. Afterwards it checks exactly what docs/message-flows.md
 * ("A crash") promises:
 * <ul>
 *   <li>every SMS_OUT has a {@code sent} and one final DLR_IN; twice only for a receipt the killed
 *       process was sent and did not answer (then the same status again);</li>
 *   <li>the SMSC got each message once; twice only for a segment the killed process had submitted
 *       whose submit_sm_resp it had not recorded (no row in the database at the kill), the second
 *       time from the restarted process; and no more of those than the SMS_OUT the process could
 *       hold.</li>
 * </ul>
 *
 * <p>nsqd is the test's own, with a 10 s {@code --msg-timeout}: the messages the killed process
 * held come back only after it (the gateway asks for the same 10 s, NSQ_MSG_TIMEOUT_SECONDS's
 * default, in IDENTIFY).
 */
@Tag("jar")
class GatewayCrashIT {

    private static final int MESSAGES = 400;
    /** Kill once this many messages are reported sent: well into the flow, far from its end. */
    private static final int SENT_BEFORE_KILL = 40;
    /** SMS_OUT the daemon's consumer holds at once (NsqBusConfig's max in flight). */
    private static final int MAX_IN_FLIGHT = 200;
    private static final String SMSC_ID = "crash-smsc";
    private static final String CHANNEL = "smpp-gateway";

    @Test
    void aDaemonKilledMidFlowLosesNothingAndResendsOnlyWhatItHadNotRecorded(@TempDir Path home,
                                                                            @TempDir Path nsqdData) throws Exception {
        try (PrivateNsqd nsqd = PrivateNsqd.start(nsqdData, Duration.ofSeconds(10))) {
            PrivateGatewayConf conf = PrivateGatewayConf.create("cr", "127.0.0.1", nsqd.tcpPort());
            TestServices.createDatabase(conf.database());
            try {
                run(home, nsqd, conf);
            } finally {
                TestServices.dropDatabase(conf.database());
                keepConsoles(home);
            }
        }
    }

    private void run(Path home, PrivateNsqd nsqd, PrivateGatewayConf conf) throws Exception {
        conf.writeTo(home);
        long began = System.nanoTime();
        try (CloudhopperSmsc smsc = CloudhopperSmsc.start("gw", "pw", receiver -> CloudhopperSmsc.Outcome.delivered());
             NsqMessageBus application = new NsqMessageBus(conf.applicationBus());
             DlrInRecorder dlrIn = DlrInRecorder.start(application);
             NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(
                     List.of(new NsqAddress("127.0.0.1", nsqd.tcpPort()))).withBatching(MESSAGES, 4 * 1024 * 1024,
                     Duration.ZERO))) {
            GatewayProcess first = GatewayProcess.run(home, home.resolve("console-1.log"));
            KillAccount account;
            int submitsBeforeKill;
            try {
                first.awaitLine("INFO smpp - ready");
                new GatewayRestApi(conf.restBase(), conf.apiToken()).createGateway("""
                        {"smsc_id": "%s", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                         "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true, "tx_binds": 0,
                         "rx_binds": 0, "trx_binds": 2, "window_size": 10, "smpp_version": "3.4", "is_gsm7": true,
                         "is_secure": false, "enabled": true}""".formatted(SMSC_ID, smsc.port()));
                Awaiting.until(() -> smsc.boundSessions().size() == 2, () -> "the gateway's 2 binds: "
                        + smsc.boundSessions());

                List<byte[]> bodies = new ArrayList<>();
                for (int i = 0; i < MESSAGES; i++) {
                    bodies.add("""
                            {"smsc_id": "%s", "msg_id": "%s", "sender": "Bank", "receiver": "380991234567",
                             "message": "%s"}""".formatted(SMSC_ID, msgId(conf, i), msgId(conf, i))
                            .getBytes(StandardCharsets.UTF_8));
                }
                producer.publishBatch(conf.topic(Topic.SMS_OUT), bodies).get(30, TimeUnit.SECONDS);
                Awaiting.until(() -> sentSoFar(dlrIn, conf) >= SENT_BEFORE_KILL, () -> "only "
                        + sentSoFar(dlrIn, conf) + " sent");

                first.kill();
                phase("killed", began);
                Set<Long> sessionsOfTheFirst = smsc.sessionsEverBound();
                // What reached the SMSC from the first process is in once its sessions are gone.
                Awaiting.until(() -> smsc.boundSessions().isEmpty(), () -> "the SMSC still holds the killed"
                        + " process's binds " + smsc.boundSessions());
                submitsBeforeKill = smsc.submissions().size();
                account = KillAccount.atKill(conf.database(), sessionsOfTheFirst);
            } finally {
                first.close();
            }

            GatewayProcess second = GatewayProcess.run(home, home.resolve("console-2.log"));
            try {
                second.awaitLine("INFO smpp - ready");
                phase("restarted", began);
                Awaiting.until(120, () -> finalsSoFar(dlrIn, conf) == MESSAGES, () -> "final DLR_IN for "
                        + finalsSoFar(dlrIn, conf) + " of " + MESSAGES + " messages");
                phase("every final DLR_IN in", began);
                // Quiet: nothing left on the topics, every receipt acknowledged; only then is "exactly one" meaningful.
                Awaiting.until(() -> nsqd.unfinished(conf.topic(Topic.SMS_OUT), CHANNEL) == 0
                                && nsqd.unfinished(conf.topic(Topic.DLR_IN), "app") == 0 && smsc.receiptsPending() == 0,
                        () -> "SMS_OUT unfinished " + nsqd.unfinished(conf.topic(Topic.SMS_OUT), CHANNEL)
                                + ", DLR_IN unread " + nsqd.unfinished(conf.topic(Topic.DLR_IN), "app")
                                + ", receipts unacknowledged " + smsc.receiptsPending());
                phase("quiet", began);
                assertEquals(0, second.stop(), "exit code after SIGTERM");
            } finally {
                second.close();
            }

            assertTrue(submitsBeforeKill > 0 && submitsBeforeKill < MESSAGES, "the kill did not happen mid-flow: "
                    + submitsBeforeKill + " submits before it");
            List<String> msgIds = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                msgIds.add(msgId(conf, i));
            }
            KillAccount.Settled settled = account.settle(msgIds, smsc, dlrIn);
            System.out.printf("crash: %d submits before the kill, %d in all; at the kill %d tracked, %d submitted"
                    + " without a recorded submit_sm_resp; %d submitted again; %d receipts resent by the SMSC,"
                    + " %d final events published twice%n", submitsBeforeKill, smsc.submissions().size(),
                    account.statusAtKill().size(), settled.unrecordedAtKill(), settled.resubmitted(),
                    smsc.receiptsResent(), settled.finalTwice());
            assertEquals(Map.of(), settled.finalsNotAsDocumented(), "msg_ids whose final DLR_IN is not exactly one"
                    + " 'delivered' (or the same one twice after a receipt the killed process did not answer), all"
                    + " events; the processes' output is kept in target/gateway-crash-it");
            assertEquals(List.of(), settled.withoutSent(), "msg_ids never reported sent");
            assertEquals(Map.of(), settled.submitsNotAsDocumented(), "msg_ids submitted other than once (or twice"
                    + " after a submit_sm_resp the killed process had not recorded)");
            assertTrue(settled.unrecordedAtKill() <= MAX_IN_FLIGHT, settled.unrecordedAtKill()
                    + " segments unrecorded at the kill");
        }
    }

    /** The two processes' output, next to the jar, to read after a failure. */
    private static void keepConsoles(Path home) throws java.io.IOException {
        Path kept = GatewayProcess.jar().resolveSibling("gateway-crash-it");
        Files.createDirectories(kept);
        for (String name : List.of("console-1.log", "console-2.log")) {
            if (Files.exists(home.resolve(name))) {
                Files.copy(home.resolve(name), kept.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** For the log only: where the time goes. */
    private static void phase(String what, long began) {
        System.out.printf("crash: %s after %d ms%n", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    private static String msgId(PrivateGatewayConf conf, int i) {
        return conf.prefix() + "-" + i;
    }

    private static long sentSoFar(DlrInRecorder dlrIn, PrivateGatewayConf conf) {
        return dlrIn.statuses().entrySet().stream()
                .filter(e -> e.getKey().startsWith(conf.prefix()) && e.getValue().contains("sent")).count();
    }

    private static long finalsSoFar(DlrInRecorder dlrIn, PrivateGatewayConf conf) {
        return dlrIn.statuses().keySet().stream()
                .filter(id -> id.startsWith(conf.prefix()) && !dlrIn.finals(id).isEmpty()).count();
    }
}
