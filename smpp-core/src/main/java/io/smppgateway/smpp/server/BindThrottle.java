package io.smppgateway.smpp.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Slows password guessing on the SMPP port. Every failed bind is counted against the address it
 * came from (an IPv6 address by its /64, which one host usually holds whole) and against the
 * system_id it named. After a few free failures each further bind attempt from that address, or
 * for that system_id, waits its turn: turns are spaced by a delay that doubles with each failure,
 * up to a ceiling, however many connections the guesser opens in parallel. Counts are forgotten
 * once a key has been quiet for a while.
 *
 * <p>The wait is decided before the password is looked at and applies to right and wrong
 * passwords alike, so the time to answer says nothing about the password. An attacker cannot lock
 * an ESME out: the system_id's count does not slow an address that has bound as that system_id
 * before (its known addresses), and no count ever refuses a bind, it only spaces attempts.
 *
 * <p>Memory is bounded: at most {@code maxKeys} addresses and system_ids are tracked each, the
 * least recently failed forgotten first. Thread-safe.
 */
public final class BindThrottle {

    /** The answer of a reservation whose turn is too far ahead: refuse the attempt at once. */
    public static final Duration BUSY = Duration.ofNanos(-1);

    /**
     * The defaults: 3 free failures, then turns 250 ms apart doubling to 8 s, at most 10 s of
     * waiting, forgotten after 15 quiet minutes.
     */
    public static BindThrottle defaults() {
        return new BindThrottle(Policy.defaults(), System::nanoTime);
    }

    /**
     * @param freeFailures failures of one key before attempts are spaced
     * @param firstDelay   the spacing after the first failure beyond the free ones
     * @param maxDelay     the largest spacing
     * @param maxWait      the longest an attempt waits for its turn; beyond, it is refused at once
     * @param forgetAfter  a key without failures this long starts again from zero
     * @param maxKeys      most addresses, and most system_ids, tracked
     */
    public record Policy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration maxWait,
                         Duration forgetAfter, int maxKeys) {

        public Policy {
            if (freeFailures < 0 || maxKeys < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                    || maxWait.isNegative()) {
                throw new IllegalArgumentException("invalid bind throttle policy");
            }
        }

        /** 3 free failures, then 250 ms doubling to 8 s, at most 10 s of waiting, 15 quiet minutes. */
        public static Policy defaults() {
            return new Policy(3, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(10),
                    Duration.ofMinutes(15), 50_000);
        }

        long delayNanos(int failures) {
            int beyond = failures - freeFailures;
            if (beyond <= 0) {
                return 0;
            }
            long delay = firstDelay.toNanos() << Math.min(beyond - 1, 20);
            return Math.min(delay, maxDelay.toNanos());
        }
    }

    /** One address's or system_id's failures and the next free turn. */
    private static final class Record {
        int failures;
        long lastFailureNanos;
        long nextTurnNanos;
    }

    private final Policy policy;
    private final LongSupplier nanoTime;
    private final Map<String, Record> byAddress;
    private final Map<String, Record> bySystemId;
    private final Map<String, Set<String>> knownAddresses;

    public BindThrottle(Policy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.nanoTime = nanoTime;
        this.byAddress = bounded(policy.maxKeys());
        this.bySystemId = bounded(policy.maxKeys());
        this.knownAddresses = bounded(policy.maxKeys());
    }

    private static <V> Map<String, V> bounded(int maxKeys) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * Takes the address's next turn for a bind attempt, before anything is looked up.
     *
     * @return how long the attempt must wait before it is decided, or {@link #BUSY} when the
     *         address's turns are taken further ahead than {@link Policy#maxWait()}: the attempt is
     *         then refused without being decided, and takes no turn
     */
    public synchronized Duration reserveForAddress(InetAddress address) {
        return reserve(byAddress.get(keyOf(address)), nanoTime.getAsLong());
    }

    /**
     * Takes the system_id's next turn, for an attempt from an address that has not bound as it
     * before; an attempt from a known address does not wait.
     *
     * @return the wait, as for {@link #reserveForAddress}
     */
    public synchronized Duration reserveForSystemId(String systemId, InetAddress address) {
        if (isKnown(systemId, keyOf(address))) {
            return Duration.ZERO;
        }
        return reserve(bySystemId.get(systemId), nanoTime.getAsLong());
    }

    private Duration reserve(Record record, long now) {
        if (record == null || forgotten(record, now)) {
            return Duration.ZERO;
        }
        long delay = policy.delayNanos(record.failures);
        if (delay == 0) {
            return Duration.ZERO;
        }
        long turn = Math.max(now, record.nextTurnNanos);
        if (turn - now > policy.maxWait().toNanos()) {
            return BUSY;
        }
        record.nextTurnNanos = turn + delay;
        return Duration.ofNanos(turn - now);
    }

    private boolean forgotten(Record record, long now) {
        return now - record.lastFailureNanos >= policy.forgetAfter().toNanos();
    }

    /** A bind from {@code address} naming {@code systemId} (null: no account's) was refused. */
    public synchronized void failed(InetAddress address, String systemId) {
        long now = nanoTime.getAsLong();
        count(byAddress, keyOf(address), now);
        if (systemId != null) {
            count(bySystemId, systemId, now);
        }
    }

    private void count(Map<String, Record> records, String key, long now) {
        Record record = records.computeIfAbsent(key, k -> new Record());
        if (forgotten(record, now)) {
            record.failures = 0;
            record.nextTurnNanos = now;
        }
        record.failures++;
        record.lastFailureNanos = now;
    }

    /**
     * A bind succeeded: the address becomes one of the system_id's known addresses, whose binds the
     * system_id's failures do not slow. The address's own failures stay: a guesser holding one
     * valid account must not be able to clear them with it.
     */
    public synchronized void succeeded(InetAddress address, String systemId) {
        knownAddresses.computeIfAbsent(systemId, id -> new java.util.HashSet<>()).add(keyOf(address));
        Set<String> known = knownAddresses.get(systemId);
        if (known.size() > 64) {
            known.clear(); // an account bound from very many places: keep a bounded, fresh set
            known.add(keyOf(address));
        }
    }

    private boolean isKnown(String systemId, String addressKey) {
        Set<String> known = knownAddresses.get(systemId);
        return known != null && known.contains(addressKey);
    }

    /** Failures counted for an address's key now (0 when forgotten). */
    synchronized int failuresOf(InetAddress address) {
        Record record = byAddress.get(keyOf(address));
        return record == null || forgotten(record, nanoTime.getAsLong()) ? 0 : record.failures;
    }

    /** An IPv4 address as itself, an IPv6 address by its /64. */
    static String keyOf(InetAddress address) {
        if (address == null) {
            return "?";
        }
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 8);
            StringBuilder key = new StringBuilder(24);
            for (int i = 0; i < prefix.length; i += 2) {
                key.append(Integer.toHexString(((prefix[i] & 0xff) << 8) | (prefix[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        }
        return address.getHostAddress();
    }
}
