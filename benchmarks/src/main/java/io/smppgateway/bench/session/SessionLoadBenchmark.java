package io.smppgateway.bench.session;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SMPP session load over loopback: N binds, each with a window of W submit_sm in flight, driven
 * closed-loop (a new submit as soon as one is answered) against a server that answers at once.
 * Reports submits/s, the CPU the whole process spent per submit (client and server are in this
 * JVM; on a shared machine the rate follows the CPU we get, CPU per submit much less), and the
 * p50/p99/max of submit_sm to submit_sm_resp, for our session stack and cloudhopper-smpp's, case
 * by case in one run with the same message and counts.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.smppgateway.bench.session.SessionLoadBenchmark \
 *     [--count 200000] [--warmup 100000] [--windows 1,10,100] [--binds 1] [--senders 1] [--rounds 1]
 *     [--stacks ours,cloudhopper]
 * </pre>
 */
public final class SessionLoadBenchmark {

    /** One measured case. */
    record Result(String stack, int binds, int window, int senders, int count, double seconds, double cpuMicrosPerSubmit,
                  long p50Nanos, long p99Nanos, long maxNanos, long failures) {

        double perSecond() {
            return count / seconds;
        }
    }

    private SessionLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = 200_000;
        int warmup = 100_000;
        int binds = 1;
        int rounds = 1;
        int senders = 1;
        List<Integer> windows = List.of(1, 10, 100);
        List<String> stacks = List.of("ours", "cloudhopper");
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--binds" -> binds = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--senders" -> senders = Integer.parseInt(value);
                case "--windows" -> windows = List.of(value.split(",")).stream().map(Integer::valueOf).toList();
                case "--stacks" -> stacks = List.of(value.split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("load average before: %s; %d CPUs; %s %s%n", loadAverage(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int window : windows) {
                for (String stack : stacks) {
                    Result result = run(stack, binds, window, senders, warmup, count);
                    results.add(result);
                    System.out.println(line(result) + "   (round " + round + ", load " + loadAverage() + ")");
                }
            }
        }
        System.out.printf("load average after: %s%n%n", loadAverage());
        System.out.println("| stack | binds | window | senders/bind | submits | submits/s | CPU us/submit | p50 us | p99 us | max us | failed |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Result result : results) {
            System.out.println(line(result));
        }
    }

    private static String line(Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %,.0f | %.1f | %.0f | %.0f | %.0f | %d |",
                r.stack(), r.binds(), r.window(), r.senders(), r.count(), r.perSecond(), r.cpuMicrosPerSubmit(),
                r.p50Nanos() / 1e3, r.p99Nanos() / 1e3, r.maxNanos() / 1e3, r.failures());
    }

    private static SessionPair open(String stack, int binds, int window) throws Exception {
        return switch (stack) {
            case "ours" -> new GatewaySessionPair(binds, window);
            case "cloudhopper" -> new CloudhopperSessionPair(binds, window);
            default -> throw new IllegalArgumentException("unknown stack " + stack + " (ours, cloudhopper)");
        };
    }

    static Result run(String stack, int binds, int window, int senders, int warmup, int count) throws Exception {
        try (SessionPair pair = open(stack, binds, window)) {
            drive(pair, binds, window, senders, warmup, new LatencyRecorder(0), new AtomicLong());
            System.gc();
            LatencyRecorder latencies = new LatencyRecorder(count);
            AtomicLong failures = new AtomicLong();
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            drive(pair, binds, window, senders, count, latencies, failures);
            long elapsed = System.nanoTime() - start;
            long cpu = processCpuNanos() - cpuBefore;
            long[] sorted = latencies.sorted();
            return new Result(stack, binds, window, senders, count, elapsed / 1e9, cpu / 1e3 / count,
                    LatencyRecorder.percentile(sorted, 0.50), LatencyRecorder.percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1], failures.get());
        }
    }

    /**
     * Sends {@code count} submits spread over the binds, {@code senders} driver threads per bind
     * sharing its window, so that at most {@code window} are unanswered on a bind; returns when every
     * one is answered. More than one sender per bind helps an API that blocks the sending thread
     * (cloudhopper waits for each write to complete); ours returns at once.
     */
    private static void drive(SessionPair pair, int binds, int window, int senders, int count,
                              LatencyRecorder latencies, AtomicLong failures) throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(count);
        List<Thread> drivers = new ArrayList<>();
        int threads = binds * senders;
        List<Semaphore> rooms = new ArrayList<>();
        for (int b = 0; b < binds; b++) {
            rooms.add(new Semaphore(window));
        }
        for (int t = 0; t < threads; t++) {
            int bind = t % binds;
            int share = count / threads + (t < count % threads ? 1 : 0);
            Semaphore room = rooms.get(bind);
            Thread driver = new Thread(() -> {
                try {
                    for (int i = 0; i < share; i++) {
                        room.acquire();
                        long sent = System.nanoTime();
                        pair.submit(bind, status -> {
                            latencies.record(System.nanoTime() - sent);
                            if (status != 0) {
                                failures.incrementAndGet();
                            }
                            room.release();
                            answered.countDown();
                        });
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("driver of bind " + bind + " failed", e);
                }
            }, "load-driver-" + t);
            drivers.add(driver);
            driver.start();
        }
        if (!answered.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not every submit was answered: " + answered.getCount() + " left");
        }
        for (Thread driver : drivers) {
            driver.join();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
