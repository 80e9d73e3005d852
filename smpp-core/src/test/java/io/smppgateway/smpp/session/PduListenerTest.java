package io.smppgateway.smpp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PduListenerTest {

    private final List<String> heard = new ArrayList<>();

    private PduListener named(String name) {
        return (session, direction, pdu, octets) -> heard.add(name + " " + direction + " " + octets.length);
    }

    @Test
    void andThenTellsBothInOrderWithTheSameOctets() {
        PduListener both = named("log").andThen(named("counters"));

        both.onPdu(null, PduDirection.RECEIVED, null, new byte[16]);

        assertEquals(List.of("log RECEIVED 16", "counters RECEIVED 16"), heard);
        assertTrue(both.wantsPdus());
    }

    @Test
    void noneOnEitherSideAddsNothing() {
        PduListener log = named("log");

        assertSame(log, log.andThen(PduListener.NONE));
        assertSame(log, PduListener.NONE.andThen(log));
        assertFalse(PduListener.NONE.andThen(PduListener.NONE).wantsPdus());
    }
}
