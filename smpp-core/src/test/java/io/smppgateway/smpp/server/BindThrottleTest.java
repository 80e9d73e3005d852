package io.smppgateway.smpp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BindThrottleTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final BindThrottle throttle = new BindThrottle(new BindThrottle.Policy(2, Duration.ofMillis(100),
            Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofMinutes(15), 3), now::get);

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private void fail(String address, String systemId, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(ip(address), systemId);
        }
    }

    private static long millis(Duration wait) {
        return wait.toMillis();
    }

    @Test
    void theFreeFailuresCostNothing() {
        fail("10.0.0.1", "esme", 2);
        assertEquals(Duration.ZERO, throttle.reserveForAddress(ip("10.0.0.1")));
        assertEquals(Duration.ZERO, throttle.reserveForSystemId("esme", ip("10.0.0.2")));
    }

    @Test
    void turnsAreSpacedByADelayThatDoublesPerFailure() {
        // failures beyond the 2 free ones: 1 -> 100 ms, 2 -> 200 ms, 3 -> 400 ms, 4 -> 800 ms, 5 -> 800 ms
        long[] expectedSpacing = {100, 200, 400, 800, 800};
        for (int beyond = 1; beyond <= expectedSpacing.length; beyond++) {
            BindThrottle fresh = new BindThrottle(new BindThrottle.Policy(2, Duration.ofMillis(100),
                    Duration.ofMillis(800), Duration.ofSeconds(10), Duration.ofMinutes(15), 3), now::get);
            for (int i = 0; i < 2 + beyond; i++) {
                fresh.failed(ip("10.0.0.1"), null);
            }
            assertEquals(0, millis(fresh.reserveForAddress(ip("10.0.0.1"))), "the first turn is now");
            assertEquals(expectedSpacing[beyond - 1], millis(fresh.reserveForAddress(ip("10.0.0.1"))),
                    "spacing after " + beyond + " failures beyond the free ones");
        }
    }

    @Test
    void parallelAttemptsWaitInLineAndOneTooFarAheadIsRefusedAtOnce() {
        fail("10.0.0.1", null, 3); // 100 ms apart
        assertEquals(0, millis(throttle.reserveForAddress(ip("10.0.0.1"))));
        for (int turn = 1; turn <= 20; turn++) {
            assertEquals(100L * turn, millis(throttle.reserveForAddress(ip("10.0.0.1"))));
        }
        assertTrue(throttle.reserveForAddress(ip("10.0.0.1")).isNegative(), "turn 21 is more than 2 s ahead");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(1_100, millis(throttle.reserveForAddress(ip("10.0.0.1"))),
                "a refused attempt took no turn; the line moved on by the second that passed");
    }

    @Test
    void anotherAddressIsNotSlowedByThisOnesFailures() {
        fail("10.0.0.1", null, 10);
        throttle.reserveForAddress(ip("10.0.0.1"));
        assertEquals(Duration.ZERO, throttle.reserveForAddress(ip("10.0.0.2")));
    }

    @Test
    void failuresForASystemIdFromManyAddressesSlowNewAddresses() {
        for (int host = 1; host <= 5; host++) {
            throttle.failed(ip("10.0.1." + host), "esme");
        }
        assertEquals(Duration.ZERO, throttle.reserveForSystemId("esme", ip("10.0.9.9")));
        assertEquals(400, millis(throttle.reserveForSystemId("esme", ip("10.0.9.9"))),
                "5 failures, 3 beyond the free ones: 400 ms apart");
    }

    @Test
    void anAddressTheAccountBoundFromIsNotSlowedByFailuresElsewhere() {
        throttle.succeeded(ip("192.0.2.10"), "esme");
        for (int host = 1; host <= 50; host++) {
            throttle.failed(ip("10.0.1." + host), "esme");
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ZERO, throttle.reserveForSystemId("esme", ip("192.0.2.10")));
        }
    }

    @Test
    void aSuccessDoesNotClearTheAddressesFailures() {
        fail("10.0.0.1", "victim", 6);
        throttle.succeeded(ip("10.0.0.1"), "own-account");
        assertEquals(6, throttle.failuresOf(ip("10.0.0.1")));
    }

    @Test
    void failuresAreForgottenAfterAQuietSpell() {
        fail("10.0.0.1", "esme", 6);
        now.addAndGet(Duration.ofMinutes(15).toNanos());
        assertEquals(0, throttle.failuresOf(ip("10.0.0.1")));
        assertEquals(Duration.ZERO, throttle.reserveForAddress(ip("10.0.0.1")));
        throttle.failed(ip("10.0.0.1"), null);
        assertEquals(1, throttle.failuresOf(ip("10.0.0.1")), "counting starts again from zero");
    }

    @Test
    void anIpv6HostIsCountedByItsSlash64() {
        fail("2001:db8:1:2::1", null, 3);
        fail("2001:db8:1:2:ffff::9", null, 3);
        assertEquals(6, throttle.failuresOf(ip("2001:db8:1:2:abcd::1")));
        assertEquals(0, throttle.failuresOf(ip("2001:db8:1:3::1")));
    }

    @Test
    void atMostMaxKeysAddressesAreRemembered() {
        for (int host = 1; host <= 100; host++) {
            fail("10.0.2." + host, null, 3);
        }
        int remembered = 0;
        for (int host = 1; host <= 100; host++) {
            remembered += throttle.failuresOf(ip("10.0.2." + host)) > 0 ? 1 : 0;
        }
        assertEquals(3, remembered);
        assertEquals(3, throttle.failuresOf(ip("10.0.2.100")), "the most recent are kept");
    }
}
