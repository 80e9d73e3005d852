package io.smppgateway.http.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing on the admin login, per client address: the first
 * {@link #FREE_ATTEMPTS} failures cost nothing, then each further failure locks the address out for
 * twice as long as the one before (1 s, 2 s, 4 s ... at most {@link #MAX_LOCK}). A locked-out
 * attempt is answered 429 at once, without checking the password and without holding a thread. A
 * success clears the address. Remembers at most {@link #MAX_ADDRESSES} addresses (least recently
 * failing forgotten first).
 */
public final class LoginThrottle {

    public static final int FREE_ATTEMPTS = 3;
    public static final Duration MAX_LOCK = Duration.ofMinutes(5);
    public static final int MAX_ADDRESSES = 10_000;

    private final LongSupplier nanoTime;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public LoginThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How long the address must still wait before it may try again; empty when it may try now. */
    public synchronized Optional<Duration> lockedFor(String address) {
        Failures failures = byAddress.get(address);
        if (failures == null) {
            return Optional.empty();
        }
        long left = failures.lockedUntil - nanoTime.getAsLong();
        return left > 0 ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
    }

    /** Records a failed login and returns the lock-out it now has (zero while attempts are free). */
    public synchronized Duration failed(String address) {
        Failures failures = byAddress.computeIfAbsent(address, key -> new Failures());
        failures.count++;
        if (failures.count <= FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count - FREE_ATTEMPTS - 1, 20);
        Duration lock = Duration.ofSeconds(1L << doublings);
        if (lock.compareTo(MAX_LOCK) > 0) {
            lock = MAX_LOCK;
        }
        failures.lockedUntil = nanoTime.getAsLong() + lock.toNanos();
        return lock;
    }

    public synchronized void succeeded(String address) {
        byAddress.remove(address);
    }

    private static final class Failures {
        int count;
        long lockedUntil;
    }
}
