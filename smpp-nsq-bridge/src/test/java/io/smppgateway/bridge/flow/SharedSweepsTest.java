package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.bridge.message.DlrIn;
import io.smppgateway.persistence.Database;
import io.smppgateway.persistence.retention.PurgeReport;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.store.outbound.TrackedSegment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 24-hour expiry and the retention purges run on every instance, so that no instance's death
 * stops them, and still do each piece of work once: the database decides which instance's scan
 * marks a segment, and which purge deletes a row. Two and three instances on one MariaDB database.
 * Point 7 of the cluster's behaviours (the map is in {@link TestCluster}); the waiting receipts'
 * delivery, the third sweep, is leased to one instance at a time ({@link SharedReceiptsTest}).
 */
class SharedSweepsTest {

    private static final Duration DAY_AND_AN_HOUR = Duration.ofHours(25);

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void instancesScanningAtOnceExpireASegmentOnce(int instances) throws Exception {
        try (Harness harness = new Harness(TestBus.Kind.IN_PROCESS, TestDatabase.Kind.MARIADB)) {
            String msgId = UUID.randomUUID().toString();
            harness.publish(Topic.SMS_OUT, FlowScenarios.smsOut(msgId, "447900000001", "no receipt will come"));
            harness.awaitDlrIn(msgId, "sent");
            FlowConfig dayLater = FlowConfig.defaults().withClock(Clock.offset(Clock.systemUTC(), DAY_AND_AN_HOUR));
            List<DlrIn> heard = new CopyOnWriteArrayList<>();
            List<AutoCloseable> toClose = new ArrayList<>();
            try {
                List<ExpiryFlow> flows = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    Database pool = i == 0 ? harness.database.database() : harness.database.anotherInstance();
                    if (i > 0) {
                        toClose.add(pool);
                    }
                    ExpiryFlow flow = new ExpiryFlow(harness.appBus(), pool.outbound(), dayLater, heard::add);
                    toClose.add(flow);
                    flows.add(flow);
                }
                List<CompletableFuture<Integer>> scans = flows.stream().map(ExpiryFlow::scan).toList();

                assertEquals(1, scans.stream().mapToInt(CompletableFuture::join).sum(),
                        "segments expired by the " + instances + " scans together");
            } finally {
                for (int i = toClose.size() - 1; i >= 0; i--) {
                    toClose.get(i).close();
                }
            }
            assertEquals(1, heard.stream().filter(e -> e.msgId().equals(msgId) && e.status().equals("expired")).count(),
                    heard.toString());
        }
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void everyInstanceScansSoASegmentExpiresOnceWhileAllRunAndStillWhenOneIsLeft(int instances) throws Exception {
        try (TestDatabase database = new TestDatabase(TestDatabase.Kind.MARIADB);
             TestCluster cluster = new TestCluster(database, null)) {
            List<GatewayEngine> engines = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                engines.add(cluster.start(cluster.nextStores(), options -> options.flows(FlowConfig.defaults()
                        .withExpiry(Duration.ofHours(24), Duration.ofMillis(100)))));
            }

            String whileAllRun = recordSentLongAgo(database);
            Await.until("the segment expired", () -> expiredBy(cluster, whileAllRun).size() == 1);
            sleepThroughScans();
            assertEquals(1, expiredBy(cluster, whileAllRun).size(), "one expired event among every instance's");

            GatewayEngine last = engines.get(instances - 1);
            for (GatewayEngine engine : engines.subList(0, instances - 1)) {
                assertTrue(engine.stop(), "stopped cleanly");
            }
            String afterTheOthersStopped = recordSentLongAgo(database);

            Await.until("the segment expired by the instance left", () -> cluster.dlrInOf(last).stream()
                    .anyMatch(e -> e.msgId().equals(afterTheOthersStopped) && e.status().equals("expired")));
            assertEquals(List.of(last), expiredBy(cluster, afterTheOthersStopped));
        }
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void purgesRunningAtOnceOnEveryInstanceDeleteEachOldRowOnceAndKeepTheRest(int instances) throws Exception {
        try (TestDatabase database = new TestDatabase(TestDatabase.Kind.MARIADB)) {
            Database first = database.database();
            long now = System.currentTimeMillis();
            long old = now - Duration.ofDays(8).toMillis();
            List<String> oldIds = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String id = UUID.randomUUID().toString();
                oldIds.add(id);
                first.outbound().record(segment(id, "purged", old)).join();
                first.inbound().record(issued(id, old)).join();
            }
            String kept = UUID.randomUUID().toString();
            first.outbound().record(segment(kept, "purged", now)).join();
            first.inbound().record(issued(kept, now)).join();
            long cutoff = now - Duration.ofDays(7).toMillis();

            List<Database> pools = new ArrayList<>(List.of(first));
            List<PurgeReport> reports;
            try {
                for (int i = 1; i < instances; i++) {
                    pools.add(database.anotherInstance());
                }
                List<CompletableFuture<PurgeReport>> purges = pools.stream()
                        .map(pool -> pool.retention().purgeOlderThan(cutoff)).toList();
                reports = purges.stream().map(CompletableFuture::join).toList();
            } finally {
                pools.subList(1, pools.size()).forEach(Database::close);
            }

            assertEquals(30, reports.stream().mapToLong(PurgeReport::outboundRows).sum(), reports.toString());
            assertEquals(30, reports.stream().mapToLong(PurgeReport::inboundRows).sum(), reports.toString());
            for (String id : oldIds) {
                assertEquals(Optional.empty(), first.outbound().find(id, 1).join());
                assertEquals(Optional.empty(), first.inbound().find(id).join());
            }
            assertTrue(first.outbound().find(kept, 1).join().isPresent());
            assertTrue(first.inbound().find(kept).join().isPresent());
        }
    }

    /** A segment sent a day and an hour ago that no receipt came for: due to expire. */
    private static String recordSentLongAgo(TestDatabase database) {
        String msgId = UUID.randomUUID().toString();
        long sent = System.currentTimeMillis() - DAY_AND_AN_HOUR.toMillis();
        database.database().outbound().record(segment(msgId, "expiring", sent)).join();
        return msgId;
    }

    private static TrackedSegment segment(String msgId, String smscId, long time) {
        return new TrackedSegment(msgId, smscId, 1, 1, 0, 0, MessageStatus.SENT, 0, "g-" + msgId, time, time, time, 0);
    }

    private static IssuedMessage issued(String msgId, long time) {
        return new IssuedMessage(msgId, 1, time, "a", 0, 0, "b", 0, 0, 0, 0, 1, "");
    }

    /** The instances that published an {@code expired} event for this msg_id, once per event. */
    private static List<GatewayEngine> expiredBy(TestCluster cluster, String msgId) {
        List<GatewayEngine> by = new ArrayList<>();
        for (GatewayEngine engine : cluster.instances()) {
            cluster.dlrInOf(engine).stream().filter(e -> e.msgId().equals(msgId) && e.status().equals("expired"))
                    .forEach(e -> by.add(engine));
        }
        return by;
    }

    private static void sleepThroughScans() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
