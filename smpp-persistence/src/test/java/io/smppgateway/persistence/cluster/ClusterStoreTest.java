package io.smppgateway.persistence.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.cluster.ClusterStore;
import io.smppgateway.store.cluster.ConnectionSide;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import io.smppgateway.store.cluster.Instance;
import io.smppgateway.store.cluster.InstanceConnection;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster's membership and ESME bind counts in the store, on MariaDB and on the embedded
 * database, with explicit times: points 1 and 3 of the cluster's behaviours (the map is in
 * smpp-nsq-bridge's {@code TestCluster}).
 */
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

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void bindsReservedAtTheSameMomentOnEveryInstanceNeverExceedTheCap(int instances) throws Exception {
        long client = newClient(3);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String instance = "instance-" + i % instances;
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

    private static String instance(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(name.length() + 1);
    }

    private static ConnectionSnapshot esmeBind(long clientId, String connectionId, int inflight) {
        return ConnectionSnapshot.builder(ConnectionSide.ESME, clientId).bindType(BindType.TRANSCEIVER)
                .status(SessionState.BOUND_TRX).connectionId(connectionId).localAddr("10.0.0.1:2775")
                .remoteAddr("10.0.0.9:40001").inflightCount(inflight).queueCount(3).connected(1_721_935_169)
                .systemType("esme-sys").build();
    }

    private static ConnectionSnapshot smscBind(long gatewayId, String connectionId) {
        return ConnectionSnapshot.builder(ConnectionSide.SMSC, gatewayId).bindType(BindType.RECEIVER)
                .status(SessionState.DIAL).connectionId(connectionId).localAddr("").remoteAddr("10.0.0.7:2775")
                .connected(1_721_935_170).lastError("bind refused: ESME_RINVPASWD").nextAttempt(1_721_935_200).build();
    }

    // Times from 1_000_000 on: the instances these tests leave behind are never before the dead line of
    // the test above, which expects to remove its own instance only.
    private List<InstanceConnection> publishedBy(String instanceId, long aliveSince) {
        return cluster.connectionsOfOthers("someone-else", aliveSince).stream()
                .filter(connection -> connection.instanceId().equals(instanceId)).toList();
    }

    @Test
    void theConnectionsAnInstancePublishedAreListedWithItsHostToTheOthersOnly() {
        String a = instance("a");
        String b = instance("b");
        cluster.heartbeat(a, "host-a", 1_001_000);
        cluster.heartbeat(b, "host-b", 1_001_000);
        ConnectionSnapshot esme = esmeBind(7, session(), 2);
        ConnectionSnapshot smsc = smscBind(8, session());

        cluster.publishConnections(a, List.of(esme, smsc));

        assertEquals(List.of(new InstanceConnection(a, "host-a", esme), new InstanceConnection(a, "host-a", smsc)),
                cluster.connectionsOfOthers(b, 1_001_000).stream().filter(c -> c.instanceId().equals(a))
                        .sorted(java.util.Comparator.comparing(c -> c.connection().side())).toList(),
                "every field as published");
        assertTrue(cluster.connectionsOfOthers(a, 1_001_000).stream().noneMatch(c -> c.instanceId().equals(a)),
                "an instance's own connections are not among the others'");
    }

    @Test
    void aLongBindFailureIsCutToItsColumn() {
        String a = instance("a");
        cluster.heartbeat(a, "host-a", 1_001_000);
        String reason = "TLS handshake failed: " + "x".repeat(400);
        ConnectionSnapshot failing = ConnectionSnapshot.builder(ConnectionSide.SMSC, 9).bindType(BindType.TRANSCEIVER)
                .status(SessionState.CLOSED).connectionId(session()).localAddr("").remoteAddr("10.0.0.7:3550")
                .connected(1_721_935_171).lastError(reason).nextAttempt(1_721_935_201).build();

        cluster.publishConnections(a, List.of(failing));

        String stored = publishedBy(a, 1_001_000).get(0).connection().lastError();
        assertEquals(255, stored.length());
        assertTrue(stored.startsWith("TLS handshake failed: xxx") && stored.endsWith("..."), stored);
    }

    @Test
    void aNewPublicationReplacesTheInstancesConnections() {
        String a = instance("a");
        cluster.heartbeat(a, "host-a", 1_001_000);
        String kept = session();
        cluster.publishConnections(a, List.of(esmeBind(7, kept, 0), esmeBind(7, session(), 0)));

        cluster.publishConnections(a, List.of(esmeBind(7, kept, 5)));

        assertEquals(List.of(esmeBind(7, kept, 5)), publishedBy(a, 1_001_000).stream()
                .map(InstanceConnection::connection).toList());

        cluster.publishConnections(a, List.of());

        assertEquals(List.of(), publishedBy(a, 1_001_000));
    }

    @Test
    void theConnectionsOfAnInstanceTakenAsGoneAreNotListedAndGoWithIt() {
        String gone = instance("gone");
        String alive = instance("live");
        cluster.heartbeat(gone, "host-1", 1_010_000);
        cluster.heartbeat(alive, "host-2", 1_025_000);
        cluster.publishConnections(gone, List.of(esmeBind(7, session(), 0)));
        cluster.publishConnections(alive, List.of(smscBind(8, session())));

        assertEquals(List.of(), publishedBy(gone, 1_015_000), "its heartbeat is older than the live ones'");
        assertEquals(1, publishedBy(alive, 1_015_000).size());

        cluster.removeDead(1_015_000);

        assertEquals(List.of(), publishedBy(gone, 0), "purged with the instance");
        assertEquals(1, publishedBy(alive, 0).size());
    }

    @Test
    void anInstanceThatLeavesTakesItsConnectionsWithIt() {
        String leaving = instance("leaving");
        cluster.heartbeat(leaving, "host", 1_001_000);
        cluster.publishConnections(leaving, List.of(esmeBind(7, session(), 0), smscBind(8, session())));

        cluster.leave(leaving);

        assertEquals(List.of(), publishedBy(leaving, 0));
    }

    @Test
    void aHeartbeatSaysWhenItCreatedTheRowAgainAfterTheInstanceWasTakenAsGone() {
        String paused = instance("paused");
        assertTrue(cluster.heartbeat(paused, "host", 1_030_000), "the first beat joins");
        assertFalse(cluster.heartbeat(paused, "host", 1_031_000));
        cluster.publishConnections(paused, List.of(smscBind(8, session())));

        cluster.removeDead(1_040_000);

        assertTrue(cluster.heartbeat(paused, "host", 1_050_000), "joined again: its connections must be written again");
        assertEquals(List.of(), publishedBy(paused, 0));
    }

    @Test
    void joiningClearsTheConnectionsOfInstancesWhoseRowIsGone() {
        // rows without their instance row: what an instance of a release before live_connections
        // leaves when its removeDead removes an instance of this one
        String ghost = instance("ghost");
        cluster.publishConnections(ghost, List.of(esmeBind(7, session(), 0)));

        cluster.heartbeat(instance("new"), "host", 1_001_000);

        cluster.heartbeat(ghost, "host", 1_001_000);
        assertEquals(List.of(), publishedBy(ghost, 0), "cleared when the other joined");
    }

    @Test
    void theLiveInstancesComeWithTheirHostAndTimesOldestStartFirst() {
        String older = instance("older");
        String newer = instance("newer");
        String gone = instance("gone");
        cluster.heartbeat(gone, "host-0", 1_060_000);
        cluster.heartbeat(newer, "host-2", 1_062_000);
        cluster.heartbeat(older, "host-1", 1_061_000);
        cluster.heartbeat(older, "host-1", 1_065_000);

        List<Instance> live = cluster.liveInstances(1_061_000).stream()
                .filter(i -> List.of(older, newer, gone).contains(i.id())).toList();

        assertEquals(List.of(new Instance(older, "host-1", 1_061_000, 1_065_000),
                new Instance(newer, "host-2", 1_062_000, 1_062_000)), live);
    }
}
