package io.smppgateway.smpp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.smpp.server.ConnectionLimits.Admission;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    private final ConnectionLimits limits = new ConnectionLimits(5, 2);

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAddressGetsItsShareAndNoMore() {
        assertEquals(Admission.ADMITTED, limits.admit(ip("10.0.0.1")));
        assertEquals(Admission.ADMITTED, limits.admit(ip("10.0.0.1")));
        assertEquals(Admission.ADDRESS_FULL, limits.admit(ip("10.0.0.1")));
        assertEquals(Admission.ADMITTED, limits.admit(ip("10.0.0.2")));
        assertEquals(3, limits.total());
    }

    @Test
    void theServerTakesNoMoreThanItsTotal() {
        for (int host = 1; host <= 5; host++) {
            assertEquals(Admission.ADMITTED, limits.admit(ip("10.0.0." + host)));
        }
        assertEquals(Admission.SERVER_FULL, limits.admit(ip("10.0.0.9")));
    }

    @Test
    void aClosedConnectionGivesItsPlaceBack() {
        limits.admit(ip("10.0.0.1"));
        limits.admit(ip("10.0.0.1"));
        limits.release(ip("10.0.0.1"));
        assertEquals(1, limits.of(ip("10.0.0.1")));
        assertEquals(Admission.ADMITTED, limits.admit(ip("10.0.0.1")));
    }

    @Test
    void oneIpv6HostCannotTakeMorePlacesByChangingItsAddress() {
        assertEquals(Admission.ADMITTED, limits.admit(ip("2001:db8::1")));
        assertEquals(Admission.ADMITTED, limits.admit(ip("2001:db8::2")));
        assertEquals(Admission.ADDRESS_FULL, limits.admit(ip("2001:db8::3")));
    }

    @Test
    void releasingAnAddressThatHoldsNothingChangesNothing() {
        limits.release(ip("10.0.0.7"));
        assertEquals(0, limits.total());
    }
}
