package io.smppgateway.persistence.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.cluster.ClusterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClusterStoreTest extends DatabaseTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private final ClusterStore cluster = db().cluster();

    private static long newClient(int binds) {
        return db().clients().create(Client.builder().username("c" + System.nanoTime() % 100_000 + "-"
                + NEXT.incrementAndGet()).password("pw").binds(binds).enabled(true).build()).id();
    }

    private static String session() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aClientsBindsAreCappedAcrossInstancesAndAReleasedBindMakesRoom() {
        long client = newClient(2);
        String first = session();

        assertTrue(cluster.reserveBind(client, 2, first, "instance-a", 1_000));
        assertTrue(cluster.reserveBind(client, 2, session(), "instance-b", 1_000));
        assertFalse(cluster.reserveBind(client, 2, session(), "instance-a", 1_000), "a third bind is over the cap");
        assertEquals(2, cluster.bindsOf(client));

        cluster.releaseBind(first);

        assertTrue(cluster.reserveBind(client, 2, session(), "instance-b", 1_000));
    }

    @Test
    void bindsReservedAtTheSameMomentNeverExceedTheCap() throws Exception {
        long client = newClient(3);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String instance = i % 2 == 0 ? "instance-a" : "instance-b";
            attempts.add(threads.submit(() -> {
                start.await();
                return cluster.reserveBind(client, 3, session(), instance, 1_000);
            }));
        }
        start.countDown();
        int reserved = 0;
        for (Future<Boolean> attempt : attempts) {
            reserved += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();

        assertEquals(3, reserved);
        assertEquals(3, cluster.bindsOf(client));
    }

    @Test
    void anInstanceThatStoppedHeartBeatingIsRemovedWithItsBinds() {
        long client = newClient(5);
        String dead = "dead-" + UUID.randomUUID().toString().substring(5);
        String alive = "live-" + UUID.randomUUID().toString().substring(5);
        cluster.heartbeat(dead, "host-1", 10_000);
        cluster.heartbeat(alive, "host-2", 10_000);
        cluster.reserveBind(client, 5, session(), dead, 10_000);
        cluster.reserveBind(client, 5, session(), alive, 10_000);
        cluster.heartbeat(alive, "host-2", 25_000);

        List<String> removed = cluster.removeDead(15_000);

        assertEquals(List.of(dead), removed);
        assertFalse(cluster.live(15_000).contains(dead));
        assertTrue(cluster.live(15_000).contains(alive));
        assertEquals(1, cluster.bindsOf(client), "only the live instance's bind still counts");
    }

    @Test
    void anInstanceThatLeavesTakesItsBindsWithIt() {
        long client = newClient(5);
        String leaving = "leaving-" + UUID.randomUUID().toString().substring(8);
        cluster.heartbeat(leaving, "host", 1_000);
        cluster.reserveBind(client, 5, session(), leaving, 1_000);

        cluster.leave(leaving);

        assertEquals(0, cluster.bindsOf(client));
        assertFalse(cluster.live(0).contains(leaving));
    }

    @Test
    void aBindForAClientThatNoLongerExistsIsNotRecorded() {
        assertFalse(cluster.reserveBind(Long.MAX_VALUE - 7, 5, session(), "instance-a", 1_000));
    }
}
