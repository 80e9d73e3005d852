package io.smppgateway.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * A small program the tests run in a JVM of its own, as the daemon's threads would fail: with
 * {@link FatalErrors} installed, one thread dies of what the first argument names while a
 * non-daemon thread (and the main thread) would keep a half-dead process alive.
 */
final class FatalErrorsChild {

    private FatalErrorsChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("jvm-options")) {
            System.out.println("advice: " + JvmOptions.exitOnOutOfMemoryAdvice().orElse("none"));
            return;
        }
        FatalErrors.install();
        Thread keepsAlive = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "keeps-alive");
        keepsAlive.start();
        Thread failing = new Thread(() -> {
            switch (args[0]) {
                case "stack-overflow" -> recurse(0);
                case "out-of-memory" -> {
                    List<long[]> hoard = new ArrayList<>();
                    while (true) {
                        hoard.add(new long[1 << 20]);
                    }
                }
                default -> throw new IllegalStateException("a bug in a worker");
            }
        }, "worker-1");
        failing.start();
        failing.join();
        Thread.sleep(1_000);
        System.out.println("still running after the worker died");
        System.exit(0);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
