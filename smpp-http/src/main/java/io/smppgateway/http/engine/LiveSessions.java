package io.smppgateway.http.engine;

import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.http.live.GatewayInstance;
import io.smppgateway.http.live.HeldConnection;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.LiveConnections;
import io.smppgateway.http.live.LiveInstance;
import io.smppgateway.smpp.client.GatewayClient;
import io.smppgateway.store.cluster.ConnectionSide;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import io.smppgateway.store.cluster.InstanceConnection;
import io.smppgateway.store.receipt.PendingReceipts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's {@code connections}: the engine's binds to SMSCs and the ESMEs bound to its
 * server, as snapshots, and for the lists of every instance those the other instances on the
 * database published. An ESME connection's {@code queueCount} is, as the manual defines it, the
 * client's "DLR queue awaiting submit": the receipts waiting in the store for a receiver bind of
 * that client, plus the deliver_sm queued on the session itself. The waiting receipts belong to the
 * client, not to one bind, so each of its connections shows them, on whichever instance it is.
 */
final class LiveSessions implements LiveConnections {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);
    /** Reading the waiting receipts must not hold the API's answer for long: without them, the rest still shows. */
    private static final long PENDING_COUNT_TIMEOUT_SECONDS = 5;

    private final GatewayEngine engine;
    private final PendingReceipts pendingReceipts;
    private final LiveInstance self;

    LiveSessions(GatewayEngine engine, PendingReceipts pendingReceipts) {
        this.engine = engine;
        this.pendingReceipts = pendingReceipts;
        this.self = new LiveInstance(engine.instanceId(), engine.instanceHost());
    }

    @Override
    public LiveInstance instance() {
        return self;
    }

    @Override
    public List<GatewayInstance> instances() {
        return engine.liveInstances().stream().map(instance -> new GatewayInstance(
                instance.id().equals(self.id()) ? self : new LiveInstance(instance.id(), instance.host()),
                instance.started() / 1000, instance.heartbeat() / 1000)).toList();
    }

    @Override
    public List<LiveConnection> ofGateways() {
        return held(ConnectionSide.SMSC, engine.connections(), List.of()).stream().map(HeldConnection::connection)
                .toList();
    }

    @Override
    public List<LiveConnection> ofClients() {
        return held(ConnectionSide.ESME, engine.connections(), List.of()).stream().map(HeldConnection::connection)
                .toList();
    }

    @Override
    public List<HeldConnection> ofGatewaysOnEveryInstance() {
        return held(ConnectionSide.SMSC, engine.connections(), otherInstances());
    }

    @Override
    public List<HeldConnection> ofClientsOnEveryInstance() {
        return held(ConnectionSide.ESME, engine.connections(), otherInstances());
    }

    /** This instance's connections on {@code side}, then the other instances'. */
    private List<HeldConnection> held(ConnectionSide side, List<ConnectionSnapshot> own,
                                      List<InstanceConnection> others) {
        List<InstanceConnection> all = new ArrayList<>();
        for (ConnectionSnapshot connection : own) {
            all.add(new InstanceConnection(self.id(), self.host(), connection));
        }
        all.addAll(others);
        List<InstanceConnection> onSide = all.stream().filter(held -> held.connection().side() == side).toList();
        Map<Long, Integer> waiting = side == ConnectionSide.ESME && !onSide.isEmpty() ? waitingReceipts() : Map.of();
        List<HeldConnection> connections = new ArrayList<>();
        for (InstanceConnection held : onSide) {
            LiveInstance instance = held.instanceId().equals(self.id()) ? self
                    : new LiveInstance(held.instanceId(), held.instanceHost());
            connections.add(new HeldConnection(instance, live(held.connection(), waiting)));
        }
        return connections;
    }

    private static LiveConnection live(ConnectionSnapshot connection, Map<Long, Integer> waiting) {
        int queue = connection.queueCount() + (connection.side() == ConnectionSide.ESME
                ? waiting.getOrDefault(connection.ownerId(), 0) : 0);
        return new LiveConnection(connection.ownerId(), connection.bindType(), connection.status(),
                connection.connectionId(), connection.localAddr(), connection.remoteAddr(),
                connection.inflightCount(), queue, connection.connected(), connection.systemType(),
                connection.lastError(), connection.nextAttempt());
    }

    /** What the other instances published; none, and a warning, when the database does not answer. */
    private List<InstanceConnection> otherInstances() {
        try {
            return engine.connectionsOfOtherInstances();
        } catch (RuntimeException e) {
            log.warn("the connections list only this instance's: cannot read the other instances' ({})",
                    e.toString());
            return List.of();
        }
    }

    /** Receipts waiting for a receiver bind, by client id; none when the store cannot say in time. */
    private Map<Long, Integer> waitingReceipts() {
        try {
            return pendingReceipts.counts().get(PENDING_COUNT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("the connections' queueCount leaves out the waiting receipts: cannot count them: {}",
                    e.getMessage());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    @Override
    public long gatewayQueueCount(long gatewayId) {
        return engine.smscGateways().smscIdOf(gatewayId).flatMap(engine.smscPool()::get)
                .map(GatewayClient::queueCount).orElse(0);
    }
}
