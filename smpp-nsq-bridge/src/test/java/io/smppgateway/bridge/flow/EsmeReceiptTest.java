package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.receipt.FinalStatus;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EsmeReceiptTest {

    @Test
    void theTextKeepsToCharactersGsm7AndAsciiWriteAlike() {
        assertEquals("a?b?c? ok!", EsmeReceipt.safeText("a@b_c$ ok!"));
        assertEquals("??? 1", EsmeReceipt.safeText("Жук 1"));
    }

    @Test
    void theReceiptSwapsTheAddressesAndDatesTheSubmitAndTheReport() {
        IssuedMessage issued = new IssuedMessage("id-1", 7, 1_721_980_552_913L, "Mysender", 5, 0, "390991234567", 1, 1,
                1, 0, 1, "I am test SMS messag");
        DeliverSm receipt = EsmeReceipt.of(issued, FinalStatus.EXPIRED, 12, 1_721_980_612_913L, ZoneOffset.UTC);
        assertEquals("390991234567", receipt.source().address());
        assertEquals("Mysender", receipt.destination().address());
        assertEquals("id:id-1 sub:001 dlvrd:000 submit date:2407260755 done date:2407260756 stat:EXPIRED err:012"
                + " text:I am test SMS messag", new String(receipt.shortMessage().toByteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void registeredDeliveryDecidesWhichReceiptsAreSent() {
        assertFalse(EsmeReceipt.requested(0, FinalStatus.DELIVERED));
        assertTrue(EsmeReceipt.requested(1, FinalStatus.DELIVERED));
        assertTrue(EsmeReceipt.requested(1, FinalStatus.UNDELIVERED));
        assertFalse(EsmeReceipt.requested(2, FinalStatus.DELIVERED));
        assertTrue(EsmeReceipt.requested(2, FinalStatus.REJECTED));
        assertTrue(EsmeReceipt.requested(3, FinalStatus.DELIVERED));
        assertFalse(EsmeReceipt.requested(3, FinalStatus.EXPIRED));
        assertTrue(EsmeReceipt.requested(0x11, FinalStatus.DELIVERED), "only bits 0-1 ask for an SMSC receipt");
    }
}
