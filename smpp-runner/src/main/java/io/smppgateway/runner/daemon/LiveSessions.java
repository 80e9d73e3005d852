package io.smppgateway.runner.daemon;

import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.LiveConnections;
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

/** The REST API's {@code connections}: the client pool's binds to SMSCs and the ESMEs bound to our server, as snapshots. */
final class LiveSessions implements LiveConnections {

    private final GatewayPool pool;
    private final PoolSmscGateways gateways;
    private final SmppServer server;

    LiveSessions(GatewayPool pool, PoolSmscGateways gateways, SmppServer server) {
        this.pool = pool;
        this.gateways = gateways;
        this.server = server;
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
        for (BoundEsme bound : server.sessions().all()) {
            SmppSession session = bound.session();
            connections.add(new LiveConnection(bound.account().id(), session.bindType(), session.state(), session.id(),
                    address(session.localAddress()), address(session.remoteAddress()), session.inflightCount(),
                    session.queueCount(), session.stateChangedAt(), session.systemType()));
        }
        return connections;
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
