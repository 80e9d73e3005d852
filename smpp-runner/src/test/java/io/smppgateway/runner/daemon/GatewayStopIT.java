package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import io.smppgateway.runner.e2e.Awaiting;
import io.smppgateway.runner.e2e.GatewayProcess;
import io.smppgateway.runner.e2e.GatewayRestApi;
import io.smppgateway.runner.e2e.PrivateGatewayConf;
import io.smppgateway.runner.e2e.PrivateNsqd;
import io.smppgateway.runner.e2e.TestServices;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Unbind;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while the gateway holds SMS_OUT it cannot send (its SMSC is down: the submits wait in the
 * gateway's queue). The manual promises that the gateway unbinds everything within 10 seconds; the
 * messages it held must not wait at nsqd for their msg_timeout (the test's nsqd keeps the default
 * minute) but be handed back at once, so that the next consumer gets them right away. The daemon is
 * the packaged jar as its own process, on MariaDB and an nsqd of the test's own.
 */
@Tag("jar")
class GatewayStopIT {

    private static final int MESSAGES = 20;
    private static final String SMSC_ID = "down-smsc";
    private static final String CHANNEL = "smpp-gateway";

    @Test
    void sigtermWithTheSmscDownUnbindsAtOnceHandsTheHeldSmsOutBackAndExits0(@TempDir Path home,
                                                                          @TempDir Path nsqdData) throws Exception {
        try (PrivateNsqd nsqd = PrivateNsqd.start(nsqdData, Duration.ofSeconds(60))) {
            // The gateway asks for the same minute, so that only its REQ can give the messages back in time.
            PrivateGatewayConf conf = PrivateGatewayConf.create("st", "127.0.0.1", nsqd.tcpPort())
                    .withKey("NSQ_MSG_TIMEOUT_SECONDS", "60");
            TestServices.createDatabase(conf.database());
            try {
                run(home, nsqd, conf);
            } finally {
                TestServices.dropDatabase(conf.database());
                Path kept = GatewayProcess.jar().resolveSibling("gateway-stop-it");
                Files.createDirectories(kept);
                if (Files.exists(home.resolve("console.log"))) {
                    Files.copy(home.resolve("console.log"), kept.resolve("console.log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private void run(Path home, PrivateNsqd nsqd, PrivateGatewayConf conf) throws Exception {
        conf.writeTo(home);
        int nobodyListens = TestServices.freePort();
        String smsOut = conf.topic(Topic.SMS_OUT);
        NsqAddress nsqdAddress = new NsqAddress("127.0.0.1", nsqd.tcpPort());
        try (GatewayProcess gateway = GatewayProcess.run(home, home.resolve("console.log"));
             SmppConnector connector = new SmppConnector();
             NsqProducer producer = NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqdAddress)))) {
            gateway.awaitLine("INFO smpp - ready");
            GatewayRestApi rest = new GatewayRestApi(conf.restBase(), conf.apiToken());
            rest.createGateway("""
                    {"smsc_id": "%s", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                     "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true, "tx_binds": 0,
                     "rx_binds": 0, "trx_binds": 1, "window_size": 10, "smpp_version": "3.4", "is_gsm7": true,
                     "is_secure": false, "enabled": true}""".formatted(SMSC_ID, nobodyListens));
            JsonObject client = new JsonObject();
            client.addProperty("username", "esme1");
            client.addProperty("password", "pw");
            client.addProperty("throughput", 0);
            client.addProperty("binds", 1);
            client.addProperty("enabled", true);
            rest.createClient(client);

            AtomicLong unbindReceived = new AtomicLong();
            PduListener unbinds = (session, direction, pdu, octets) -> {
                if (direction == PduDirection.RECEIVED && pdu instanceof Unbind) {
                    unbindReceived.compareAndSet(0, System.nanoTime());
                }
            };
            BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "esme1", "pw", "", InterfaceVersion.SMPP_3_4,
                    Address.EMPTY);
            ChannelSession esme = connector.connectAndBind("127.0.0.1", Integer.parseInt(conf.keys().get("SMPP_PORT")),
                    null, Duration.ofSeconds(10), SessionConfig.defaults(), bind, (session, request) -> null, unbinds)
                    .get(30, TimeUnit.SECONDS);

            for (int i = 0; i < MESSAGES; i++) {
                producer.publish(smsOut, body(conf, i)).get(10, TimeUnit.SECONDS);
            }
            Awaiting.until(() -> nsqd.inFlight(smsOut, CHANNEL) == MESSAGES, () -> "the gateway holds "
                    + nsqd.inFlight(smsOut, CHANNEL) + " of the " + MESSAGES + " SMS_OUT");

            long signalled = System.nanoTime();
            int exitCode = gateway.stop();
            long exited = System.nanoTime();
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(exited - signalled);
            long unbindMillis = unbindReceived.get() == 0 ? -1
                    : TimeUnit.NANOSECONDS.toMillis(unbindReceived.get() - signalled);
            // Handed back means REQ 0: all of them ready at nsqd now, none in flight, none deferred.
            String atExit = "ready " + nsqd.channelStat(smsOut, CHANNEL, "depth") + ", in flight "
                    + nsqd.channelStat(smsOut, CHANNEL, "in_flight_count") + ", deferred "
                    + nsqd.channelStat(smsOut, CHANNEL, "deferred_count");

            Set<String> redelivered = ConcurrentHashMap.newKeySet();
            long redeliveredMillis = -1;
            try (NsqConsumer next = NsqConsumer.start(NsqConsumerConfig.defaults(smsOut, CHANNEL)
                    .withNsqd(List.of(nsqdAddress)), delivery -> {
                        redelivered.add(delivery.message().bodyAsString());
                        delivery.finish();
                    })) {
                // well before nsqd's 60 s msg_timeout would give back what was left in flight
                long deadline = exited + TimeUnit.SECONDS.toNanos(30);
                while (redelivered.size() < MESSAGES && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (redelivered.size() == MESSAGES) {
                    redeliveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exited);
                }
            }
            System.out.printf("stop with the SMSC down: exit %d after %d ms, ESME unbind %d ms after SIGTERM,"
                    + " SMS_OUT at nsqd at the exit: %s; %d of %d consumable again %d ms after the exit%n", exitCode,
                    stopMillis, unbindMillis, atExit, redelivered.size(), MESSAGES, redeliveredMillis);

            String output = String.join("\n", gateway.output());
            assertEquals(0, exitCode, "exit code after SIGTERM:\n" + output);
            assertTrue(stopMillis < 10_000, "stopped in " + stopMillis + " ms:\n" + output);
            assertTrue(esme.closeFuture().isDone(), "the ESME's session is still open");
            assertTrue(unbindMillis >= 0 && unbindMillis < 5_000, "the ESME got its unbind " + unbindMillis
                    + " ms after SIGTERM (-1: never):\n" + output);
            assertEquals("ready " + MESSAGES + ", in flight 0, deferred 0", atExit, "the held SMS_OUT at nsqd right"
                    + " after the exit");
            assertEquals(MESSAGES, redelivered.size(), "SMS_OUT consumable again within 30 s of the exit:\n"
                    + output);
        }
    }

    private static byte[] body(PrivateGatewayConf conf, int i) {
        return """
                {"smsc_id": "%s", "msg_id": "%s-%d", "sender": "Bank", "receiver": "380991234567",
                 "message": "held %d"}""".formatted(SMSC_ID, conf.prefix(), i, i).getBytes(StandardCharsets.UTF_8);
    }
}
