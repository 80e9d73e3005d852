package io.smppgateway.http.engine;

/**
 * One series of the traffic history: a count per step (a step is 10 s) for the last
 * {@code capacity} steps, in a fixed array that is reused round and round, so a series takes
 * {@code 4 * capacity} bytes whatever happens (34,560 bytes for 24 h at 10 s). Steps are numbered
 * from the epoch ({@code unix ms / 10,000}); a step older than the ring holds reads as 0, and
 * the counts of steps the ring moved past without an {@link #add} are 0. Counts saturate at
 * {@link Integer#MAX_VALUE} per step. Not thread-safe: its owner synchronises.
 */
final class StepRing {

    private final int[] counts;
    private long newest = Long.MIN_VALUE;
    private long total;

    StepRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ring holds at least one step");
        }
        counts = new int[capacity];
    }

    /** Moves the ring on to {@code step}, forgetting the steps that fall out of it; never back. */
    void advanceTo(long step) {
        if (newest == Long.MIN_VALUE) {
            newest = step;
            return;
        }
        if (step <= newest) {
            return;
        }
        if (step - newest >= counts.length) {
            java.util.Arrays.fill(counts, 0);
            total = 0;
        } else {
            for (long s = newest + 1; s <= step; s++) {
                int slot = slot(s);
                total -= counts[slot];
                counts[slot] = 0;
            }
        }
        newest = step;
    }

    /**
     * Adds {@code amount} to the count of {@code step}: the newest step moves on to it; a step
     * before the newest that the ring still holds is added to; an older one is dropped.
     */
    void add(long step, long amount) {
        advanceTo(step);
        if (amount <= 0 || step <= newest - counts.length) {
            return;
        }
        int slot = slot(step);
        long sum = Math.min(Integer.MAX_VALUE, (long) counts[slot] + amount);
        total += sum - counts[slot];
        counts[slot] = (int) sum;
    }

    /** The count of {@code step}; 0 for a step the ring does not (or no longer) hold. */
    long get(long step) {
        if (newest == Long.MIN_VALUE || step > newest || step <= newest - counts.length) {
            return 0;
        }
        return counts[slot(step)];
    }

    /** The counts of {@code points} steps of {@code width} steps each, the first starting at {@code fromStep}. */
    long[] sums(long fromStep, int points, int width) {
        long[] sums = new long[points];
        for (int i = 0; i < points; i++) {
            long start = fromStep + (long) i * width;
            for (int j = 0; j < width; j++) {
                sums[i] += get(start + j);
            }
        }
        return sums;
    }

    /** The sum of every count the ring holds: 0 once it has seen nothing for its whole length. */
    long total() {
        return total;
    }

    /** The newest step, or {@link Long#MIN_VALUE} before the first. */
    long newest() {
        return newest;
    }

    int capacity() {
        return counts.length;
    }

    private int slot(long step) {
        return (int) Math.floorMod(step, (long) counts.length);
    }
}
