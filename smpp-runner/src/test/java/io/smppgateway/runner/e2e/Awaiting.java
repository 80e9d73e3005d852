package io.smppgateway.runner.e2e;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for an asynchronous outcome with a generous deadline (the machine is shared, so nothing
 * here measures time): the condition is polled, and the failure says what was seen instead.
 */
public final class Awaiting {

    /** Long enough for a loaded two-core machine; an outcome that never comes still fails. */
    public static final long DEFAULT_SECONDS = 60;

    private Awaiting() {
    }

    public static void until(BooleanSupplier condition, Supplier<String> seenInstead) {
        until(DEFAULT_SECONDS, condition, seenInstead);
    }

    public static void until(long seconds, BooleanSupplier condition, Supplier<String> seenInstead) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + seenInstead.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + seenInstead.get(), e);
            }
        }
    }
}
