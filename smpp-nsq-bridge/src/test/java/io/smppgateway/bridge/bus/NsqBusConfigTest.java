package io.smppgateway.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NsqBusConfigTest {

    private static Map<String, String> manualKeys() {
        Map<String, String> keys = new HashMap<>();
        for (String topic : new String[] {"SMS_OUT", "DLR_IN", "SMS_IN", "DLR_OUT"}) {
            keys.put("NSQ_" + topic + "_HOST", "10.0.0." + topic.length());
            keys.put("NSQ_" + topic + "_PORT", "4150");
            keys.put("NSQ_" + topic + "_TOPIC", topic.toLowerCase());
        }
        return keys;
    }

    @Test
    void readsTheManualsKeys() {
        NsqBusConfig config = NsqBusConfig.fromKeys(manualKeys()::get);
        assertEquals(new NsqTopicConfig("10.0.0.7", 4150, "sms_out"), config.topic(Topic.SMS_OUT));
        assertEquals("dlr_out_dead", config.topic(Topic.DLR_OUT).deadLetterTopic());
    }

    @Test
    void aMissingHostIsLocalhost() {
        Map<String, String> keys = manualKeys();
        keys.remove("NSQ_DLR_IN_HOST");
        assertEquals("localhost", NsqBusConfig.fromKeys(keys::get).topic(Topic.DLR_IN).host());
    }

    @Test
    void everyMissingOrBadKeyIsNamedAtOnce() {
        Map<String, String> keys = manualKeys();
        keys.remove("NSQ_SMS_IN_TOPIC");
        keys.put("NSQ_DLR_OUT_PORT", "four");
        keys.put("NSQ_SMS_OUT_TOPIC", "bad topic!");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NsqBusConfig.fromKeys(keys::get));
        assertTrue(e.getMessage().contains("NSQ_SMS_IN_TOPIC is required"), e.getMessage());
        assertTrue(e.getMessage().contains("NSQ_DLR_OUT_PORT must be a number"), e.getMessage());
        assertTrue(e.getMessage().contains("NSQ_SMS_OUT_"), e.getMessage());
    }

    @Test
    void consumersAskForATenSecondMsgTimeoutWithinWhatNsqdAccepts() {
        NsqBusConfig config = NsqBusConfig.fromKeys(manualKeys()::get);
        assertEquals(java.time.Duration.ofSeconds(10), config.msgTimeout());
        assertEquals(NsqLookupd.none(), config.lookupd());
        assertThrows(IllegalArgumentException.class, () -> config.withMsgTimeout(java.time.Duration.ofMillis(999)));
        assertThrows(IllegalArgumentException.class, () -> config.withMsgTimeout(java.time.Duration.ofMinutes(16)));
        assertEquals(java.time.Duration.ofMinutes(15), config.withMsgTimeout(java.time.Duration.ofMinutes(15))
                .msgTimeout());
    }
}
