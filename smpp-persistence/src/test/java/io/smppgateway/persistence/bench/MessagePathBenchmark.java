package io.smppgateway.persistence.bench;

import io.smppgateway.persistence.Database;
import io.smppgateway.persistence.Engine;
import io.smppgateway.persistence.MessageStatus;
import io.smppgateway.persistence.StoreOptions;
import io.smppgateway.persistence.TestLocation;
import io.smppgateway.persistence.WriteStats;
import io.smppgateway.persistence.outbound.OutboundSegment;
import io.smppgateway.persistence.outbound.OutboundTracking;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the outbound message path on a real database: for each segment, accept it, mark
 * it sent with a hex gateway id, find it from a receipt that gives the id in decimal, and set its
 * final status, with many segments in flight as a busy gateway has. Prints segments per second
 * through the whole path. Not a test: run it by hand (see docs/persistence.md).
 *
 * <p>Arguments: {@code [engine=MARIADB|EMBEDDED] [segments=200000] [inFlight=20000] [lanes=2] [maxBatch=1000]}.
 * MARIADB uses the SMPP_TEST_MYSQL_* variables and a fresh database that is dropped afterwards.
 */
public final class MessagePathBenchmark {

    private MessagePathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.valueOf(arg(args, 0, "MARIADB"));
        int segments = Integer.parseInt(arg(args, 1, "200000"));
        int inFlight = Integer.parseInt(arg(args, 2, "20000"));
        int lanes = Integer.parseInt(arg(args, 3, "2"));
        int maxBatch = Integer.parseInt(arg(args, 4, "1000"));
        StoreOptions options = StoreOptions.defaults().withWriterLanes(lanes).withMaxBatch(maxBatch)
                .withLaneCapacity(Math.max(20_000, inFlight * 2));
        try (TestLocation location = TestLocation.create(engine); Database database = location.open(options)) {
            OutboundTracking tracking = database.outbound();
            run(tracking, "warm-up", Math.min(20_000, segments), inFlight);
            WriteStats before = database.writeStats();
            long elapsed = run(tracking, "run", segments, inFlight);
            WriteStats after = database.writeStats();
            long writes = after.writes() - before.writes();
            long transactions = after.transactions() - before.transactions();
            System.out.printf("%s: %d segments, %d in flight, %d lanes, max batch %d: %.1f s, %,.0f segments/s"
                            + " through accept+sent+receipt lookup+final (%d transactions, %.0f operations each)%n",
                    engine, segments, inFlight, lanes, maxBatch, elapsed / 1e9, segments / (elapsed / 1e9),
                    transactions, transactions == 0 ? 0.0 : (double) writes / transactions);
        }
    }

    /** Runs {@code count} segments through the path; returns the nanoseconds it took. */
    private static long run(OutboundTracking tracking, String phase, int count, int inFlight) throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong failures = new AtomicLong();
        String smsc = "bench";
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            window.acquire();
            String msgId = phase + "-" + i;
            long number = 10_000_000_000L + i + (phase.equals("run") ? 1_000_000_000L : 0);
            String hexId = Long.toHexString(number).toUpperCase();
            String decimalId = Long.toString(number);
            long now = System.currentTimeMillis();
            tracking.accept(OutboundSegment.single(msgId, smsc, 0, now))
                    .thenCompose(accepted -> tracking.markSent(msgId, 1, hexId, now, now))
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

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }
}
