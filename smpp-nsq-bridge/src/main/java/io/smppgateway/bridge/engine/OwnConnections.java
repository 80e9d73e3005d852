package io.smppgateway.bridge.engine;

import io.smppgateway.bridge.flow.PoolSmscGateways;
import io.smppgateway.smpp.client.BindFailure;
import io.smppgateway.smpp.client.GatewayClient;
import io.smppgateway.smpp.client.GatewayConnection;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.server.BoundEsme;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.smpp.session.SmppSession;
import io.smppgateway.store.cluster.ConnectionSide;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * This instance's connections at this moment: the ESMEs bound to its SMPP server and its binds to
 * the SMSCs, with the fields the manual lists for each. What the heartbeat publishes for the other
 * instances and what the host lists as this instance's own. Reads in-memory state only.
 */
final class OwnConnections {

    private final SmppServer server;
    private final GatewayPool pool;
    private final PoolSmscGateways gateways;

    OwnConnections(SmppServer server, GatewayPool pool, PoolSmscGateways gateways) {
        this.server = server;
        this.pool = pool;
        this.gateways = gateways;
    }

    List<ConnectionSnapshot> now() {
        List<ConnectionSnapshot> connections = new ArrayList<>();
        for (BoundEsme esme : server.sessions().all()) {
            SmppSession session = esme.session();
            connections.add(ConnectionSnapshot.builder(ConnectionSide.ESME, esme.account().id())
                    .bindType(session.bindType()).status(session.state()).connectionId(session.id())
                    .localAddr(address(session.localAddress())).remoteAddr(address(session.remoteAddress()))
                    .inflightCount(session.inflightCount()).queueCount(session.queueCount())
                    .connected(session.stateChangedAt()).systemType(session.systemType()).build());
        }
        for (GatewayClient client : pool.all()) {
            long gatewayId = gateways.stored(client.smscId()).map(gateway -> gateway.id()).orElse(0L);
            for (GatewayConnection connection : client.connections()) {
                connections.add(ConnectionSnapshot.builder(ConnectionSide.SMSC, gatewayId)
                        .bindType(bindType(connection.bindType())).status(SessionState.valueOf(connection.status()))
                        .connectionId(connection.connectionId()).localAddr(connection.localAddr())
                        .remoteAddr(connection.remoteAddr()).inflightCount(connection.inflightCount())
                        .queueCount(connection.queueCount()).connected(connection.connected())
                        .systemType(connection.systemType())
                        .lastError(connection.failure().map(BindFailure::describe).orElse(""))
                        .nextAttempt(connection.nextAttemptAt() / 1000).build());
            }
        }
        return connections;
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
