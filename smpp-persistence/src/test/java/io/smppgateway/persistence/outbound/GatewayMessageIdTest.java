package io.smppgateway.persistence.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayMessageIdTest {

    @Test
    void normaliseLowersCaseAndStripsLeadingZeros() {
        assertEquals("a1b2", GatewayMessageId.normalise("00A1B2"));
        assertEquals("0", GatewayMessageId.normalise("0000"));
        assertEquals("12", GatewayMessageId.normalise(" 012 "));
        assertEquals("655a1b96-f983", GatewayMessageId.normalise("655A1B96-F983"));
    }

    @Test
    void decimalIdGivesItselfItsHexAndItsValueReadAsHex() {
        // 12345 = 0x3039; read as hex, 0x12345 = 74565
        assertEquals(List.of("12345", "3039", "74565"), GatewayMessageId.candidates("0012345"));
    }

    @Test
    void hexIdGivesItselfAndItsDecimal() {
        assertEquals(List.of("3ade68b1", "987654321"), GatewayMessageId.candidates("3ADE68B1"));
    }

    @Test
    void idThatIsNeitherIsLookedUpAsIs() {
        assertEquals(List.of("msg-1x"), GatewayMessageId.candidates("MSG-1x"));
    }

    @Test
    void longNumbersBeyondSixtyFourBitsConvert() {
        // 2^64 = 18446744073709551616 = 0x10000000000000000
        // and read as hex it is 0x18446744073709551616 = 114598615266301018707478
        assertEquals(List.of("18446744073709551616", "10000000000000000", "114598615266301018707478"),
                GatewayMessageId.candidates("18446744073709551616"));
    }

    @Test
    void idsTooLongToConvertAreLookedUpAsIs() {
        String id = "1".repeat(65);
        assertEquals(List.of(id), GatewayMessageId.candidates(id));
    }
}
