package io.smppgateway.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.web.JsonResponses;
import io.undertow.server.HttpServerExchange;
import java.util.List;

/**
 * {@code GET /api/stats}: the totals the dashboard polls: message counters (it derives messages per
 * second from two answers and their {@code time}), bound connections, and queued SMS, all of this
 * instance, which {@code instance} and {@code instance_host} name (the dashboard marks the
 * connections it holds in the every-instance lists).
 */
public final class StatsResource {

    private final HttpBackend backend;

    public StatsResource(HttpBackend backend) {
        this.backend = backend;
    }

    public void stats(HttpServerExchange exchange) {
        MetricsSnapshot snapshot = backend.metrics().snapshot();
        List<LiveConnection> gatewayConnections = backend.connections().ofGateways();
        List<LiveConnection> clientConnections = backend.connections().ofClients();
        JsonObject body = new JsonObject();
        body.addProperty("time", System.currentTimeMillis());
        body.addProperty("instance", backend.connections().instance().id());
        body.addProperty("instance_host", backend.connections().instance().host());
        body.addProperty("messages_in", snapshot.messagesIn());
        body.addProperty("messages_out", snapshot.messagesOut());
        body.addProperty("gateway_binds", bound(gatewayConnections));
        body.addProperty("client_binds", bound(clientConnections));
        body.addProperty("queue_count", gatewayConnections.stream().mapToLong(LiveConnection::queueCount).sum()
                + clientConnections.stream().mapToLong(LiveConnection::queueCount).sum());
        body.add("gateways", traffic(snapshot.gateways()));
        body.add("clients", traffic(snapshot.clients()));
        JsonResponses.send(exchange, 200, body);
    }

    private static long bound(List<LiveConnection> connections) {
        return connections.stream().filter(connection -> connection.status().isBound()).count();
    }

    private static JsonArray traffic(List<PeerTraffic> peers) {
        JsonArray list = new JsonArray();
        for (PeerTraffic peer : peers) {
            JsonObject json = new JsonObject();
            json.addProperty("id", peer.id());
            json.addProperty("name", peer.name());
            json.addProperty("messages_in", peer.messagesIn());
            json.addProperty("messages_out", peer.messagesOut());
            list.add(json);
        }
        return list;
    }
}
