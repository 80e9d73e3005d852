package io.smppgateway.persistence.bench;

import io.smppgateway.persistence.Database;
import io.smppgateway.persistence.Engine;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.persistence.StoreOptions;
import io.smppgateway.persistence.TestLocation;
import io.smppgateway.store.WriteStats;
import io.smppgateway.store.outbound.TrackedSegment;
import io.smppgateway.store.outbound.OutboundTracking;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the outbound message path on a real database: for each segment, look it up as a
 * redelivered SMS_OUT would be, record it sent with a hex gateway id, find it from a receipt that
 * gives the id in decimal, and set its final status, with many segments in flight as a busy gateway has. Prints segments per second
 * through the whole path. Not a test: run it by hand (see docs/persistence.md).
 *
 * <p>Arguments: {@code [engine=MARIADB|EMBEDDED] [segments=200000] [inFlight=20000] [lanes=2] [maxBatch=1000]
 * [rounds=1]}: after a warm-up of up to 20,000 segments, {@code rounds} measured runs of {@code segments}
 * each in the same JVM and database (the JIT compiler is still busy during the first).
 * MARIADB uses the SMPP_TEST_MYSQL_* variables and a fresh database that is dropped afterwards.
 *
 * <p>On a shared machine segments/s follow the share of the cores the run got, so the measured
 * part also reports the CPU it cost: this JVM's (all threads, GC and JIT included) and, with
 * {@code -Dbench.serverPid=<pid of mariadbd>} on the same machine, the database server's, both from
 * the start to the end of the measured run, per segment; and the load average before and after.
 */
public final class MessagePathBenchmark {

    /** System properties with this prefix are passed to Connector/J, e.g. {@code -Dbench.driver.useServerPrepStmts=true}. */
    private static final String DRIVER_PROPERTY = "bench.driver.";

    private MessagePathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.valueOf(arg(args, 0, "MARIADB"));
        int segments = Integer.parseInt(arg(args, 1, "200000"));
        int inFlight = Integer.parseInt(arg(args, 2, "20000"));
        int lanes = Integer.parseInt(arg(args, 3, "2"));
        int maxBatch = Integer.parseInt(arg(args, 4, "1000"));
        int rounds = Integer.parseInt(arg(args, 5, "1"));
        StoreOptions options = StoreOptions.defaults().withWriterLanes(lanes).withMaxBatch(maxBatch)
                .withLaneCapacity(Math.max(20_000, inFlight * 2));
        Map<String, String> driverProperties = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(DRIVER_PROPERTY))
                .forEach(name -> driverProperties.put(name.substring(DRIVER_PROPERTY.length()), System.getProperty(name)));
        if (!driverProperties.isEmpty()) {
            System.out.println("driver properties: " + driverProperties);
        }
        try (TestLocation location = TestLocation.create(engine);
             Database database = location.open(options, driverProperties)) {
            String experiment = System.getProperty("bench.sql");
            if (experiment != null && engine == Engine.MARIADB) {
                // schema experiments (e.g. an index dropped), never part of a reported configuration unless said
                try (var connection = java.sql.DriverManager.getConnection("jdbc:mysql://"
                        + System.getenv("SMPP_TEST_MYSQL_HOST") + ":" + System.getenv("SMPP_TEST_MYSQL_PORT") + "/"
                        + location.mysqlDatabase(), System.getenv("SMPP_TEST_MYSQL_USER"),
                        System.getenv("SMPP_TEST_MYSQL_PASSWORD")); var statement = connection.createStatement()) {
                    for (String sql : experiment.split(";")) {
                        System.out.println("experiment: " + sql);
                        statement.execute(sql);
                    }
                }
            }
            OutboundTracking tracking = database.outbound();
            run(tracking, 0, Math.min(20_000, segments), inFlight);
            for (int round = 1; round <= rounds; round++) {
                String loadBefore = loadAverage();
                Map<String, Long> threadCpuBefore = threadCpuNanos();
                long clientCpuBefore = clientCpuNanos();
                long serverCpuBefore = serverCpuNanos();
                WriteStats before = database.writeStats();
                long elapsed = run(tracking, round, segments, inFlight);
                WriteStats after = database.writeStats();
                long clientCpu = clientCpuNanos() - clientCpuBefore;
                Map<String, Long> threadCpu = threadCpuNanos();
                threadCpuBefore.forEach((group, nanos) -> threadCpu.merge(group, -nanos, Long::sum));
                long serverCpu = serverCpuBefore < 0 ? -1 : serverCpuNanos() - serverCpuBefore;
                long writes = after.writes() - before.writes();
                long transactions = after.transactions() - before.transactions();
                System.out.printf("%s round %d: %d segments, %d in flight, %d lanes, max batch %d: %.1f s, %,.0f"
                                + " segments/s through check+record sent+receipt lookup+final (%d transactions, %.0f operations"
                                + " each)%n", engine, round, segments, inFlight, lanes, maxBatch, elapsed / 1e9,
                        segments / (elapsed / 1e9), transactions, transactions == 0 ? 0.0 : (double) writes / transactions);
                System.out.printf("  cpu: client %.1f s (%.0f us/segment), server %s; load average %s -> %s%n",
                        clientCpu / 1e9, clientCpu / 1e3 / segments,
                        serverCpu < 0 ? "not measured (-Dbench.serverPid)"
                                : String.format("%.1f s (%.0f us/segment)", serverCpu / 1e9, serverCpu / 1e3 / segments),
                        loadBefore, loadAverage());
                StringBuilder groups = new StringBuilder();
                for (Map.Entry<String, Long> group : threadCpu.entrySet()) {
                    if (group.getValue() >= segments * 1_000L) { // 1 us per segment or more
                        groups.append(String.format(" %s %.0f,", group.getKey(), group.getValue() / 1e3 / segments));
                    }
                }
                System.out.printf("  client cpu us/segment by thread:%s%n", groups);
            }
        }
    }

    /** Runs {@code count} segments through the path; returns the nanoseconds it took. */
    private static long run(OutboundTracking tracking, int round, int count, int inFlight) throws InterruptedException {
        String phase = round == 0 ? "warm-up" : "round-" + round;
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong failures = new AtomicLong();
        String smsc = "bench";
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            window.acquire();
            String msgId = phase + "-" + i;
            long number = 10_000_000_000L + i + round * 1_000_000_000L;
            String hexId = Long.toHexString(number).toUpperCase();
            String decimalId = Long.toString(number);
            long now = System.currentTimeMillis();
            tracking.find(msgId, 1)
                    .thenCompose(none -> tracking.record(new TrackedSegment(msgId, smsc, 1, 1, 0, 0,
                            MessageStatus.SENT, 0, hexId, now, now, now, 0)))
                    .thenCompose(sent -> tracking.findByGatewayId(smsc, decimalId))
                    .thenCompose(found -> tracking.markFinal(found.orElseThrow().msgId(), 1, MessageStatus.DELIVERED, 0, now))
                    .whenComplete((finalSet, error) -> {
                        if (error != null || !finalSet) {
                            failures.incrementAndGet();
                        }
                        window.release();
                        done.countDown();
                    });
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        if (failures.get() > 0) {
            throw new IllegalStateException(phase + ": " + failures.get() + " segments failed the path");
        }
        return elapsed;
    }

    /**
     * CPU time of this JVM's threads (GC and JIT threads too) from /proc/self/task, summed by name
     * with the thread's number removed (the kernel keeps the first 15 characters of a name).
     */
    private static Map<String, Long> threadCpuNanos() throws IOException {
        Map<String, Long> byGroup = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    byGroup.merge(name.replaceAll("[-:#]?\\d+$", ""), ticksToNanos(stat), Long::sum);
                } catch (IOException ended) {
                    // the thread ended while we read
                }
            }
        }
        return byGroup;
    }

    private static long ticksToNanos(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of the process named by bench.serverPid, from /proc; -1 when none is named. */
    private static long serverCpuNanos() throws IOException {
        String pid = System.getProperty("bench.serverPid");
        if (pid == null) {
            return -1;
        }
        return ticksToNanos(Files.readString(Path.of("/proc", pid, "stat")));
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }
}
