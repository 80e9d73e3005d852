package io.smppgateway.bridge.engine;

import io.smppgateway.store.cluster.ClusterStore;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's membership of the gateway: it heart-beats in the shared database every
 * {@link #EVERY}, and removes any instance that has not for {@link #GONE_AFTER}, with the ESME
 * binds it held, so that a killed instance's binds stop counting against their clients' caps.
 * With each beat it publishes its connections for the other instances' REST API, when they
 * changed since the last beat. Nothing is configured: instances on the same database find each
 * other there.
 *
 * <p>After each beat it reads which instances are live, and tells its listener when that list
 * changed (the SMSC binds are shared out by it).
 */
final class InstanceHeartbeat implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(2);
    static final Duration GONE_AFTER = Duration.ofSeconds(10);
    /**
     * How long an instance that joins live others holds none of the SMSC binds: they see it at
     * their next beat (within {@link #EVERY}) and close the binds that became its share (an unbind
     * waits up to 2 s for its answer), and only then does it open them, so that the SMSC never sees
     * more binds than the gateway's counts (providers cap binds per account and refuse the extra).
     */
    static final Duration JOIN_GRACE = EVERY.multipliedBy(2);

    private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final ClusterStore cluster;
    private final String instanceId;
    private final String host;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "instance-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile OwnConnections connections;
    private List<ConnectionSnapshot> published;
    private boolean failing;
    private long failingSince;
    private boolean publishFailing;
    private volatile List<String> live = List.of();
    private volatile Consumer<List<String>> onChange = instances -> { };
    private volatile boolean left;
    /** Until when (epoch millis) this instance, having joined live others, holds no SMSC binds; 0 once over. */
    private volatile long joinGraceUntil;

    InstanceHeartbeat(ClusterStore cluster, String instanceId, String host) {
        this.cluster = cluster;
        this.instanceId = instanceId;
        this.host = host;
    }

    /** From the next beat on, publishes these connections (the server and the pool are up). */
    void publish(OwnConnections own) {
        this.connections = own;
    }

    /**
     * The live instances as last read, oldest start first: this one among them once it joined, and
     * none once its heartbeat failed for {@link #GONE_AFTER} (the others take it as gone).
     */
    List<String> live() {
        return live;
    }

    /**
     * The live instances as the database lists them now (the list last read when it does not
     * answer): for a gateway saved between two beats, so that an instance that joined since the
     * last beat is counted.
     */
    List<String> liveNow() {
        try {
            return List.copyOf(cluster.live(System.currentTimeMillis() - GONE_AFTER.toMillis()));
        } catch (RuntimeException e) {
            return live;
        }
    }

    /**
     * Whether this instance joined live others less than {@link #JOIN_GRACE} ago: it holds no SMSC
     * binds yet, and its listener hears of the live instances again when the grace is over.
     */
    boolean joining() {
        long until = joinGraceUntil;
        return until != 0 && System.currentTimeMillis() < until;
    }

    /** Who hears of each change of the live instances, and of the end of {@link #joining()} (on the heartbeat's thread). */
    void onMembershipChange(Consumer<List<String>> listener) {
        this.onChange = listener;
    }

    /** Joins now (a database that does not answer fails the start), then heart-beats on its own thread. */
    void start() {
        cluster.heartbeat(instanceId, host, System.currentTimeMillis());
        long now = System.currentTimeMillis();
        live = List.copyOf(cluster.live(now - GONE_AFTER.toMillis()));
        if (live.size() > 1) {
            joinGraceUntil = now + JOIN_GRACE.toMillis();
        }
        log.info("instance {} on {} joined; {} instance(s) live on this database{}", instanceId, host, live.size(),
                live.size() > 1 ? "; it opens its share of the SMSC binds in " + JOIN_GRACE.toSeconds()
                        + " s, once the others closed theirs" : "");
        timer.scheduleWithFixedDelay(this::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        if (left) {
            return;
        }
        try {
            long now = System.currentTimeMillis();
            if (cluster.heartbeat(instanceId, host, now)) {
                // taken as gone meanwhile (a pause, the database away): its rows went with it, write them again
                published = null;
            }
            List<String> removed = cluster.removeDead(now - GONE_AFTER.toMillis());
            for (String gone : removed) {
                log.warn("instance {} stopped heart-beating over {} s ago: it is taken as gone and its ESME binds no"
                        + " longer count", gone, GONE_AFTER.toSeconds());
            }
            List<String> nowLive = List.copyOf(cluster.live(now - GONE_AFTER.toMillis()));
            boolean graceOver = joinGraceUntil != 0 && now >= joinGraceUntil;
            if (graceOver) {
                joinGraceUntil = 0;
            }
            if ((graceOver || !nowLive.equals(live)) && !left) {
                if (!nowLive.equals(live)) {
                    log.info("live instances: {} (were {})", nowLive.size(), live.size());
                }
                live = nowLive;
                onChange.accept(nowLive);
            }
            if (failing) {
                failing = false;
                log.info("instance heartbeat: the database answers again");
            }
        } catch (RuntimeException e) {
            long now = System.currentTimeMillis();
            if (!failing) {
                failing = true;
                failingSince = now;
                log.warn("instance heartbeat: cannot reach the database ({}); after {} s other instances take this"
                        + " one as gone", e.toString(), GONE_AFTER.toSeconds());
            } else if (now - failingSince >= GONE_AFTER.toMillis() && !live.isEmpty() && !left) {
                // the others take this instance as gone and its share of the SMSC binds with it: let go of
                // them too, so that the SMSC does not see them twice; they come back when the database does
                log.warn("instance heartbeat: no heartbeat for {} s, so the other instances take this one as gone:"
                        + " closing its share of the SMSC binds until the database answers", GONE_AFTER.toSeconds());
                live = List.of();
                onChange.accept(live);
            }
            return;
        }
        publishConnections();
    }

    /**
     * Writes this instance's connections when they differ from those it last wrote. A failure only
     * leaves the other instances' lists behind: it is said once, and the next beat tries again.
     */
    private void publishConnections() {
        OwnConnections own = connections;
        if (own == null) {
            return;
        }
        try {
            List<ConnectionSnapshot> now = own.now();
            if (!now.equals(published)) {
                published = null;
                cluster.publishConnections(instanceId, now);
                published = now;
            }
            if (publishFailing) {
                publishFailing = false;
                log.info("instance heartbeat: this instance's connections are published again");
            }
        } catch (RuntimeException e) {
            if (!publishFailing) {
                publishFailing = true;
                log.warn("instance heartbeat: cannot publish this instance's connections ({}); the other instances"
                        + " list them as last published", e.toString());
            }
        }
    }

    /** The name of the host this process runs on, as the instance row records it. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /**
     * Leaves: this instance's row and its binds go at once, rather than after {@link #GONE_AFTER},
     * so that the others take over its share of the SMSC binds at their next beat. Stops beating.
     */
    void leave() {
        if (left) {
            return;
        }
        left = true;
        timer.shutdownNow();
        try {
            // a beat under way would write the row again after it is removed
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            cluster.leave(instanceId);
        } catch (RuntimeException e) {
            log.warn("instance {} could not say it leaves ({}); the others take it as gone after {} s", instanceId,
                    e.toString(), GONE_AFTER.toSeconds());
        }
    }

    @Override
    public void close() {
        leave();
    }
}
