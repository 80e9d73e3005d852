package io.smppgateway.smpp.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smppgateway.smpp.receipt.FinalStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptOutcomesTest {

    @Test
    void drawsFallIntoTheWeightsLaidEndToEndInStatusOrder() {
        ReceiptOutcomes mix = ReceiptOutcomes.parse("DELIVRD=90,UNDELIV=5,REJECTD=5");
        assertEquals(FinalStatus.DELIVERED, mix.pick(0.0));
        assertEquals(FinalStatus.DELIVERED, mix.pick(0.8999));
        assertEquals(FinalStatus.UNDELIVERED, mix.pick(0.90));
        assertEquals(FinalStatus.UNDELIVERED, mix.pick(0.9499));
        assertEquals(FinalStatus.REJECTED, mix.pick(0.95));
        assertEquals(FinalStatus.REJECTED, mix.pick(0.99999));
    }

    @Test
    void parseAcceptsStatWordsAndStatusNamesAndAddsRepeats() {
        ReceiptOutcomes mix = ReceiptOutcomes.parse(" delivered=1, EXPIRED = 2 ,UNKNOWN=3,expired=1");
        assertEquals(Map.of(FinalStatus.DELIVERED, 1, FinalStatus.EXPIRED, 3, FinalStatus.UNKNOWN, 3), mix.weights());
    }

    @Test
    void defaultsAreNinetyFiveFive() {
        assertEquals(ReceiptOutcomes.parse("DELIVRD=90,UNDELIV=5,REJECTD=5"), ReceiptOutcomes.defaults());
    }

    @Test
    void zeroWeightsNeverComeUp() {
        ReceiptOutcomes mix = ReceiptOutcomes.parse("DELIVRD=0,REJECTD=1");
        assertEquals(FinalStatus.REJECTED, mix.pick(0.0));
        assertEquals(FinalStatus.REJECTED, mix.pick(0.5));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReceiptOutcomes.parse("DELIVRD"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptOutcomes.parse("ENROUTE=5"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptOutcomes.parse("DELIVRD=x"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptOutcomes.parse("DELIVRD=0"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptOutcomes.parse("DELIVRD=-1,REJECTD=2"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptOutcomes.always(FinalStatus.DELIVERED).pick(1.0));
    }
}
