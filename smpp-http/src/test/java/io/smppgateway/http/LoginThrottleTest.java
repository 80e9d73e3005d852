package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.http.auth.AdminSession;
import io.smppgateway.http.auth.AdminSessions;
import io.smppgateway.http.auth.LoginThrottle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The login lock-out and session expiry, on a clock the test moves. */
class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void freeAttemptsThenDoublingLockOuts() {
        LoginThrottle throttle = new LoginThrottle(now::get);
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertEquals(Duration.ZERO, throttle.failed("10.0.0.1"));
            assertEquals(Optional.empty(), throttle.lockedFor("10.0.0.1"));
        }
        assertEquals(Duration.ofSeconds(1), throttle.failed("10.0.0.1"));
        assertTrue(throttle.lockedFor("10.0.0.1").isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor("10.0.0.2"), "other addresses are not affected");
        advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), throttle.lockedFor("10.0.0.1"));
        assertEquals(Duration.ofSeconds(2), throttle.failed("10.0.0.1"));
        advance(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(4), throttle.failed("10.0.0.1"));
    }

    @Test
    void theLockOutIsCappedAndASuccessClearsIt() {
        LoginThrottle throttle = new LoginThrottle(now::get);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            last = throttle.failed("10.0.0.1");
        }
        assertEquals(LoginThrottle.MAX_LOCK, last);
        throttle.succeeded("10.0.0.1");
        assertEquals(Optional.empty(), throttle.lockedFor("10.0.0.1"));
        assertEquals(Duration.ZERO, throttle.failed("10.0.0.1"));
    }

    @Test
    void sessionsExpireWhenIdleAndStayAliveWhenUsed() {
        AdminSessions sessions = new AdminSessions(Duration.ofMinutes(30), now::get);
        AdminSession session = sessions.create("admin");
        advance(Duration.ofMinutes(29));
        assertEquals(Optional.of(session), sessions.find(session.id()));
        advance(Duration.ofMinutes(29));
        assertEquals(Optional.of(session), sessions.find(session.id()), "use restarts the idle time");
        advance(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), sessions.find(session.id()));
        assertEquals(Optional.empty(), sessions.find("made-up"));
    }

    @Test
    void sessionsAreBounded() {
        AdminSessions sessions = new AdminSessions(Duration.ofMinutes(30), now::get);
        AdminSession first = sessions.create("admin");
        for (int i = 0; i < AdminSessions.MAX_SESSIONS; i++) {
            sessions.create("admin");
        }
        assertEquals(AdminSessions.MAX_SESSIONS, sessions.size());
        assertEquals(Optional.empty(), sessions.find(first.id()), "the least recently used one made room");
    }
}
