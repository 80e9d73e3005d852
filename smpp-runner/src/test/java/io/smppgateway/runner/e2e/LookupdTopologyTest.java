package io.smppgateway.runner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.bridge.bus.NsqMessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import io.smppgateway.runner.daemon.GatewayDaemon;
import io.smppgateway.runner.e2e.CloudhopperSmsc.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NSQ's "nsqd beside every producer" topology with the daemon: one nsqlookupd, two nsqd registered
 * with it, the daemon's keys naming the first nsqd and the nsqlookupd. The application publishes
 * SMS_OUT to both nsqd; the daemon submits both to the SMSC, and publishes each one's DLR_IN to
 * the nsqd its keys name.
 */
class LookupdTopologyTest {

    private static final String SMSC_ID = "lookupd-smsc";
    private static final String CHANNEL = "smpp-gateway";

    @Test
    void smsOutPublishedToEitherNsqdIsSentAndReportedOnTheInstancesOwnNsqd(@TempDir Path home) throws Exception {
        Path lookupdFolder = Files.createDirectories(home.resolve("nsqlookupd"));
        Path ownFolder = Files.createDirectories(home.resolve("nsqd-own"));
        Path otherFolder = Files.createDirectories(home.resolve("nsqd-other"));
        try (PrivateNsqlookupd lookupd = PrivateNsqlookupd.start(lookupdFolder);
             PrivateNsqd own = PrivateNsqd.registeredWith(ownFolder, lookupd.tcpPort());
             PrivateNsqd other = PrivateNsqd.registeredWith(otherFolder, lookupd.tcpPort())) {
            PrivateGatewayConf conf = PrivateGatewayConf.create("lk", "127.0.0.1", own.tcpPort())
                    .withKey("NSQ_LOOKUPD_HTTP_ADDRESSES", lookupd.httpAddress())
                    .withKey("NSQ_LOOKUPD_POLL_SECONDS", "1");
            String smsOut = conf.topic(Topic.SMS_OUT);
            // The other nsqd holds SMS_OUT already (an application beside it published there first).
            other.createChannel(smsOut, CHANNEL);
            Awaiting.until(() -> lookupd.lookup(smsOut).contains("\"tcp_port\":" + other.tcpPort()),
                    () -> "nsqlookupd lists " + lookupd.lookup(smsOut));
            TestServices.createDatabase(conf.database());
            try (CloudhopperSmsc smsc = CloudhopperSmsc.start("gw", "pw", receiver -> Outcome.delivered());
                 GatewayDaemon daemon = GatewayDaemon.start(conf.settings(home));
                 NsqMessageBus application = new NsqMessageBus(conf.applicationBus());
                 DlrInRecorder dlrIn = DlrInRecorder.start(application);
                 NsqProducer toOwn = NsqProducer.start(NsqProducerConfig.defaults(
                         List.of(new NsqAddress("127.0.0.1", own.tcpPort()))));
                 NsqProducer toOther = NsqProducer.start(NsqProducerConfig.defaults(
                         List.of(new NsqAddress("127.0.0.1", other.tcpPort()))))) {
                new GatewayRestApi(conf.restBase(), conf.apiToken()).createGateway("""
                        {"smsc_id": "%s", "host": "127.0.0.1", "port": %d, "username": "gw", "password": "pw",
                         "system_type": "", "enq_interval": 30, "src_autodetect": true, "dst_autodetect": true,
                         "tx_binds": 0, "rx_binds": 0, "trx_binds": 1, "window_size": 10, "smpp_version": "3.4",
                         "is_gsm7": true, "is_secure": false, "enabled": true}""".formatted(SMSC_ID, smsc.port()));
                Awaiting.until(smsc::hasReceiverBound, () -> "the gateway did not bind to the SMSC");

                String viaOwn = conf.prefix() + "-own";
                String viaOther = conf.prefix() + "-other";
                toOwn.publish(smsOut, body(viaOwn, "through the instance's own nsqd")).get(30, TimeUnit.SECONDS);
                toOther.publish(smsOut, body(viaOther, "through the other nsqd")).get(30, TimeUnit.SECONDS);

                // DLR_IN is read from the instance's own nsqd only: both events there say it published there.
                assertEquals("delivered", dlrIn.awaitFinal(viaOwn).get("status").getAsString());
                assertEquals("delivered", dlrIn.awaitFinal(viaOther).get("status").getAsString());
                assertEquals(1, (int) smsc.submitsByText().get("through the instance's own nsqd"));
                assertEquals(1, (int) smsc.submitsByText().get("through the other nsqd"));
                Awaiting.until(() -> other.unfinished(smsOut, CHANNEL) == 0, () -> "the other nsqd still holds "
                        + other.unfinished(smsOut, CHANNEL) + " SMS_OUT");
            } finally {
                TestServices.dropDatabase(conf.database());
            }
        }
    }

    private static byte[] body(String msgId, String text) {
        return """
                {"smsc_id": "%s", "msg_id": "%s", "sender": "Bank", "receiver": "380991234567", "message": "%s"}"""
                .formatted(SMSC_ID, msgId, text).getBytes(StandardCharsets.UTF_8);
    }
}
