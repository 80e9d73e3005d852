package io.smppgateway.runner.daemon;

import io.smppgateway.bridge.flow.PoolSmscGateways;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.LiveConnections;
import io.smppgateway.store.receipt.PendingReceipts;
import io.smppgateway.smpp.client.GatewayClient;
import io.smppgateway.smpp.client.GatewayConnection;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.server.BoundEsme;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.smpp.session.SmppSession;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's {@code connections}: the client pool's binds to SMSCs and the ESMEs bound to our
 * server, as snapshots. An ESME connection's {@code queueCount} is, as the manual defines it, the
 * client's "DLR queue awaiting submit": the receipts waiting in the store for a receiver bind of
 * that client, plus the deliver_sm queued on the session itself. The waiting receipts belong to the
 * client, not to one bind, so each of its connections shows them.
 */
final class LiveSessions implements LiveConnections {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);
    /** Reading the waiting receipts must not hold the API's answer for long: without them, the rest still shows. */
    private static final long PENDING_COUNT_TIMEOUT_SECONDS = 5;

    private final GatewayPool pool;
    private final PoolSmscGateways gateways;
    private final SmppServer server;
    private final PendingReceipts pendingReceipts;

    LiveSessions(GatewayPool pool, PoolSmscGateways gateways, SmppServer server, PendingReceipts pendingReceipts) {
        this.pool = pool;
        this.gateways = gateways;
        this.server = server;
        this.pendingReceipts = pendingReceipts;
    }

    @Override
    public List<LiveConnection> ofGateways() {
        List<LiveConnection> connections = new ArrayList<>();
        for (GatewayClient client : pool.all()) {
            long id = gateways.stored(client.smscId()).map(g -> g.id()).orElse(0L);
            for (GatewayConnection connection : client.connections()) {
                connections.add(new LiveConnection(id, bindType(connection.bindType()),
                        SessionState.valueOf(connection.status()), connection.connectionId(), connection.localAddr(),
                        connection.remoteAddr(), connection.inflightCount(), connection.queueCount(),
                        connection.connected(), connection.systemType()));
            }
        }
        return connections;
    }

    @Override
    public List<LiveConnection> ofClients() {
        List<LiveConnection> connections = new ArrayList<>();
        List<BoundEsme> bound = server.sessions().all();
        Map<Long, Integer> waiting = bound.isEmpty() ? Map.of() : waitingReceipts();
        for (BoundEsme esme : bound) {
            SmppSession session = esme.session();
            long clientId = esme.account().id();
            connections.add(new LiveConnection(clientId, session.bindType(), session.state(), session.id(),
                    address(session.localAddress()), address(session.remoteAddress()), session.inflightCount(),
                    session.queueCount() + waiting.getOrDefault(clientId, 0), session.stateChangedAt(),
                    session.systemType()));
        }
        return connections;
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
        return gateways.smscIdOf(gatewayId).flatMap(pool::get).map(GatewayClient::queueCount).orElse(0);
    }

    private static BindType bindType(String label) {
        for (BindType type : BindType.values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a bind type: " + label);
    }

    private static String address(InetSocketAddress address) {
        return address == null || address.getAddress() == null ? ""
                : address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
