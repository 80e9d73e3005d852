package io.smppgateway.smpp.client;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting on asynchronous outcomes in socket tests, with generous limits. */
public final class Await {

    private static final long LIMIT_SECONDS = 15;

    private Await() {
    }

    /** The future's value, or its failure's cause thrown as is. */
    public static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no outcome within " + LIMIT_SECONDS + " s", e);
        }
    }

    /** Asserts that the future fails with {@code type} and returns that failure. */
    public static <X extends Throwable> X failure(Class<X> type, CompletableFuture<?> future) {
        return assertThrows(type, () -> result(future));
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + LIMIT_SECONDS + " s: " + what);
            }
            pause(10);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
