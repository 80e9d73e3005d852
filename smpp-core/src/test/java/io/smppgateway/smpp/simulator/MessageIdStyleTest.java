package io.smppgateway.smpp.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdStyleTest {

    @Test
    void decimalAndHexGiveTheSameIdInResponseAndReceipt() {
        assertEquals(new MessageIdStyle.Ids("10000000000", "10000000000"), MessageIdStyle.DECIMAL.ids(10_000_000_000L));
        assertEquals(new MessageIdStyle.Ids("2540BE400", "2540BE400"), MessageIdStyle.HEX.ids(10_000_000_000L));
    }

    @Test
    void hexThenDecimalGivesTheSameNumberInTwoForms() {
        MessageIdStyle.Ids ids = MessageIdStyle.HEX_THEN_DECIMAL.ids(10_000_000_001L);
        assertEquals("2540BE401", ids.response());
        assertEquals("10000000001", ids.receipt());
        assertEquals(Long.parseLong(ids.response(), 16), Long.parseLong(ids.receipt()));
    }

    @Test
    void uuidIdsAreUuidsAndDiffer() {
        MessageIdStyle.Ids first = MessageIdStyle.UUID.ids(1);
        assertEquals(first.response(), first.receipt());
        assertEquals(first.response(), UUID.fromString(first.response()).toString());
        assertNotEquals(first.response(), MessageIdStyle.UUID.ids(1).response());
    }

    @Test
    void namesReadInAnyCase() {
        assertEquals(MessageIdStyle.HEX_THEN_DECIMAL, MessageIdStyle.of("hex-then-decimal"));
        assertEquals(MessageIdStyle.UUID, MessageIdStyle.of(" uuid "));
        assertTrue(MessageIdStyle.DECIMAL.ids(5).response().chars().allMatch(Character::isDigit));
    }
}
