package io.smppgateway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.runner.config.BusChoice;
import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.SettingsReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples find each topic where the gateway, given the same keys, looks for it. */
class ExampleSettingsTest {

    @TempDir
    Path home;

    @Test
    void eachTopicIsWhereTheGatewayReadsItFromTheSameKeys() {
        Map<String, String> keys = Map.of("NSQ_HOST", "10.0.0.5", "NSQ_PORT", "4250",
                "NSQ_SMS_OUT_TOPIC", "out", "NSQ_DLR_IN_TOPIC", "dlr", "NSQ_SMS_IN_TOPIC", "in",
                "NSQ_DLR_OUT_TOPIC", "dlrout", "NSQ_DLR_IN_HOST", "10.0.0.6", "NSQ_SMS_IN_PORT", "4350");
        ExampleSettings examples = ExampleSettings.from(keys);
        GatewaySettings gateway = new SettingsReader(home, keys, warning -> { }).read(null);
        BusChoice.Nsq bus = (BusChoice.Nsq) gateway.bus();

        assertEquals(topic(bus.of(io.smppgateway.bridge.bus.Topic.SMS_OUT)), examples.smsOut());
        assertEquals(topic(bus.of(io.smppgateway.bridge.bus.Topic.DLR_IN)), examples.dlrIn());
        assertEquals(topic(bus.of(io.smppgateway.bridge.bus.Topic.SMS_IN)), examples.smsIn());
        assertEquals(topic(bus.of(io.smppgateway.bridge.bus.Topic.DLR_OUT)), examples.dlrOut());
        assertEquals(new ExampleSettings.TopicAt(new NsqAddress("10.0.0.6", 4250), "dlr"), examples.dlrIn());
        assertEquals(new ExampleSettings.TopicAt(new NsqAddress("10.0.0.5", 4350), "in"), examples.smsIn());
    }

    @Test
    void withoutKeysTheTopicsAreTheQuickstartsOnTheGatewaysDefaultNsqd() {
        ExampleSettings examples = ExampleSettings.from(Map.of("HTTP_PORT", "8111"));

        NsqAddress nsqd = new NsqAddress(SettingsReader.DEFAULT_NSQ_HOST, SettingsReader.DEFAULT_NSQD_PORT);
        assertEquals(new ExampleSettings.TopicAt(nsqd, "sms_out"), examples.smsOut());
        assertEquals(new ExampleSettings.TopicAt(nsqd, "dlr_in"), examples.dlrIn());
        assertEquals(new ExampleSettings.TopicAt(nsqd, "sms_in"), examples.smsIn());
        assertEquals(new ExampleSettings.TopicAt(nsqd, "dlr_out"), examples.dlrOut());
        assertEquals("http://127.0.0.1:8111", examples.httpBase());
    }

    private static ExampleSettings.TopicAt topic(BusChoice.NsqEndpoint endpoint) {
        return new ExampleSettings.TopicAt(new NsqAddress(endpoint.host(), endpoint.port()), endpoint.topic());
    }
}
