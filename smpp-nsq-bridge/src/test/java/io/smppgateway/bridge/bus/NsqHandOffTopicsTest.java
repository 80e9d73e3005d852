package io.smppgateway.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NsqHandOffTopicsTest {

    /** Any name nsqd accepts for a topic, with room left for {@code _dead}. */
    private static void assertValidTopic(String topic) {
        assertTrue(topic.matches("[.a-zA-Z0-9_-]{1," + NsqTopicConfig.MAX_TOPIC_LENGTH + "}"), topic);
    }

    @Test
    void aPlainSmscIdGivesAReadableTopic() {
        assertEquals("sms_out_smsc_infobip-direct", NsqHandOffTopics.of("sms_out", "infobip-direct"));
    }

    @Test
    void anSmscIdNsqDoesNotAllowGivesADigestThatStaysOneTopicPerSmsc() {
        String spaced = NsqHandOffTopics.of("sms_out", "my smsc/1");
        assertValidTopic(spaced);
        assertTrue(spaced.startsWith("sms_out_smsc_"), spaced);
        assertEquals(spaced, NsqHandOffTopics.of("sms_out", "my smsc/1"), "the same topic every time");
        assertNotEquals(spaced, NsqHandOffTopics.of("sms_out", "my smsc/2"));
    }

    @Test
    void longNamesStayWithinNsqsLength() {
        String longTopic = "t".repeat(NsqTopicConfig.MAX_TOPIC_LENGTH);
        String handOff = NsqHandOffTopics.of(longTopic, "x".repeat(100));
        assertValidTopic(handOff);
        assertTrue(handOff.startsWith("smpp_smsc_"), handOff);
        assertValidTopic(NsqHandOffTopics.of("sms_out", "y".repeat(100)));
        assertNotEquals(NsqHandOffTopics.of(longTopic, "a"), NsqHandOffTopics.of(longTopic.substring(1) + "u", "a"),
                "the digest covers the SMS_OUT topic too");
    }
}
