package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.smpp.pdu.Address;
import org.junit.jupiter.api.Test;

class SmscSettingsTest {

    private final SmscSettings auto = new SmscSettings("s", true, true, true, 0, 0, true, 0, 0);
    private final SmscSettings fixed = new SmscSettings("s", true, true, false, 2, 9, false, 4, 8);

    @Test
    void autodetectReadsTheSendersForm() {
        assertEquals(new Address(5, 0, "Mysender"), auto.source("Mysender"));
        assertEquals(new Address(5, 0, "Shop24"), auto.source("Shop24"));
        assertEquals(new Address(3, 0, "12345"), auto.source("12345"));
        assertEquals(new Address(3, 0, "12345678"), auto.source("12345678"));
        assertEquals(new Address(1, 1, "447700900123"), auto.source("447700900123"));
        assertEquals(new Address(1, 1, "12345"), auto.source("+12345"));
    }

    @Test
    void autodetectSendsReceiversAsInternational() {
        assertEquals(new Address(1, 1, "390991234567"), auto.destination("390991234567"));
        assertEquals(new Address(1, 1, "390991234567"), auto.destination("+390991234567"));
    }

    @Test
    void fixedValuesAreUsedAsTheyAre() {
        assertEquals(new Address(2, 9, "Mysender"), fixed.source("Mysender"));
        assertEquals(new Address(4, 8, "390991234567"), fixed.destination("+390991234567"));
    }
}
