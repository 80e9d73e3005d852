package io.smppgateway.bridge.engine;

import java.time.Duration;

/**
 * When the configuration sync reads the gateways and clients tables: at its first tick, whenever
 * the stored {@link io.smppgateway.store.ConfigVersion} differs from the one read before the last
 * applied read, and when that read is {@code fullReadInterval} old (a change written to the tables
 * by hand, or by an instance of a release without the version, does not move it). Between those, a
 * tick costs one one-row read. Times are {@link System#nanoTime()} values. Not thread-safe: the sync's
 * one thread owns it.
 */
final class ConfigReadSchedule {

    private final long fullReadNanos;
    private boolean applied;
    private long appliedVersion;
    private long appliedAt;

    ConfigReadSchedule(Duration fullReadInterval) {
        this.fullReadNanos = fullReadInterval.toNanos();
    }

    /** Whether a tick that read {@code version} at {@code now} reads the tables. */
    boolean readTables(long version, long now) {
        return !applied || version != appliedVersion || now - appliedAt >= fullReadNanos;
    }

    /** The tables were read and applied after {@code version} was read at {@code now}. */
    void applied(long version, long now) {
        applied = true;
        appliedVersion = version;
        appliedAt = now;
    }
}
