package io.smppgateway.bridge.flow;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome, with a generous limit so that a slow shared machine does not fail the test. */
final class Await {

    static final Duration LIMIT = Duration.ofSeconds(30);

    private Await() {
    }

    static <T> T until(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + LIMIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
